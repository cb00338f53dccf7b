package dev.mtproto.testkit.world.updates;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * An account's update state: its common message box, its seq and its qts. Thread-safe.
 */
public final class AccountBox {
    private final MessageBox common = new MessageBox();
    private final AtomicInteger seq = new AtomicInteger(1);

    /** @return the common message box: private chats and basic groups */
    public MessageBox common() {
        return common;
    }

    /** @return the seq the next {@code updates} pushed to the account gets, taken */
    public int nextSeq() {
        return seq.incrementAndGet();
    }

    /** @return the seq of the last {@code updates} pushed */
    public int seq() {
        return seq.get();
    }

    /**
     * @param nowSeconds the world's time
     * @return the state now
     */
    public AccountState state(int nowSeconds) {
        return new AccountState(common.pts(), 0, seq.get(), nowSeconds);
    }
}
