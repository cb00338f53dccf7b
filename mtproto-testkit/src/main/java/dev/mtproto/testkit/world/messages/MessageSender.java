package dev.mtproto.testkit.world.messages;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.accounts.UserObjects;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.chats.ChatKind;
import dev.mtproto.testkit.world.chats.ChatObjects;
import dev.mtproto.testkit.world.chats.Chats;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.updates.BoxEntry;
import dev.mtproto.testkit.world.updates.Mailboxes;
import dev.mtproto.testkit.world.updates.MessageBox;
import dev.mtproto.testkit.world.updates.PushDispatcher;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageAction;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.Peer;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.UpdateMessageID;
import dev.mtproto.tl.api.UpdateNewChannelMessage;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.UpdateShortChatMessage;
import dev.mtproto.tl.api.UpdateShortMessage;
import dev.mtproto.tl.api.UpdateShortSentMessage;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.UpdatesType;
import dev.mtproto.tl.api.UserType;
import dev.mtproto.tl.api.ChatParticipant;
import dev.mtproto.tl.api.ChatParticipantCreator;
import dev.mtproto.tl.api.ChatParticipantType;
import dev.mtproto.tl.api.ChatParticipants;
import dev.mtproto.tl.api.MessageActionChatCreate;
import dev.mtproto.tl.api.MessageService;
import dev.mtproto.tl.api.UpdateChatParticipants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Sends messages (text, or a photo or document with a caption) as Telegram does (https://core.telegram.org/api/updates,
 * https://core.telegram.org/method/messages.sendMessage): the message lands in every member's history (a
 * copy with the member's own message id and pts in each common box for private chats and basic groups;
 * one copy, with the channel's id and pts, in a channel's box), and each recipient gets the form Telegram
 * sends it:
 * <ul>
 *   <li>private chat: the sender's call gets {@code updateShortSentMessage}; the sender's other keys get
 *       {@code updateShortMessage} with {@code out}; the recipient gets {@code updateShortMessage};</li>
 *   <li>a private-chat or basic-group message with a reply markup or media, which the short forms cannot carry: every
 *       owner's keys get {@code updates} with {@code updateNewMessage}, the users and the chat, taking the
 *       owner's next seq; the sender's call gets {@code updates} with {@code updateMessageID} and
 *       {@code updateNewMessage} and the seq its other keys get;</li>
 *   <li>basic group: the sender's call gets {@code updates} with {@code updateMessageID} and
 *       {@code updateNewMessage}; every other member, and the sender's other keys ({@code out}), get
 *       {@code updateShortChatMessage};</li>
 *   <li>supergroup or channel: the sender's call gets {@code updates} with {@code updateMessageID} and
 *       {@code updateNewChannelMessage}; every member's keys (the sender's other keys with {@code out}) get
 *       {@code updates} with {@code updateNewChannelMessage}, the sender and the channel as they see
 *       them.</li>
 * </ul>
 * A call's result carries {@code seq} 0 and so do channel updates (ordered by the channel's pts); none of
 * these forms moves an account's seq (only full {@code updates} for the common box do). A new basic group ({@link #announceGroup}) does: each member gets
 * {@code updates} with its next seq. A {@code random_id} sent again by the same sender makes no second
 * message: the first result is returned again; with another text or chat it is
 * {@code 400 RANDOM_ID_DUPLICATE}. Thread-safe: one message at a time, so every box sees the world's order.
 */
public final class MessageSender {
    /** The longest text (https://core.telegram.org/method/messages.sendMessage, {@code config.message_length_max}). */
    public static final int MAX_LENGTH = 4096;

    private record RandomKey(long senderId, long randomId) {
    }

    private record Sent(String destination, Draft draft, UpdatesType result) {
    }

    private final Accounts accounts;
    private final Chats chats;
    private final UserObjects users;
    private final ChatObjects chatObjects;
    private final Mailboxes boxes;
    private final PushDispatcher pushes;
    private final Histories histories;
    private final Blocks blocks;
    private final MessageCopies copies;
    private final Map<RandomKey, Sent> sentByRandomId = new HashMap<>();

    /**
     * @param accounts the world's accounts
     * @param chats its chats
     * @param users how users look
     * @param chatObjects how chats look
     * @param boxes the message boxes
     * @param pushes where updates go
     * @param histories the record of what each account must receive
     * @param blocks who blocked whom
     * @param copies which copies of a message belong together
     */
    public MessageSender(Accounts accounts, Chats chats, UserObjects users, ChatObjects chatObjects, Mailboxes boxes,
            PushDispatcher pushes, Histories histories, Blocks blocks, MessageCopies copies) {
        this.copies = copies;
        this.blocks = blocks;
        this.accounts = accounts;
        this.chats = chats;
        this.users = users;
        this.chatObjects = chatObjects;
        this.boxes = boxes;
        this.pushes = pushes;
        this.histories = histories;
    }

