package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.chats.ChatKind;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.updates.BoxEntry;
import dev.mtproto.testkit.world.updates.Mailboxes;
import dev.mtproto.testkit.world.updates.MessageBox;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageActionPinMessage;
import dev.mtproto.tl.api.MessageEntity;
import dev.mtproto.tl.api.MessageService;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.ReplyMarkup;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.UpdateEditChannelMessage;
import dev.mtproto.tl.api.UpdateEditMessage;
import dev.mtproto.tl.api.UpdateNewChannelMessage;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.UpdatePinnedChannelMessages;
import dev.mtproto.tl.api.UpdatePinnedMessages;
import dev.mtproto.tl.api.UpdatesType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Edits and pins (https://core.telegram.org/method/messages.editMessage,
 * https://core.telegram.org/method/messages.updatePinnedMessage, https://core.telegram.org/api/pin): the
 * change is made to every copy, each owner's box moves by one pts event, and each owner gets {@code updates}:
 * [{@code updateEditMessage}] (its own copy), or for a supergroup or channel [{@code updateEditChannelMessage}]
 * with the channel's pts; a pin gives [{@code updatePinnedMessages}, {@code updateNewMessage}] (a
 * {@code messageService} with {@code messageActionPinMessage} replying to the pinned message) or
 * [{@code updatePinnedChannelMessages}, {@code updateNewChannelMessage}]; an unpin only the first.
 * The caller's call gets its own {@code updates}. Thread-safe: changes and new messages one at a time (they
 * share the sender's lock), so every box sees the world's order.
 */
final class MessageEdits {
    private final Mailboxes boxes;
    private final MessageCopies copies;
    private final ChangeFanout fanout;
    private final Histories histories;
    private final Object lock;

    MessageEdits(Mailboxes boxes, MessageCopies copies, ChangeFanout fanout, Histories histories, Object lock) {
        this.lock = lock;
        this.boxes = boxes;
        this.copies = copies;
        this.fanout = fanout;
        this.histories = histories;
    }

    /**
     * Edits a text message.
     *
     * @param text the new text, null to keep it
     * @param entities the new entities (null: none, or the old ones when the text is kept)
     * @param markup the new reply markup, null for none (an edit without one removes the keyboard, as Telegram does)
     * @throws dev.mtproto.rpc.RpcException {@code 400 MESSAGE_ID_INVALID}, {@code 403 MESSAGE_AUTHOR_REQUIRED}
     *     (another's message), {@code 400 MESSAGE_EMPTY}, {@code 400 MESSAGE_NOT_MODIFIED} (nothing changes)
     */
    UpdatesType edit(Account caller, Destination to, int id, String text, List<MessageEntity> entities, ReplyMarkup markup,
            long via, int date, String method) {
        synchronized (lock) {
            return editLocked(caller, to, id, text, entities, markup, via, date, method);
        }
    }

    private UpdatesType editLocked(Account caller, Destination to, int id, String text, List<MessageEntity> entities, ReplyMarkup markup,
            long via, int date, String method) {
        MessageTarget t = MessageTarget.find(caller, to, id, boxes, copies, method);
        if (!(t.stored().message() instanceof Message old)) {
            throw WorldErrors.of(400, "MESSAGE_ID_INVALID", method);
        }
        if (t.stored().senderId() != caller.id()) {
            throw WorldErrors.of(403, "MESSAGE_AUTHOR_REQUIRED", method);
        }
        String newText = text != null ? text : old.message();
        List<MessageEntity> newEntities = entities != null && !entities.isEmpty() ? List.copyOf(entities)
                : text == null ? old.entities() : null;
        if (newText.isBlank()) {
            throw WorldErrors.of(400, "MESSAGE_EMPTY", method);
        }
        if (newText.length() > MessageSender.MAX_LENGTH) {
            throw WorldErrors.of(400, "MESSAGE_TOO_LONG", method);
        }
        if (newText.equals(old.message()) && Objects.equals(nullIfEmpty(newEntities), nullIfEmpty(old.entities()))
                && Objects.equals(markup, old.replyMarkup())) {
            throw WorldErrors.of(400, "MESSAGE_NOT_MODIFIED", method);
        }
        UnaryOperator<MessageType> change = m -> ((Message) m).toBuilder().message(newText).entities(nullIfEmpty(newEntities))
                .replyMarkup(markup).editDate(date).build();
        return apply(t, change, false, date, via, (owner, m, pts) -> List.of(t.channel() != null
                ? new UpdateEditChannelMessage(m, pts, 1) : new UpdateEditMessage(m, pts, 1)));
    }

    /**
     * Pins or unpins a message.
     *
     * @throws dev.mtproto.rpc.RpcException {@code 400 MESSAGE_ID_INVALID}, {@code 400 CHAT_ADMIN_REQUIRED} (a
     *     broadcast channel's subscriber)
     */
    UpdatesType pin(Account caller, Destination to, int id, boolean unpin, boolean oneSide, long via, int date, String method) {
        synchronized (lock) {
            return pinLocked(caller, to, id, unpin, oneSide, via, date, method);
        }
    }

