package dev.mtproto.testkit.world.messages;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.chats.Chats;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.chats.ChatKind;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.updates.EntryPeers;
import dev.mtproto.testkit.world.updates.Mailboxes;
import dev.mtproto.testkit.world.updates.MessageBox;
import dev.mtproto.testkit.world.updates.PushDispatcher;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageEntity;
import dev.mtproto.tl.api.MessageFwdHeader;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.ReplyMarkup;
import dev.mtproto.tl.api.SendMessageAction;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.UpdateChannelUserTyping;
import dev.mtproto.tl.api.UpdateChatUserTyping;
import dev.mtproto.tl.api.UpdateMessageID;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.UpdateShortSentMessage;
import dev.mtproto.tl.api.UpdateUserTyping;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.UpdatesType;
import dev.mtproto.tl.api.messages.AffectedMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What happens to messages after they are sent, for the world's functions and for scripted users alike:
 * edits and pins ({@link MessageEdits}), deletions ({@link MessageDeletions}), forwards and typing. Each
 * operation takes the key whose call makes it ({@code via}, 0 for a scripted user on another device: then
 * every key of the actor gets the updates too). Thread-safe.
 */
public final class MessageChanges {
    private final Chats chats;
    private final Mailboxes boxes;
    private final MessageSender sender;
    private final MessageEdits edits;
    private final MessageDeletions deletions;
    private final ChangeFanout fanout;
    private final ReactionChanges reactions;
    private final ReadReceipts reads;

    /**
     * @param accounts the accounts
     * @param chats the chats
     * @param boxes the boxes
     * @param copies which copies belong together
     * @param sender sends new messages (its lock orders every change)
     * @param pushes where updates go
     * @param entryPeers the users and chats of an answer
     * @param histories the record of what each account must receive
     */
    public MessageChanges(Accounts accounts, Chats chats, Mailboxes boxes, MessageCopies copies, MessageSender sender, PushDispatcher pushes,
            EntryPeers entryPeers, Histories histories) {
        this.chats = chats;
        this.boxes = boxes;
        this.sender = sender;
        this.fanout = new ChangeFanout(accounts, boxes, pushes, entryPeers);
        this.edits = new MessageEdits(boxes, copies, fanout, histories, sender);
        this.deletions = new MessageDeletions(boxes, copies, fanout, sender);
        this.reactions = new ReactionChanges(accounts, boxes, copies, pushes, entryPeers, sender);
        this.reads = new ReadReceipts(boxes, copies, fanout, sender);
    }

    /** @return the accounts' read marks, as the read methods move them */
    public ReadMarks readMarks() {
        return reads;
    }

    /**
     * Edits a text message, as {@code messages.editMessage} does.
     *
     * @param actor who edits
     * @param to the chat
     * @param id the message id in the actor's box (or the channel's)
     * @param text the new text, null to keep it
     * @param entities the new entities, null for none
     * @param markup the reply markup it has from now on, null for none
     * @param via the key whose call it is, 0 for none
     * @param date the world's time
     * @return the actor's {@code updates}
     * @throws dev.mtproto.rpc.RpcException {@code MESSAGE_ID_INVALID}, {@code MESSAGE_AUTHOR_REQUIRED},
     *     {@code MESSAGE_EMPTY}, {@code MESSAGE_TOO_LONG}, {@code MESSAGE_NOT_MODIFIED}
     */
    public UpdatesType edit(Account actor, Destination to, int id, String text, List<MessageEntity> entities, ReplyMarkup markup, long via,
            int date) {
        return edits.edit(actor, to, id, text, entities, markup, via, date, "messages.editMessage");
    }

    /**
     * Pins or unpins a message, as {@code messages.updatePinnedMessage} does.
     *
     * @param actor who pins
     * @param to the chat
     * @param id the message id in the actor's box (or the channel's)
     * @param unpin whether to unpin
     * @param oneSide {@code pm_oneside}: only for the actor
     * @param via the key whose call it is, 0 for none
     * @param date the world's time
     * @return the actor's {@code updates}
     * @throws dev.mtproto.rpc.RpcException {@code MESSAGE_ID_INVALID}, {@code CHAT_ADMIN_REQUIRED}
     */
    public UpdatesType pin(Account actor, Destination to, int id, boolean unpin, boolean oneSide, long via, int date) {
        return edits.pin(actor, to, id, unpin, oneSide, via, date, "messages.updatePinnedMessage");
    }

