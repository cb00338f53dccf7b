package dev.mtproto.testkit.world.updates;

import dev.mtproto.tl.api.Channel;
import dev.mtproto.tl.api.Chat;
import dev.mtproto.tl.api.ChatType;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.UpdatesCombined;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.UserType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Random;

/**
 * What happens to the updates the world pushes to one account, as a test sets it: the next pushes dropped
 * (the account's state still advances, so the client sees a gap it must recover with
 * {@code updates.getDifference}), duplicated, or reordered (one held back and sent after the next); all
 * held (a slow link) until released; several {@code updates} combined into one {@code updatesCombined}; or
 * random faults from a seed. A fault acts on a push to the account
 * (all of its keys get the same), in the order the world made them. Thread-safe; deterministic for a seed.
 */
public final class PushFaults {
    private final Runnable releaser;
    private int drop;
    private int duplicate;
    private int reorder;
    private int combine;
    private final List<Outgoing> combining = new ArrayList<>();
    private Outgoing reordered;
    private boolean holding;
    private final List<Outgoing> held = new ArrayList<>();
    private Random random;
    private double dropChance;
    private double duplicateChance;
    private double reorderChance;
    private long dropped;
    private long duplicated;

    PushFaults(Runnable releaser) {
        this.releaser = releaser;
    }

    /**
     * @param n how many of the next pushes to drop (added to any still to drop)
     * @return this
     */
    public synchronized PushFaults dropNext(int n) {
        drop += requireCount(n);
        return this;
    }

    /**
     * @param n how many of the next pushes to send twice
     * @return this
     */
    public synchronized PushFaults duplicateNext(int n) {
        duplicate += requireCount(n);
        return this;
    }

    /**
     * @param n how many times to hold a push back and send it right after the one that follows it
     * @return this
     */
    public synchronized PushFaults reorderNext(int n) {
        reorder += requireCount(n);
        return this;
    }

    /**
     * Combines the next {@code n} pushes that are {@code updates} with a seq into one {@code updatesCombined}
     * ({@code seq_start} the first one's seq, {@code seq} the last one's), sent when the n-th comes, as
     * Telegram sends several at once; pushes of other forms go on meanwhile.
     *
     * @param n how many to combine (2 or more; 0 stops combining, sending what was gathered)
     * @return this
     * @throws IllegalArgumentException if n is 1 or negative
     */
    public PushFaults combineNext(int n) {
        if (n == 1 || n < 0) {
            throw new IllegalArgumentException("combine 2 or more updates, or 0 to stop: " + n);
        }
        synchronized (this) {
            combine = n;
        }
        if (n == 0) {
            releaser.run();
        }
        return this;
    }

    /**
     * Holds every push from now on, as a slow link would, until {@link #release()}.
     *
     * @return this
     */
    public synchronized PushFaults hold() {
        holding = true;
        return this;
    }

    /**
     * Sends what {@link #hold()} kept, in order, and stops holding.
     *
     * @return this
     */
    public PushFaults release() {
        synchronized (this) {
            holding = false;
        }
        releaser.run();
        return this;
    }

    /**
     * Random faults for every push from now on, reproducible from the seed.
     *
     * @param seed the seed
     * @param dropChance the chance a push is dropped, 0 to 1
     * @param duplicateChance the chance a push is sent twice
     * @param reorderChance the chance a push is held back and sent after the next
     * @return this
     * @throws IllegalArgumentException if a chance is not within 0..1
     */
    public synchronized PushFaults random(long seed, double dropChance, double duplicateChance, double reorderChance) {
        this.random = new Random(seed);
        this.dropChance = requireChance(dropChance);
        this.duplicateChance = requireChance(duplicateChance);
        this.reorderChance = requireChance(reorderChance);
        return this;
    }

    /**
     * No more faults: counts to drop, duplicate and reorder at zero, random faults off, and what is held or
     * held back sent.
     *
     * @return this
     */
    public PushFaults clear() {
        synchronized (this) {
            drop = 0;
            duplicate = 0;
            reorder = 0;
            combine = 0;
            random = null;
        }
        return release();
    }

    /** @return how many pushes to this account were dropped so far */
    public synchronized long dropped() {
        return dropped;
    }

    /** @return how many pushes to this account were sent twice so far */
    public synchronized long duplicated() {
        return duplicated;
    }

    /**
     * @param update a push the world made for the account
     * @return what to send now, in order
     */
    synchronized List<Outgoing> apply(Outgoing update) {
        if (holding) {
            held.add(update);
            return List.of();
        }
        if (combine > 0 && update.updates() instanceof Updates u && u.seq() != 0) {
            combining.add(update);
            if (combining.size() < combine) {
                return List.of();
            }
            combine = 0;
            update = combined();
        }
        double roll = random == null ? 1 : random.nextDouble();
        if (drop > 0 || roll < dropChance) {
            drop = Math.max(0, drop - 1);
            dropped++;
            return List.of();
        }
        roll -= dropChance;
        List<Outgoing> out = new ArrayList<>(3);
        if (reordered == null && (reorder > 0 || (roll >= 0 && roll < reorderChance))) {
            reorder = Math.max(0, reorder - 1);
            reordered = update;
            return List.of();
        }
        roll -= reorderChance;
        out.add(update);
        if (duplicate > 0 || (roll >= 0 && roll < duplicateChance)) {
            duplicate = Math.max(0, duplicate - 1);
            duplicated++;
            out.add(update);
        }
        if (reordered != null) {
            out.add(reordered);
            reordered = null;
        }
        return out;
    }

    /** @return what {@link #hold()} kept and a held-back push, to send now; empty while holding */
    synchronized List<Outgoing> takeReleased() {
        if (holding) {
            return List.of();
        }
        List<Outgoing> out = new ArrayList<>(held);
        held.clear();
        if (combine == 0 && !combining.isEmpty()) {
            out.add(combining.size() == 1 ? combining.get(0) : combined());
            combining.clear();
        }
        if (reordered != null && drop == 0 && reorder == 0 && random == null) {
            out.add(reordered);
            reordered = null;
        }
        return out;
    }

    /** @return what {@link #combineNext} gathered, as one {@code updatesCombined}; the gathering is emptied */
    private Outgoing combined() {
        List<Update> updates = new ArrayList<>();
        Map<Long, UserType> users = new LinkedHashMap<>();
        Map<Long, ChatType> chats = new LinkedHashMap<>();
        for (Outgoing o : combining) {
            Updates u = (Updates) o.updates();
            updates.addAll(u.updates());
            u.users().forEach(user -> users.putIfAbsent(((User) user).id(), user)); // the world sends full users only
            u.chats().forEach(chat -> chats.putIfAbsent(chat instanceof Channel c ? c.id() : ((Chat) chat).id(), chat));
        }
        Outgoing first = combining.get(0);
        Updates last = (Updates) combining.get(combining.size() - 1).updates();
        long except = combining.stream().allMatch(o -> o.exceptPermKeyId() == first.exceptPermKeyId()) ? first.exceptPermKeyId() : 0;
        combining.clear();
        return new Outgoing(first.userId(), new UpdatesCombined(updates, new ArrayList<>(users.values()), new ArrayList<>(chats.values()),
                last.date(), ((Updates) first.updates()).seq(), last.seq()), except);
    }

    private static int requireCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a count must not be negative: " + n);
        }
        return n;
    }

    private static double requireChance(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a chance is 0..1: " + p);
        }
        return p;
    }
}
