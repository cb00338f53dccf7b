package dev.mtproto.testkit.world;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.messages.Destination;
import dev.mtproto.testkit.world.messages.Draft;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Many messages at once, for soaks and benchmarks:
 * {@code world.bulk(100_000).in(group, supergroup, channel).between(alice, bob).seed(7).send()}. Each
 * message goes to one of the chats (in turn, or picked at random from the seed), sent by the chat's members
 * who may post, in turn (in a private chat the two sides take turns); every recipient gets its updates as
 * for any message. Deterministic for a seed. Not thread-safe; {@link #send} once.
 */
public final class BulkMessages {
    private record Target(Destination destination, List<Account> senders) {
    }

    private final World world;
    private final int count;
    private final List<Target> targets = new ArrayList<>();
    private Random random;
    private String prefix = "bulk";

    BulkMessages(World world, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("a count must not be negative: " + count);
        }
        this.world = world;
        this.count = count;
    }

    /**
     * @param chats groups, supergroups or channels to send in
     * @return this
     * @throws IllegalArgumentException if one has no member who may post
     */
    public BulkMessages in(WorldChat... chats) {
        for (WorldChat chat : chats) {
            WorldChat now = world.chats().byId(chat.id()).orElseThrow(() -> new IllegalArgumentException("no such chat: " + chat));
            List<Account> posters = now.members().stream().filter(now::mayPost).map(id -> world.accounts().byId(id).orElseThrow()).toList();
            if (posters.isEmpty()) {
                throw new IllegalArgumentException("nobody may post in " + now);
            }
            targets.add(new Target(new Destination.ToChat(now), posters));
        }
        return this;
    }

    /**
     * @param a one side of a private chat
     * @param b the other side
     * @return this
     */
    public BulkMessages between(Account a, Account b) {
        targets.add(new Target(new Destination.ToUser(b), List.of(a)));
        targets.add(new Target(new Destination.ToUser(a), List.of(b)));
        return this;
    }

    /**
     * @param seed picks each message's chat at random from this seed (default: the chats in turn)
     * @return this
     */
    public BulkMessages seed(long seed) {
        this.random = new Random(seed);
        return this;
    }

    /**
     * @param value the start of every text, followed by a space and the message's number (default "bulk")
     * @return this
     */
    public BulkMessages text(String value) {
        this.prefix = value;
        return this;
    }

    /**
     * Sends them all, on this thread; the pushes go out behind, in order.
     *
     * @return how many messages were sent
     * @throws IllegalStateException if no chat was given
     */
    public int send() {
        if (targets.isEmpty()) {
            throw new IllegalStateException("give chats: in(...) or between(...)");
        }
        int[] turns = new int[targets.size()];
        for (int i = 0; i < count; i++) {
            int t = random == null ? i % targets.size() : random.nextInt(targets.size());
            Target target = targets.get(t);
            Account sender = target.senders().get(turns[t]++ % target.senders().size());
            world.sendAs(sender, target.destination(), Draft.of(prefix + " " + i));
        }
        return count;
    }
}
