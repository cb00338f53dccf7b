package dev.mtproto.keyexchange;

/**
 * Supplies the {@code msg_id}s of the unencrypted messages a key-exchange state machine sends.
 *
 * <p>A client source must return ids divisible by 4, a server source ids congruent to 1 modulo 4, and
 * both strictly increasing ({@link ClockMessageIdSource} does this from a clock). A session that already
 * has a generator (with a server-corrected time offset) can plug it in directly; tests plug in fixed ids.
 */
@FunctionalInterface
public interface MessageIdSource {

    /**
     * Returns the id for the next message.
     *
     * @return a new {@code msg_id}, larger than every id returned before
     */
    long nextMessageId();
}