    /**
     * Sends a text message.
     *
     * @param sender who sends it
     * @param to where
     * @param draft the text, and a reply markup or null
     * @param randomId the sender's random id for it
     * @param viaPermKeyId the key whose call sends it (it gets the result and no push), 0 for a message sent
     *     as from another app (every key of the sender gets the push)
     * @param date the world's time, in Unix seconds
     * @param method the TL name of the function, for errors
     * @return what the sender's call gets
     * @throws RpcException {@code 400 MESSAGE_EMPTY}, {@code MESSAGE_TOO_LONG}, {@code RANDOM_ID_DUPLICATE},
     *     {@code CHAT_ADMIN_REQUIRED} (a broadcast channel's subscriber), {@code USER_IS_BLOCKED} (a bot the
     *     user blocked; a person's message to who blocked them stays in the sender's box only),
     *     {@code 403 CHAT_WRITE_FORBIDDEN} (not a member)
     */
    public synchronized UpdatesType send(Account sender, Destination to, Draft draft, long randomId, long viaPermKeyId,
            int date, String method) {
        String text = draft.text();
        if (text.isBlank() && !draft.hasMedia()) {
            throw WorldErrors.of(400, "MESSAGE_EMPTY", method);
        }
        if (text.length() > MAX_LENGTH) {
            throw WorldErrors.of(400, "MESSAGE_TOO_LONG", method);
        }
        String destination = describe(to);
        RandomKey key = new RandomKey(sender.id(), randomId);
        Sent before = sentByRandomId.get(key);
        if (before != null) {
            if (before.destination().equals(destination) && before.draft().equals(draft)) {
                return before.result();
            }
            throw WorldErrors.of(400, "RANDOM_ID_DUPLICATE", method);
        }
        UpdatesType result;
        if (to instanceof Destination.ToUser u) {
            if (sender.bot() && blocks.blocked(u.user().id(), sender.id())) {
                throw WorldErrors.of(400, "USER_IS_BLOCKED", method);
            }
            result = toCommonBox(sender, u.user(), null, draft, randomId, viaPermKeyId, date, method);
        } else {
            WorldChat chat = chats.byId(((Destination.ToChat) to).chat().id()).orElseThrow();
            if (!chat.isMember(sender.id())) {
                throw WorldErrors.of(403, "CHAT_WRITE_FORBIDDEN", method);
            }
            if (!chat.mayPost(sender.id())) {
                throw WorldErrors.of(400, "CHAT_ADMIN_REQUIRED", method);
            }
            result = chat.isChannel() ? toChannel(sender, chat, draft, randomId, viaPermKeyId, date, method)
                    : toCommonBox(sender, null, chat, draft, randomId, viaPermKeyId, date, method);
        }
        sentByRandomId.put(key, new Sent(destination, draft, result));
        return result;
    }

    private static String describe(Destination to) {
        return to instanceof Destination.ToUser u ? "user " + u.user().id() : "chat " + ((Destination.ToChat) to).chat().id();
    }

