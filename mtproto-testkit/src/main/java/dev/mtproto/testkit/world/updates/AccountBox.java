package dev.mtproto.testkit.world.updates;

import dev.mtproto.tl.api.Update;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * An account's update state: its common message box, its seq, and its qts events (a bot's
 * {@code updateBotStopped}). Thread-safe.
 */
public final class AccountBox {
    private final MessageBox common = new MessageBox();
    private final AtomicInteger seq = new AtomicInteger(1);
    private final List<QtsEntry> qtsEvents = new ArrayList<>();

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
     * Adds an event of the qts sequence: qts moves by 1.
     *
     * @param update builds the update with its qts
     * @param userId the user it names, 0 for none
     * @param date when
     * @return the entry
     */
    public synchronized QtsEntry addQts(IntFunction<Update> update, long userId, int date) {
        int qts = qtsEvents.size() + 1;
        QtsEntry e = new QtsEntry(qts, update.apply(qts), userId, date);
        qtsEvents.add(e);
        return e;
    }

    /** @return the qts: how many qts events the account had (0 for none) */
    public synchronized int qts() {
        return qtsEvents.size();
    }

    /**
     * @param afterQts a qts the client has
     * @param max at most how many
     * @return the qts events after it, oldest first
     */
    public synchronized List<QtsEntry> qtsAfter(int afterQts, int max) {
        int from = Math.max(0, Math.min(afterQts, qtsEvents.size()));
        return new ArrayList<>(qtsEvents.subList(from, Math.min(qtsEvents.size(), from + Math.max(0, max))));
    }

    /**
     * @param nowSeconds the world's time
     * @return the state now
     */
    public AccountState state(int nowSeconds) {
        return new AccountState(common.pts(), qts(), seq.get(), nowSeconds);
    }
}
