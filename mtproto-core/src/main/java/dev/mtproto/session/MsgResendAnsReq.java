package dev.mtproto.session;

import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlWriter;
import java.util.List;

/**
 * {@code msg_resend_ans_req#8610baeb msg_ids:Vector<long> = MsgResendReq}: asks the server to send again the
 * answers to our messages (https://core.telegram.org/mtproto/service_messages_about_messages). Written by
 * hand: the service schema we generate from does not declare it.
 *
 * @param msgIds the msg_ids of our requests whose answers are wanted
 */
record MsgResendAnsReq(List<Long> msgIds) implements TlObject {
    static final int CONSTRUCTOR_ID = 0x8610baeb;

    MsgResendAnsReq {
        msgIds = List.copyOf(msgIds);
    }

    @Override
    public int constructorId() {
        return CONSTRUCTOR_ID;
    }

    @Override
    public String tlName() {
        return "msg_resend_ans_req";
    }

    @Override
    public void write(TlWriter w) {
        w.writeInt(CONSTRUCTOR_ID);
        writeBare(w);
    }

    @Override
    public void writeBare(TlWriter w) {
        w.writeLongVector(msgIds);
    }
}
