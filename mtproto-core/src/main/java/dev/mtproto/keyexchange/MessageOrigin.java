package dev.mtproto.keyexchange;

/**
 * Who sent an unencrypted message, which fixes the allowed {@code msg_id} values
 * (<a href="https://core.telegram.org/mtproto/description#message-identifier-msg-id">description</a>):
 * client message ids are divisible by 4; the server's answers during key exchange are responses, whose
 * ids are congruent to 1 modulo 4.
 */
public enum MessageOrigin {
    /** The client: {@code msg_id % 4 == 0}. */
    CLIENT(0),
    /** The server answering a client message: {@code msg_id % 4 == 1}. */
    SERVER(1);

    private final int remainder;

    MessageOrigin(int remainder) {
        this.remainder = remainder;
    }

    /**
     * Tells whether {@code messageId} has the parity this sender must use.
     *
     * @param messageId a {@code msg_id}
     * @return {@code true} if {@code messageId mod 4} is this sender's remainder
     */
    public boolean isValidMessageId(long messageId) {
        return (messageId & 3) == remainder;
    }

    /**
     * Returns {@code candidate} with its two low bits set to this sender's remainder.
     *
     * @param candidate any id, typically derived from a clock
     * @return the nearest id at or below {@code candidate} (or just above it for the server) with the
     *     right remainder
     */
    public long withParity(long candidate) {
        return (candidate & ~3L) | remainder;
    }

    /**
     * Describes the rule, for exception messages.
     *
     * @return for example {@code "divisible by 4"}
     */
    String parityRule() {
        return remainder == 0 ? "divisible by 4" : "congruent to 1 mod 4";
    }
}
