package dev.mtproto.testkit.world;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.updates.AccountState;
import dev.mtproto.testkit.world.updates.DifferenceLimits;
import dev.mtproto.testkit.world.updates.Mailboxes;
import dev.mtproto.testkit.world.updates.PushDispatcher;
import dev.mtproto.testkit.world.updates.PushFaults;
import dev.mtproto.tl.api.UpdatesTooLong;
import java.time.Clock;
import java.time.Duration;

/**
 * The test's hold on the updates the world pushes (https://core.telegram.org/api/updates): faults per
 * account (drop, duplicate, reorder, hold), each account's state and each channel's pts as the world keeps
 * them, how differences are cut, and a way to wait for the pushes made so far. Thread-safe.
 *
 * <pre>{@code
 * world.updates().of(alice).dropNext(2);            // a gap: the client must recover it by getDifference
 * world.updates().of(alice).random(7, 0.05, 0.05, 0.05);
 * world.updates().limits().slice(10).channelTooLong(50);
 * world.updates().awaitPushed(Duration.ofSeconds(5));
 * }</pre>
 */
public final class UpdateControls {
    private final PushDispatcher pushes;
    private final Mailboxes boxes;
    private final DifferenceLimits limits;
    private final Clock clock;

    UpdateControls(PushDispatcher pushes, Mailboxes boxes, DifferenceLimits limits, Clock clock) {
        this.pushes = pushes;
        this.boxes = boxes;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * @param account an account
     * @return the faults of the updates pushed to it (to every key it is signed in with)
     */
    public PushFaults of(Account account) {
        return pushes.faults(account.id());
    }

    /**
     * Pushes {@code updatesTooLong} to every key of an account, as Telegram does when it has too many updates
     * to send (the client must then call {@code updates.getDifference}); it goes in order with the other
     * pushes, through the account's faults.
     *
     * @param account the account
     */
    public void tooLong(Account account) {
        pushes.push(account.id(), UpdatesTooLong.INSTANCE, 0);
    }

    /**
     * @param account an account
     * @return its update state as the world keeps it (what {@code updates.getState} answers)
     */
    public AccountState state(Account account) {
        return boxes.account(account.id()).state((int) (clock.millis() / 1000));
    }

    /**
     * @param channel a supergroup or channel
     * @return its pts
     * @throws IllegalArgumentException for a basic group
     */
    public int channelPts(WorldChat channel) {
        if (!channel.isChannel()) {
            throw new IllegalArgumentException("a basic group has no pts of its own: " + channel);
        }
        return boxes.channel(channel.id()).pts();
    }

    /** @return how differences are cut (reset after each test) */
    public DifferenceLimits limits() {
        return limits;
    }

    /**
     * Waits until every update the world made so far has been handed to the sessions of its keys (or dropped
     * or held, as the faults say).
     *
     * @param timeout how long at most
     * @throws IllegalStateException if they were not all handed over in time
     */
    public void awaitPushed(Duration timeout) {
        try {
            if (!pushes.awaitIdle(timeout)) {
                throw new IllegalStateException("the world's pushes did not go out within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the world's pushes", e);
        }
    }

    /** @return how many updates were handed to sessions so far (one per key each went to) */
    public long pushedCount() {
        return pushes.sentCount();
    }

    void reset() {
        pushes.clearFaults();
        limits.reset();
    }
}