    private UpdatesType pinLocked(Account caller, Destination to, int id, boolean unpin, boolean oneSide, long via, int date, String method) {
        MessageTarget t = MessageTarget.find(caller, to, id, boxes, copies, method);
        if (t.channel() != null && t.channel().kind() == ChatKind.CHANNEL && !t.channel().admins().contains(caller.id())) {
            throw WorldErrors.of(400, "CHAT_ADMIN_REQUIRED", method);
        }
        UnaryOperator<MessageType> change = m -> m instanceof Message msg ? msg.toBuilder().pinned(!unpin).build() : m;
        MessageTarget target = oneSide ? new MessageTarget(caller, to, t.channel(), t.stored(), Map.of(caller.id(), t.id())) : t;
        return apply(target, change, !unpin, date, via, (owner, m, pts) -> {
            int ownId = MessageObjects.idOf(m);
            return List.of(t.channel() != null ? new UpdatePinnedChannelMessages(!unpin, t.channel().id(), List.of(ownId), pts, 1)
                    : new UpdatePinnedMessages(!unpin, MessageObjects.peerIdOf(m), List.of(ownId), pts, 1));
        });
    }

    /** What an owner's event is, made from its copy as changed and the pts its box is at after it. */
    private interface EventMaker {
        List<Update> make(long ownerId, MessageType changed, int pts);
    }

    private UpdatesType apply(MessageTarget t, UnaryOperator<MessageType> change, boolean pinService, int date, long via, EventMaker events) {
        UpdatesType mine = null;
        if (t.channel() != null) {
            WorldChat chat = t.channel();
            MessageBox box = boxes.channel(chat.id());
            MessageType changed = change.apply(t.stored().message());
            box.replace(t.id(), changed);
            BoxEntry e = box.addEvent(1, pts -> events.make(0, changed, pts).get(0), t.viewer().id(), date);
            BoxEntry service = pinService ? box.add(1, pinService(box.nextMessageId(), false, t.viewer().id(), changed, date),
                    t.viewer().id(), date) : null;
            for (long member : chat.members()) {
                boolean out = member == t.viewer().id();
                List<Update> ups = new ArrayList<>();
                ups.add(e.update() instanceof UpdateEditChannelMessage u
                        ? new UpdateEditChannelMessage(MessageObjects.withOut(u.message(), t.stored().senderId() == member), u.pts(), 1)
                        : e.update());
                if (service != null) {
                    MessageType seen = MessageObjects.withOut(service.message(), out);
                    histories.add(member, new HistoryEntry(MessageObjects.peerOf(chat), seen, service.pts(), chat.id()));
                    ups.add(new UpdateNewChannelMessage(seen, service.pts(), 1));
                }
                UpdatesType u = fanout.full(member, ups, chat, out ? via : 0, date);
                mine = out ? u : mine;
            }
            return Objects.requireNonNull(mine, "the caller is a member");
        }
        for (Map.Entry<Long, Integer> copy : t.copies().entrySet()) {
            long owner = copy.getKey();
            MessageBox box = boxes.account(owner).common();
            MessageBox.Stored s = box.message(copy.getValue()).orElse(null);
            if (s == null) {
                continue;
            }
            MessageType changed = change.apply(s.message());
            box.replace(copy.getValue(), changed);
            List<Update> ups = new ArrayList<>();
            box.addEvent(1, pts -> {
                ups.addAll(events.make(owner, changed, pts));
                return ups.get(0);
            }, t.viewer().id(), date);
            if (pinService) {
                boolean out = owner == t.viewer().id();
                BoxEntry se = box.add(1, pinService(box.nextMessageId(), out, t.viewer().id(), changed, date), t.viewer().id(), date);
                histories.add(owner, new HistoryEntry(MessageObjects.peerIdOf(changed), se.message(), se.pts(), 0));
                ups.add(new UpdateNewMessage(se.message(), se.pts(), 1));
            }
            boolean caller = owner == t.viewer().id();
            UpdatesType u = fanout.full(owner, ups, null, caller ? via : 0, date);
            mine = caller ? u : mine;
        }
        return Objects.requireNonNull(mine, "the caller has a copy");
    }

    private static MessageType pinService(int id, boolean out, long actorId, MessageType pinned, int date) {
        return MessageService.builder().out(out).id(id).fromId(new PeerUser(actorId)).peerId(MessageObjects.peerIdOf(pinned))
                .replyTo(MessageObjects.replyHeader(MessageObjects.idOf(pinned))).date(date).action(MessageActionPinMessage.INSTANCE).build();
    }

    private static List<MessageEntity> nullIfEmpty(List<MessageEntity> entities) {
        return entities == null || entities.isEmpty() ? null : entities;
    }
}
