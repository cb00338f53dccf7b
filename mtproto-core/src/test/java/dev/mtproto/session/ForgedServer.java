package dev.mtproto.session;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.MessageCipher;
import dev.mtproto.tl.TlWriter;
import dev.mtproto.tl.mtproto.MsgContainer;
import dev.mtproto.tl.mtproto.MsgCopy;

/**
 * Builds server frames by hand, encrypted with the real key: what a DC (or someone holding the key, or
 * replaying) could send, including what our {@link ServerSession} never would.
 */
final class ForgedServer {
    private final MessageCipher cipher;
    private final long salt;

    ForgedServer(AuthKey key, long salt) {
        this.cipher = MessageCipher.forServer(key);
        this.salt = salt;
    }

    /** @return one encrypted frame carrying one message */
    byte[] frame(long sessionId, long msgId, int seqNo, byte[] body) {
        TlWriter plain = new TlWriter(body.length + 32);
        plain.writeLong(salt);
        plain.writeLong(sessionId);
        plain.writeLong(msgId);
        plain.writeInt(seqNo);
        plain.writeInt(body.length);
        plain.writeRaw(body);
        return cipher.encrypt(plain.toByteArray(), 0);
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