    /**
     * Sets the actor's reaction on a message, as {@code messages.sendReaction} does ({@link ReactionChanges}).
     *
     * @param actor who reacts
     * @param to the chat
     * @param id the message id in the actor's box (or the channel's)
     * @param reaction one {@code reactionEmoji}, or none to take the reaction away
     * @param via the key whose call it is, 0 for none
     * @param date the world's time
     * @return the actor's {@code updates}
     * @throws dev.mtproto.rpc.RpcException {@code MESSAGE_ID_INVALID}, {@code REACTION_INVALID}
     */
    public UpdatesType react(Account actor, Destination to, int id, List<dev.mtproto.tl.api.Reaction> reaction, long via, int date) {
        return reactions.react(actor, to, id, reaction, via, date, "messages.sendReaction");
    }

    /**
     * Marks a chat read up to a message, as {@code messages.readHistory} (private chats, basic groups) or
     * {@code channels.readHistory} (supergroups, channels) do ({@link ReadReceipts}).
     *
     * @param reader who reads
     * @param to the chat
     * @param maxId the last message read (the reader's id, or the channel's), 0 for all
     * @param via the key whose call it is, 0 for none
     * @param date the world's time
     * @return the reader's pts and pts_count; for a channel, the channel's pts and 0
     */
    public AffectedMessages read(Account reader, Destination to, int maxId, long via, int date) {
        if (to instanceof Destination.ToChat c && c.chat().isChannel()) {
            reads.readChannel(reader, c.chat(), maxId, via, date);
            return new AffectedMessages(boxes.channel(c.chat().id()).pts(), 0);
        }
        return reads.readCommon(reader, to, maxId, via, date);
    }

    /**
     * Deletes messages of the actor's common box, as {@code messages.deleteMessages} does.
     *
     * @param actor who deletes
     * @param ids the ids in its box
     * @param revoke for everyone
     * @param via the key whose call it is, 0 for none
     * @param date the world's time
     * @return the actor's pts and pts_count
     * @throws dev.mtproto.rpc.RpcException {@code 403 MESSAGE_DELETE_FORBIDDEN}
     */
    public AffectedMessages delete(Account actor, List<Integer> ids, boolean revoke, long via, int date) {
        return deletions.deleteCommon(actor, ids, revoke, chatId -> chats.group(chatId).map(WorldChat::creatorId).orElse(0L), via, date,
                "messages.deleteMessages");
    }

    /**
     * Deletes messages of a supergroup or channel, as {@code channels.deleteMessages} does.
     *
     * @param actor who deletes
     * @param chat the channel
     * @param ids the channel's ids
     * @param via the key whose call it is, 0 for none
     * @param date the world's time
     * @return the channel's pts and pts_count
     * @throws dev.mtproto.rpc.RpcException {@code 403 MESSAGE_DELETE_FORBIDDEN}
     */
    public AffectedMessages deleteInChannel(Account actor, WorldChat chat, List<Integer> ids, long via, int date) {
        return deletions.deleteChannel(actor, chat, ids, via, date, "channels.deleteMessages");
    }

