package dev.mtproto.session.server;

import dev.mtproto.crypto.MessageCipher;
import dev.mtproto.session.MessageContainers;
import dev.mtproto.session.MessageIdClock;
import dev.mtproto.session.OutboundPacket;
import dev.mtproto.session.SeqNoCounter;
import dev.mtproto.tl.TlWriter;
import java.util.List;

/**
 * Turns a batch of server messages into one encrypted packet: a single message as it is, several in a
 * {@code msg_container}. Reuses its buffers; not thread-safe.
 */
final class PacketWriter {
    /** Most messages put in one container. */
    static final int MAX_CONTAINER_MESSAGES = 100;
    /** Most bytes of inner messages in one container. */
    static final int MAX_CONTAINER_BYTES = 1_000_000;

    private final MessageCipher cipher;
    private final MessageIdClock clock;
    private final SeqNoCounter seqNo;
    private final TlWriter plain = new TlWriter(4096);
    private byte[] wire = new byte[4096];

    PacketWriter(MessageCipher cipher, MessageIdClock clock, SeqNoCounter seqNo) {
        this.cipher = cipher;
        this.clock = clock;
        this.seqNo = seqNo;
    }

    /**
     * @param salt the salt to name
     * @param sessionId the session
     * @param batch the messages, at least one, each with its msg_id and seqno
     * @return the encrypted packet; its buffer is reused by the next call
     */
    OutboundPacket write(long salt, long sessionId, List<OutboundMessage> batch) {
        plain.reset();
        plain.writeLong(salt);
        plain.writeLong(sessionId);
        if (batch.size() == 1) {
            OutboundMessage m = batch.get(0);
            MessageContainers.writeMessage(plain, m.msgId, m.seqNo, m.body);
        } else {
            int lengthAt = MessageContainers.begin(plain, clock.nextServerId(false), seqNo.next(false), batch.size());
            for (OutboundMessage m : batch) {
                MessageContainers.writeMessage(plain, m.msgId, m.seqNo, m.body);
            }
            MessageContainers.end(plain, lengthAt);
        }
        int length = cipher.wireLength(plain.size(), 0);
        if (wire.length < length) {
            wire = new byte[Math.max(length, wire.length * 2)];
        }
        int written = cipher.encrypt(plain.buffer(), 0, plain.size(), 0, wire, 0);
        return new OutboundPacket(wire, written, false);
    }
}
