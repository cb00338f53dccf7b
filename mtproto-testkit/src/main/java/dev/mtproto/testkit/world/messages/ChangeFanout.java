package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.updates.EntryPeers;
import dev.mtproto.testkit.world.updates.Mailboxes;
import dev.mtproto.testkit.world.updates.PushDispatcher;
import dev.mtproto.testkit.world.updates.UpdateMessages;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.UpdateShort;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.UpdatesType;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the updates of a change to a message (an edit, a deletion, a pin, a reaction, a read) to one account,
 * in the form Telegram uses: {@code updates} with the users and chats the updates name, or
 * {@code updateShort} for one update that names none. {@code updates} for an account's common box take its
 * next seq, as every {@code updates} of the common box does in the world; channel updates carry seq 0.
 * Thread-safe.
 */
final class ChangeFanout {
    private final Accounts accounts;
    private final Mailboxes boxes;
    private final PushDispatcher pushes;
    private final EntryPeers entryPeers;

    ChangeFanout(Accounts accounts, Mailboxes boxes, PushDispatcher pushes, EntryPeers entryPeers) {
        this.accounts = accounts;
        this.boxes = boxes;
        this.pushes = pushes;
        this.entryPeers = entryPeers;
    }

    /**
     * @param ownerId the account
     * @param updates its updates
     * @param channel the channel they are about (seq 0, the channel in {@code chats}), null for the common box
     * @param via the key that must not get them (its call has them as its result), 0 for none
     * @param date the world's time
     * @return the {@code updates} pushed
     */
    UpdatesType full(long ownerId, List<Update> updates, WorldChat channel, long via, int date) {
        Updates u = result(accounts.byId(ownerId).orElseThrow(), updates, channel, channel == null ? boxes.account(ownerId).nextSeq() : 0,
                date);
        pushes.push(ownerId, u, via);
        return u;
    }

    /**
     * @param viewer who gets it
     * @param updates the updates
     * @param channel the channel they are about, null for none
     * @param seq the seq
     * @param date the world's time
     * @return {@code updates} with the users and chats the updates' messages name, as the viewer sees them
     */
    Updates result(Account viewer, List<Update> updates, WorldChat channel, int seq, int date) {
        List<MessageType> named = new ArrayList<>();
        updates.forEach(u -> UpdateMessages.of(u).ifPresent(named::add));
        EntryPeers.Peers p = entryPeers.of(viewer, named, channel == null ? 0 : channel.id(), List.of(), date);
        return new Updates(updates, p.users(), p.chats(), date, seq);
    }

    /**
     * @param ownerId the account
     * @param update one update that names no user or chat it lacks
     * @param via the key that must not get it, 0 for none
     * @param date the world's time
     * @return the {@code updateShort} pushed
     */
    UpdatesType small(long ownerId, Update update, long via, int date) {
        UpdateShort u = new UpdateShort(update, date);
        pushes.push(ownerId, u, via);
        return u;
    }
}
