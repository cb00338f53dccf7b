package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.updates.EntryPeers;
import dev.mtproto.testkit.world.updates.Mailboxes;
import dev.mtproto.testkit.world.updates.MessageBox;
import dev.mtproto.testkit.world.updates.PushDispatcher;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageReactions;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.Reaction;
import dev.mtproto.tl.api.ReactionCount;
import dev.mtproto.tl.api.ReactionEmoji;
import dev.mtproto.tl.api.UpdateBotMessageReaction;
import dev.mtproto.tl.api.UpdateMessageReactions;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.UpdatesType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reactions (https://core.telegram.org/api/reactions, https://core.telegram.org/method/messages.sendReaction):
 * each account puts at most one emoji reaction ({@code reactionEmoji}) on a message, as an account without
 * Premium may; an empty list takes it away. The message's {@code reactions} (a {@code reactionCount} per emoji in
 * the order first chosen, {@code chosen_order} on the viewer's own) is stored in every copy, and every person with
 * a copy gets {@code updates} [{@code updateMessageReactions}] with its own message id and seq 0 (reactions move
 * no pts or seq). Bots get {@code updateBotMessageReaction} (actor, old and new reactions, the bot's next qts)
 * instead, as the Bot API's {@code message_reaction}: in a private chat with the reactor, and in groups,
 * supergroups and channels where the bot is an admin; never for a bot's own reaction. Thread-safe: under the
 * sender's lock.
 */
final class ReactionChanges {
    /** The message whose reactions these are: a channel's id, or the smallest owner's copy of a common-box message. */
    private record Key(long channelId, long ownerId, int id) {
    }

    private final Accounts accounts;
    private final Mailboxes boxes;
    private final MessageCopies copies;
    private final PushDispatcher pushes;
    private final EntryPeers entryPeers;
    private final Object lock;
    private final Map<Key, LinkedHashMap<Long, String>> byMessage = new HashMap<>();

    ReactionChanges(Accounts accounts, Mailboxes boxes, MessageCopies copies, PushDispatcher pushes, EntryPeers entryPeers, Object lock) {
        this.accounts = accounts;
        this.boxes = boxes;
        this.copies = copies;
        this.pushes = pushes;
        this.entryPeers = entryPeers;
        this.lock = lock;
    }

    /**
     * @param actor who reacts
     * @param to the chat
     * @param id the message id in the actor's box (or the channel's)
     * @param reaction the new reactions: empty to take the actor's away, else one {@code reactionEmoji}
     * @param via the key whose call it is, 0 for none
     * @param date the world's time
     * @param method the function, for errors
     * @return the actor's {@code updates}
     * @throws dev.mtproto.rpc.RpcException {@code 400 MESSAGE_ID_INVALID}, {@code 400 REACTION_INVALID} (not one
     *     non-blank emoji)
     */
    UpdatesType react(Account actor, Destination to, int id, List<Reaction> reaction, long via, int date, String method) {
        String emoji = null;
        if (reaction != null && !reaction.isEmpty()) {
            if (reaction.size() != 1 || !(reaction.get(0) instanceof ReactionEmoji e) || e.emoticon().isBlank()) {
                throw WorldErrors.of(400, "REACTION_INVALID", method);
            }
            emoji = e.emoticon();
        }
        synchronized (lock) {
            MessageTarget t = MessageTarget.find(actor, to, id, boxes, copies, method);
            if (!(t.stored().message() instanceof Message)) {
                throw WorldErrors.of(400, "MESSAGE_ID_INVALID", method);
            }
            long smallest = t.copies().keySet().stream().mapToLong(Long::longValue).min().orElse(actor.id());
            Key key = t.channel() != null ? new Key(t.channel().id(), 0, t.id()) : new Key(0, smallest, t.copies().get(smallest));
            LinkedHashMap<Long, String> chosen = byMessage.computeIfAbsent(key, k -> new LinkedHashMap<>());
            String old = emoji == null ? chosen.remove(actor.id()) : chosen.put(actor.id(), emoji);
            return fanOut(actor, t, chosen, old, emoji, via, date);
        }
    }

    private UpdatesType fanOut(Account actor, MessageTarget t, Map<Long, String> chosen, String old, String now, long via, int date) {
        WorldChat channel = t.channel();
        Map<Long, Integer> owners = new LinkedHashMap<>();
        if (channel != null) {
            channel.members().forEach(m -> owners.put(m, t.id()));
            boxes.channel(channel.id()).replace(t.id(), withReactions(t.stored().message(), chosen, 0));
        } else {
            owners.putAll(t.copies());
        }
        UpdatesType mine = null;
        for (Map.Entry<Long, Integer> owner : owners.entrySet()) {
            Account account = accounts.byId(owner.getKey()).orElseThrow();
            MessageType copy = channel != null ? t.stored().message() : boxes.account(account.id()).common().message(owner.getValue())
                    .map(MessageBox.Stored::message).orElse(null);
            if (copy == null) {
                continue; // deleted on that side
            }
            MessageType seen = withReactions(copy, chosen, account.id());
            if (channel == null) {
                boxes.account(account.id()).common().replace(owner.getValue(), seen);
            }
            if (account.bot()) {
                if (account.id() != actor.id() && !actor.bot() && botSees(account, t)) {
                    pushBotUpdate(account, actor, (Message) seen, old, now, date);
                }
                continue;
            }
            boolean isActor = account.id() == actor.id();
            Message m = (Message) seen;
            EntryPeers.Peers p = entryPeers.of(account, List.of(m), 0, List.of(actor.id()), date);
            Updates u = new Updates(List.of(new UpdateMessageReactions(m.peerId(), m.id(), null, null, m.reactions())), p.users(), p.chats(),
                    date, 0);
            pushes.push(account.id(), u, isActor ? via : 0);
            mine = isActor ? u : mine;
        }
        return mine != null ? mine : new Updates(List.of(), List.of(), List.of(), date, 0);
    }

    private static boolean botSees(Account bot, MessageTarget t) {
        if (t.to() instanceof Destination.ToChat c) {
            return c.chat().admins().contains(bot.id());
        }
        return true; // the private chat with the reactor
    }

    private void pushBotUpdate(Account bot, Account actor, Message seen, String old, String now, int date) {
        List<Reaction> before = old == null ? List.of() : List.of(new ReactionEmoji(old));
        List<Reaction> after = now == null ? List.of() : List.of(new ReactionEmoji(now));
        var e = boxes.account(bot.id()).addQts(qts -> new UpdateBotMessageReaction(seen.peerId(), seen.id(), date, new PeerUser(actor.id()), before,
                after, qts), actor.id(), date);
        EntryPeers.Peers p = entryPeers.of(bot, List.of(seen), 0, List.of(actor.id()), date);
        pushes.push(bot.id(), new Updates(List.of(e.update()), p.users(), p.chats(), date, 0), 0);
    }

    /** @return the message with the reactions as the viewer sees them ({@code chosen_order} on its own) */
    private static MessageType withReactions(MessageType message, Map<Long, String> chosen, long viewerId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        chosen.values().forEach(e -> counts.merge(e, 1, Integer::sum));
        List<ReactionCount> results = new ArrayList<>();
        String own = chosen.get(viewerId);
        counts.forEach((e, n) -> results.add(new ReactionCount(e.equals(own) ? 0 : null, new ReactionEmoji(e), n)));
        return ((Message) message).toBuilder().reactions(results.isEmpty() ? null : MessageReactions.builder().results(results).build()).build();
    }
}
