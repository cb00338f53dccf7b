package dev.mtproto.session;

import dev.mtproto.crypto.MessageCipher;
import dev.mtproto.tl.mtproto.RpcDropAnswer;
import java.util.List;

/**
 * The outgoing side of a client session: queueing calls (serialized at once), cancelling them, and turning
 * the queue into the next encrypted packet, whose messages are then recorded as sent
 * (https://core.telegram.org/mtproto/description, "Message Identifier", "Containers"). The owning
 * {@link ClientSession} checks that it is open before calling in.
 */
final class OutgoingCalls {
    private final SessionParts parts;
    private final MessageCipher cipher;
    private final ServerSalts salts;

    OutgoingCalls(SessionParts parts, MessageCipher cipher, ServerSalts salts) {
        this.parts = parts;
        this.cipher = cipher;
        this.salts = salts;
    }

    /** Serializes a call and queues it behind the others. */
    void submit(OutgoingCall<?> call) {
        Outgoing o = parts.packer().prepare(call);
        call.outgoing = o;
        parts.packer().add(o);
    }

    /** Serializes a call and queues it ahead of the others, keeping a reserved msg_id. */
    void submitWithId(OutgoingCall<?> call, long msgId) {
        Outgoing o = parts.packer().prepare(call);
        call.outgoing = o;
        parts.packer().addFirstWithId(o, msgId);
    }

    /**
     * @return whether the call was still pending: dropped from the queue, or forgotten after being sent with an
     *     {@code rpc_drop_answer} queued for it
     */
    boolean cancel(OutgoingCall<?> call) {
        Outgoing o = call.outgoing;
        if (o == null) {
            return false;
        }
        if (parts.packer().remove(o)) {
            return true;
        }
        if (o.msgId != 0 && parts.sent().get(o.msgId) == o) {
            parts.sent().forget(o.msgId);
            submit(OutgoingCall.of(new RpcDropAnswer(o.msgId)));
            return true;
        }
        return false;
    }

    /**
     * Packs and encrypts what is queued (the caller checked there is something), giving each message its msg_id
     * (a message sent again forgets its old one) and recording it as sent.
     */
    OutboundPacket nextPacket(long sessionId, long nowSeconds, boolean quickAck) {
        OutboundPacker packer = parts.packer();
        List<Outgoing> batch = packer.takeBatch();
        for (Outgoing o : batch) {
            long replaced = packer.assignId(o);
            if (replaced != 0) {
                parts.sent().forget(replaced);
            }
        }
        OutboundPacker.Packed packed = packer.encrypt(batch, salts.current(nowSeconds), sessionId, quickAck);
        parts.sent().record(batch, packed, nowSeconds, cipher.quickAckToken());
        return packed.packet();
    }
}
