package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.UserObjects;
import dev.mtproto.testkit.world.updates.Mailboxes;
import dev.mtproto.testkit.world.updates.PushDispatcher;
import dev.mtproto.tl.api.UpdateBotStopped;
import dev.mtproto.tl.api.Updates;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who blocked whom (https://core.telegram.org/api/block). A bot a person blocks or unblocks gets
 * {@code updateBotStopped} (https://core.telegram.org/constructor/updateBotStopped), which takes the bot's
 * next qts: pushed as {@code updates} with the person and seq 0, and in the bot's {@code updates.getDifference}.
 * Thread-safe.
 */
public final class Blocks {
    private record Pair(long blocker, long blocked) {
    }

    private final Set<Pair> pairs = new HashSet<>();
    private final Mailboxes boxes;
    private final PushDispatcher pushes;
    private final UserObjects users;

    /**
     * @param boxes the accounts' boxes (a bot's qts)
     * @param pushes where updates go
     * @param users how users look
     */
    public Blocks(Mailboxes boxes, PushDispatcher pushes, UserObjects users) {
        this.boxes = boxes;
        this.pushes = pushes;
        this.users = users;
    }

    /**
     * Blocks or unblocks; nothing happens if it already was so.
     *
     * @param user who blocks
     * @param target whom
     * @param blocked {@code true} to block, {@code false} to unblock
     * @param date the world's time
     */
    public synchronized void set(Account user, Account target, boolean blocked, int date) {
        Pair pair = new Pair(user.id(), target.id());
        boolean changed = blocked ? pairs.add(pair) : pairs.remove(pair);
        if (changed && target.bot()) {
            var e = boxes.account(target.id()).addQts(qts -> new UpdateBotStopped(user.id(), date, blocked, qts), user.id(), date);
            pushes.push(target.id(), new Updates(List.of(e.update()), List.of(users.seenBy(target, user, false, date)), List.of(), date, 0), 0);
        }
    }

    /**
     * @param blockerId an account
     * @param blockedId another
     * @return whether the first blocked the second
     */
    public synchronized boolean blocked(long blockerId, long blockedId) {
        return pairs.contains(new Pair(blockerId, blockedId));
    }
}