    /**
     * A private-chat or basic-group message: a copy in each owner's common box; pushed short, or, with a
     * reply markup the short forms cannot carry, as {@code updates} taking each owner's next seq.
     */
    private UpdatesType toCommonBox(Account sender, Account recipient, WorldChat chat, Draft draft, long randomId, long via, int date,
            String method) {
        List<Long> owners = chat != null ? chat.members()
                : recipient.id() == sender.id() || blocks.blocked(recipient.id(), sender.id()) ? List.of(sender.id())
                : List.of(sender.id(), recipient.id());
        Peer senderPeer = chat != null ? MessageObjects.peerOf(chat) : new PeerUser(recipient.id());
        if (draft.replyToMsgId() != 0 && boxes.account(sender.id()).common().message(draft.replyToMsgId())
                .filter(s -> senderPeer.equals(MessageObjects.peerIdOf(s.message()))).isEmpty()) {
            throw WorldErrors.of(400, "REPLY_MESSAGE_ID_INVALID", method);
        }
        BoxEntry mine = null;
        int mySeq = 0;
        Map<Long, Integer> ids = new HashMap<>();
        for (long owner : owners) {
            boolean out = owner == sender.id();
            long otherSide = out ? recipient == null ? 0 : recipient.id() : sender.id();
            int replyTo = draft.replyToMsgId() == 0 ? 0 : copies.idFor(sender.id(), draft.replyToMsgId(), owner).orElse(0);
            BoxEntry e = addToCommonBox(owner, id -> chat != null ? MessageObjects.chatMessage(id, out, chat, sender.id(), draft, replyTo, date)
                    : MessageObjects.privateMessage(id, out, otherSide, draft, replyTo, date),
                    chat != null ? MessageObjects.peerOf(chat) : new PeerUser(otherSide), sender.id(), date);
            int id = message(e).id();
            ids.put(owner, id);
            UpdatesType push;
            if (draft.markup() != null || draft.hasMedia()) {
                int seq = boxes.account(owner).nextSeq();
                push = new Updates(List.of(new UpdateNewMessage(e.message(), e.pts(), 1)), usersFor(owner, sender, recipient, date),
                        chat == null ? List.of() : List.of(chatObjects.seenBy(owner, chat)), date, seq);
                mySeq = out ? seq : mySeq;
            } else if (chat == null) {
                push = new UpdateShortMessage(out, false, false, draft.silent(), id, otherSide, draft.text(), e.pts(), 1, date, draft.fwdFrom(),
                        draft.viaBotIdOrNull(), MessageObjects.replyHeader(replyTo), draft.entitiesOrNull(), null);
            } else {
                push = new UpdateShortChatMessage(out, false, false, draft.silent(), id, sender.id(), chat.id(), draft.text(), e.pts(), 1, date,
                        draft.fwdFrom(), draft.viaBotIdOrNull(), MessageObjects.replyHeader(replyTo), draft.entitiesOrNull(), null);
            }
            pushes.push(owner, push, out ? via : 0);
            mine = out ? e : mine;
        }
        copies.add(ids);
        Objects.requireNonNull(mine, "the sender owns a copy");
        if (chat == null && draft.markup() == null && !draft.hasMedia()) {
            return new UpdateShortSentMessage(true, message(mine).id(), mine.pts(), 1, date, null, draft.entitiesOrNull(), null);
        }
        return new Updates(List.of(new UpdateMessageID(message(mine).id(), randomId), new UpdateNewMessage(mine.message(), mine.pts(), 1)),
                usersFor(sender.id(), sender, recipient, date), chat == null ? List.of() : List.of(chatObjects.seenBy(sender.id(), chat)),
                date, mySeq);
    }

    private UpdatesType toChannel(Account sender, WorldChat chat, Draft draft, long randomId, long via, int date, String method) {
        MessageBox box = boxes.channel(chat.id());
        if (draft.replyToMsgId() != 0 && box.message(draft.replyToMsgId()).isEmpty()) {
            throw WorldErrors.of(400, "REPLY_MESSAGE_ID_INVALID", method);
        }
        MessageType canonical = MessageObjects.chatMessage(box.nextMessageId(), false, chat, sender.id(), draft, draft.replyToMsgId(), date);
        BoxEntry e = box.add(1, canonical, sender.id(), date);
        MessageType mine = MessageObjects.withOut(canonical, true);
        for (long member : chat.members()) {
            boolean out = member == sender.id();
            MessageType seen = out ? mine : canonical;
            histories.add(member, new HistoryEntry(MessageObjects.peerOf(chat), seen, e.pts(), chat.id()));
            pushes.push(member, new Updates(List.of(new UpdateNewChannelMessage(seen, e.pts(), 1)), usersFor(member, sender, null, date),
                    List.of(chatObjects.seenBy(member, chat)), date, 0), out ? via : 0);
        }
        List<Update> result = List.of(new UpdateMessageID(message(e).id(), randomId),
                new UpdateNewChannelMessage(mine, e.pts(), 1));
        return new Updates(result, List.of(users.self(sender, date)), List.of(chatObjects.seenBy(sender.id(), chat)), date, 0);
    }

    /**
     * Tells every member of a new basic group, as {@code messages.createChat} does: a {@code messageService}
     * with {@code messageActionChatCreate} in each member's common box, pushed as {@code updates} (with
     * {@code updateChatParticipants}, the members and the chat) that takes the member's next seq.
     *
     * @param creator who made it
     * @param chat the group, made
     * @param viaPermKeyId the key whose call made it (it gets the creator's {@code updates} as its result)
     * @param date the world's time
     * @return the creator's {@code updates}, with the seq its other keys get them with
     */
    public synchronized UpdatesType announceGroup(Account creator, WorldChat chat, long viaPermKeyId, int date) {
        List<ChatParticipantType> participants = new ArrayList<>();
        for (long member : chat.members()) {
            participants.add(member == creator.id() ? new ChatParticipantCreator(member, null)
                    : new ChatParticipant(member, creator.id(), date, null));
        }
        ChatParticipants list = new ChatParticipants(chat.id(), participants, 1);
        UpdatesType mine = null;
        for (long member : chat.members()) {
            boolean out = member == creator.id();
            BoxEntry e = addToCommonBox(member, id -> new MessageService(out, false, false, false, false, false, false, id,
                    new PeerUser(creator.id()), MessageObjects.peerOf(chat), null, null, date,
                    new MessageActionChatCreate(chat.title(), chat.members()), null, null), MessageObjects.peerOf(chat), creator.id(), date);
            Account viewer = accounts.byId(member).orElseThrow();
            List<UserType> members = chat.members().stream().map(id -> (UserType) users.seenBy(viewer, accounts.byId(id).orElseThrow(),
                    false, date)).toList();
            Updates u = new Updates(List.of(new UpdateNewMessage(e.message(), e.pts(), 1), new UpdateChatParticipants(list)), members,
                    List.of(chatObjects.seenBy(member, chat)), date, boxes.account(member).nextSeq());
            pushes.push(member, u, out ? viaPermKeyId : 0);
            if (out) {
                mine = u;
            }
        }
        return Objects.requireNonNull(mine, "the creator is a member");
    }

