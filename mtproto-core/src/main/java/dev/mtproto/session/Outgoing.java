package dev.mtproto.session;

/** A message the session sends or has sent: a call's body or a service message. Session-internal. */
final class Outgoing {
    final OutgoingCall<?> call;
    final byte[] body;
    final boolean contentRelated;
    long msgId;
    int seqNo;
    long sentAtSeconds;
    /** How many packets carried this message under its current msg_id. */
    int transmissions;
    /** {@link MessageIdClock#corrections()} when it was last given to a packet. */
    int clockCorrections;
    int resends;
    boolean keepIdOnResend;
    boolean reinitialized;
    /** When the server was last asked about this call ({@code msgs_state_req}), in server seconds. */
    long probedAtSeconds;
    /** For a {@code msgs_state_req} of ours: the msg_ids it asks about. */
    long[] probes;

    Outgoing(OutgoingCall<?> call, byte[] body, boolean contentRelated) {
        this.call = call;
        this.body = body;
        this.contentRelated = contentRelated;
    }

    /** @return the constructor id the body starts with */
    int constructorId() {
        return body.length < 4 ? 0 : (body[0] & 0xff) | (body[1] & 0xff) << 8 | (body[2] & 0xff) << 16 | (body[3] & 0xff) << 24;
    }

    /** @return whether this is a call (someone waits for its answer) rather than a service message */
    boolean isCall() {
        return call != null;
    }
}
