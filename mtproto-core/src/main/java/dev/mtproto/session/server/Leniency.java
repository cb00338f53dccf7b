package dev.mtproto.session.server;

/**
 * A rule of the MTProto docs that Telegram's production DCs are known not to enforce, so that a server
 * session with lenient checks (the default of {@link ServerSessionSettings}) lets it pass and counts it
 * instead of sending the {@code bad_msg_notification} the docs name
 * (https://core.telegram.org/mtproto/service_messages_about_messages). With strict checks each one is
 * refused with its code.
 */
public enum Leniency {
    /**
     * A message that needs no acknowledgement ({@code msgs_ack}, {@code http_wait}, the informational
     * {@code msgs_state_info}, {@code msgs_all_info}, {@code msg_detailed_info}, {@code msg_new_detailed_info})
     * came with an odd seqno. A widely used client sends its acks so and works against Telegram.
     */
    ODD_SEQNO_WITHOUT_CONTENT(34),
    /** A container came with an odd seqno; like any message that needs no acknowledgement it should be even. */
    ODD_SEQNO_CONTAINER(34),
    /**
     * A message came with a seqno lower than one of a message with a higher msg_id received before. Telegram
     * answers the reverse (32, a seqno too low) but is not known to send 33; client libraries note that it
     * never seems to happen.
     */
    SEQNO_TOO_HIGH(33);

    private final int badMsgCode;

    Leniency(int badMsgCode) {
        this.badMsgCode = badMsgCode;
    }

    /** @return the {@code bad_msg_notification} error code strict checks answer with */
    public int badMsgCode() {
        return badMsgCode;
    }
}