    /**
     * Tells a group's or supergroup's members about a change of members, as Telegram does: a {@code messageService}
     * with the action from the actor, in each owner's common box ({@code updateNewMessage}, the owner's next seq) or
     * the supergroup's box ({@code updateNewChannelMessage}, seq 0), with the users the action names. Broadcast
     * channels show no such messages.
     *
     * @param actor who made the change
     * @param chat the chat, as it is after it
     * @param action {@code messageActionChatAddUser} or {@code messageActionChatDeleteUser}
     * @param owners who get it (the members, and a member who just left)
     * @param named the users the action names
     * @param via the key whose call it is (it gets the actor's {@code updates} as its result), 0 for none
     * @param date the world's time
     * @return the actor's {@code updates}; empty {@code updates} if the actor gets none
     */
    public synchronized Updates announce(Account actor, WorldChat chat, MessageAction action, Collection<Long> owners, List<Long> named,
            long via, int date) {
        Updates mine = new Updates(List.of(), List.of(), List.of(), date, 0);
        if (chat.kind() == ChatKind.CHANNEL) {
            return mine;
        }
        Peer peer = MessageObjects.peerOf(chat);
        BoxEntry channelEntry = chat.isChannel() ? boxes.channel(chat.id()).add(1, new MessageService(false, false, false, false, false, false,
                false, boxes.channel(chat.id()).nextMessageId(), new PeerUser(actor.id()), peer, null, null, date, action, null, null), actor.id(),
                date) : null;
        for (long owner : owners) {
            boolean out = owner == actor.id();
            Update update;
            int seq = 0;
            if (channelEntry != null) {
                MessageType seen = MessageObjects.withOut(channelEntry.message(), out);
                histories.add(owner, new HistoryEntry(peer, seen, channelEntry.pts(), chat.id()));
                update = new UpdateNewChannelMessage(seen, channelEntry.pts(), 1);
            } else {
                BoxEntry e = addToCommonBox(owner, id -> new MessageService(out, false, false, false, false, false, false, id,
                        new PeerUser(actor.id()), peer, null, null, date, action, null, null), peer, actor.id(), date);
                update = new UpdateNewMessage(e.message(), e.pts(), 1);
                seq = boxes.account(owner).nextSeq();
            }
            Account viewer = accounts.byId(owner).orElseThrow();
            List<UserType> seenUsers = new ArrayList<>();
            java.util.stream.Stream.concat(java.util.stream.Stream.of(actor.id()), named.stream()).distinct()
                    .forEach(id -> accounts.byId(id).ifPresent(a -> seenUsers.add(users.seenBy(viewer, a, false, date))));
            Updates u = new Updates(List.of(update), seenUsers, List.of(chatObjects.seenBy(owner, chat)), date, seq);
            pushes.push(owner, u, out ? via : 0);
            mine = out ? u : mine;
        }
        return mine;
    }

    /** @return the sender (and the recipient of a private chat) as the viewer sees them */
    private List<UserType> usersFor(long viewerId, Account sender, Account recipient, int date) {
        Account viewer = accounts.byId(viewerId).orElse(sender);
        if (recipient == null || recipient.id() == sender.id()) {
            return List.of(users.seenBy(viewer, sender, false, date));
        }
        return List.of(users.seenBy(viewer, sender, false, date), users.seenBy(viewer, recipient, false, date));
    }

    private BoxEntry addToCommonBox(long owner, IntFunction<MessageType> message, Peer peer,
            long senderId, int date) {
        MessageBox box = boxes.account(owner).common();
        BoxEntry e = box.add(1, message.apply(box.nextMessageId()), senderId, date);
        histories.add(owner, new HistoryEntry(peer, e.message(), e.pts(), 0));
        return e;
    }

    private static Message message(BoxEntry e) {
        return (Message) e.message();
    }
}
