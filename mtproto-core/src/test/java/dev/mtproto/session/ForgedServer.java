package dev.mtproto.session;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.MessageCipher;
import dev.mtproto.fuzz.session.ForgedFrames;
import dev.mtproto.tl.TlWriter;
import dev.mtproto.tl.mtproto.MsgContainer;
import dev.mtproto.tl.mtproto.MsgCopy;

/**
 * Builds server frames by hand, encrypted with the real key: what a DC (or someone holding the key, or
 * replaying) could send, including what our {@link ServerSession} never would.
 */
final class ForgedServer {
    private final MessageCipher cipher;
    private final ForgedFrames raw;
    private final long salt;

    ForgedServer(AuthKey key, long salt) {
        this.cipher = MessageCipher.forServer(key);
        this.raw = new ForgedFrames(key);
        this.salt = salt;
    }

    /**
     * @param declaredLength what {@code message_data_length} says, true or not
     * @param padding how many padding bytes follow the body, right or not
     * @return one frame whose msg_key is computed over exactly this plaintext, so only the length and
     *     padding checks can refuse it
     */
    byte[] frame(long sessionId, long msgId, int seqNo, int declaredLength, byte[] body, int padding) {
        TlWriter plain = plaintext(sessionId, msgId, seqNo, declaredLength, body);
        plain.writeRaw(new byte[padding]);
        return raw.encrypt(plain.toByteArray());
    }

    private TlWriter plaintext(long sessionId, long msgId, int seqNo, int declaredLength, byte[] body) {
        TlWriter plain = new TlWriter(body.length + 32);
        plain.writeLong(salt);
        plain.writeLong(sessionId);
        plain.writeLong(msgId);
        plain.writeInt(seqNo);
        plain.writeInt(declaredLength);
        plain.writeRaw(body);
        return plain;
    }

    /** @return one encrypted frame carrying one message */
    byte[] frame(long sessionId, long msgId, int seqNo, byte[] body) {
        return cipher.encrypt(plaintext(sessionId, msgId, seqNo, body.length, body).toByteArray(), 0);
    }

    /** @return a {@code msg_container} body holding the messages {@code (ids[i], seqNos[i], bodies[i])} */
    static byte[] container(long[] ids, int[] seqNos, byte[][] bodies) {
        TlWriter w = new TlWriter();
        w.writeInt(MsgContainer.CONSTRUCTOR_ID);
        w.writeInt(ids.length);
        for (int i = 0; i < ids.length; i++) {
            MessageContainers.writeMessage(w, ids[i], seqNos[i], bodies[i]);
        }
        return w.toByteArray();
    }

    /** @return a {@code msg_copy} body around the message {@code (msgId, seqNo, body)} */
    static byte[] copy(long msgId, int seqNo, byte[] body) {
        TlWriter w = new TlWriter(body.length + 20);
        w.writeInt(MsgCopy.CONSTRUCTOR_ID);
        w.writeInt(dev.mtproto.tl.mtproto.Message.CONSTRUCTOR_ID); // orig_message:Message is boxed
        MessageContainers.writeMessage(w, msgId, seqNo, body);
        return w.toByteArray();
    }
}
