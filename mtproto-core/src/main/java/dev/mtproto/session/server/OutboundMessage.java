package dev.mtproto.session.server;

/** One message the server sends or has sent, until the client acknowledges it or it is dropped. */
final class OutboundMessage {
    /** What the message is, for deciding what a full queue drops and what to tell the client then. */
    enum Kind {
        /** An {@code rpc_result}. */
        ANSWER,
        /** Something the server pushed: updates. */
        UPDATE,
        /** The {@code updatesTooLong} that stands for updates dropped from a full queue. */
        UPDATES_GAP,
        /** A service message: notifications, {@code new_session_created}, {@code pong}, ... */
        SERVICE
    }

    final byte[] body;
    final boolean contentRelated;
    final boolean response;
    final Kind kind;
    /** For an {@link Kind#ANSWER}: the msg_id of the request it answers; else 0. */
    final long answers;
    /** 0 until the message is given its id: answers when made, others when first sent. */
    long msgId;
    int seqNo;

    OutboundMessage(byte[] body, boolean contentRelated, boolean response, Kind kind, long answers) {
        this.body = body;
        this.contentRelated = contentRelated;
        this.response = response;
        this.kind = kind;
        this.answers = answers;
    }

    static OutboundMessage service(byte[] body, boolean contentRelated) {
        return new OutboundMessage(body, contentRelated, true, Kind.SERVICE, 0);
    }
}