    /**
     * Forwards messages, as {@code messages.forwardMessages} does: each becomes a new message of the
     * destination with a {@code messageFwdHeader} (the original sender, or the channel and its post id, and
     * the original date; a forward of a forward keeps the first header; none with {@code drop_author}), and
     * reaches every recipient in the usual form of a new message. The actor's call gets one {@code updates}
     * with an {@code updateMessageID} per message, then the new messages.
     *
     * @param actor who forwards
     * @param from the chat the messages are in
     * @param ids their ids in the actor's box (or the channel's)
     * @param randomIds one random id per message
     * @param to where
     * @param dropAuthor no forward header
     * @param silent silent
     * @param via the key whose call it is, 0 for none
     * @param date the world's time
     * @return the actor's {@code updates}
     * @throws dev.mtproto.rpc.RpcException {@code 400 RANDOM_ID_INVALID} (not one per message),
     *     {@code MESSAGE_ID_INVALID}, and the errors of sending to the destination
     */
    public UpdatesType forward(Account actor, Destination from, List<Integer> ids, List<Long> randomIds, Destination to, boolean dropAuthor,
            boolean silent, long via, int date) {
        String method = "messages.forwardMessages";
        if (ids.isEmpty() || ids.size() != randomIds.size()) {
            throw WorldErrors.of(400, "RANDOM_ID_INVALID", method);
        }
        List<Draft> drafts = new ArrayList<>();
        for (int id : ids) {
            MessageTarget t = MessageTarget.find(actor, from, id, boxes, new MessageCopies(), method);
            if (!(t.stored().message() instanceof Message m)) {
                throw WorldErrors.of(400, "MESSAGE_ID_INVALID", method);
            }
            MessageFwdHeader header = dropAuthor ? null : m.fwdFrom() instanceof MessageFwdHeader h ? h : header(m, t);
            drafts.add(new Draft(m.message(), null, m.entities(), 0, silent, false, header, 0));
        }
        List<Update> idUpdates = new ArrayList<>();
        List<Update> messages = new ArrayList<>();
        int seq = 0;
        for (int i = 0; i < drafts.size(); i++) {
            UpdatesType r = sender.send(actor, to, drafts.get(i), randomIds.get(i), via, date, method);
            if (r instanceof UpdateShortSentMessage s) {
                idUpdates.add(new UpdateMessageID(s.id(), randomIds.get(i)));
                MessageType m = boxes.account(actor.id()).common().message(s.id()).orElseThrow().message();
                messages.add(new UpdateNewMessage(m, s.pts(), s.ptsCount()));
            } else {
                Updates u = (Updates) r;
                u.updates().forEach(x -> (x instanceof UpdateMessageID ? idUpdates : messages).add(x));
                seq = Math.max(seq, u.seq());
            }
        }
        List<Update> all = new ArrayList<>(idUpdates);
        all.addAll(messages);
        WorldChat channel = to instanceof Destination.ToChat c && c.chat().isChannel() ? c.chat() : null;
        return fanout.result(actor, all, channel, seq, date);
    }

    private MessageFwdHeader header(Message m, MessageTarget t) {
        if (t.channel() != null && t.channel().kind() == ChatKind.CHANNEL) {
            return MessageFwdHeader.builder().fromId(new PeerChannel(t.channel().id())).channelPost(m.id()).date(m.date()).build();
        }
        return MessageFwdHeader.builder().fromId(new PeerUser(t.stored().senderId())).date(m.date()).build();
    }

    /**
     * Shows the actor typing, as {@code messages.setTyping} does: the other side of a private chat gets
     * {@code updateShort} [{@code updateUserTyping}], a basic group's other members
     * [{@code updateChatUserTyping}], a supergroup's [{@code updateChannelUserTyping}]; no pts, no seq.
     *
     * @param actor who types
     * @param to the chat
     * @param action what it does ({@code sendMessageTypingAction}, ...)
     * @param date the world's time
     */
    public void typing(Account actor, Destination to, SendMessageAction action, int date) {
        if (to instanceof Destination.ToUser u) {
            if (u.user().id() != actor.id()) {
                fanout.small(u.user().id(), new UpdateUserTyping(actor.id(), null, action), 0, date);
            }
            return;
        }
        WorldChat chat = ((Destination.ToChat) to).chat();
        Update update = chat.isChannel() ? new UpdateChannelUserTyping(chat.id(), null, new PeerUser(actor.id()), action)
                : new UpdateChatUserTyping(chat.id(), new PeerUser(actor.id()), action);
        for (long member : chat.members()) {
            if (member != actor.id()) {
                fanout.small(member, update, 0, date);
            }
        }
    }

    /**
     * @param actor an account
     * @param to a chat
     * @param id a message id of the actor's box (or the channel's)
     * @return the message as it is now
     */
    public Optional<MessageBox.Stored> message(Account actor, Destination to, int id) {
        try {
            return Optional.of(MessageTarget.find(actor, to, id, boxes, new MessageCopies(), "lookup").stored());
        } catch (RpcException e) {
            return Optional.empty();
        }
    }
}
