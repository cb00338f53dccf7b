package dev.mtproto.testkit.world.messages;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.updates.PushDispatcher;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.Peer;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.UpdateDeleteScheduledMessages;
import dev.mtproto.tl.api.UpdateMessageID;
import dev.mtproto.tl.api.UpdateNewScheduledMessage;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.UpdatesType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled messages (https://core.telegram.org/api/scheduled-messages): {@code messages.sendMessage} with a
 * {@code schedule_date} ahead of the world's clock puts the message in the sender's scheduled list of that
 * chat (its own ids, from 1 per chat); the sender's call gets {@code updates} [{@code updateMessageID},
 * {@code updateNewScheduledMessage}] (seq 0) and its other keys {@code updates} [{@code updateNewScheduledMessage}].
 * When the world's clock reaches the date ({@link #deliverDue}, which the world runs before every call it
 * answers), the message is sent as from another device of the sender (every key gets it, every recipient its
 * usual form) and the sender gets {@code updateDeleteScheduledMessages} for the scheduled copy.
 * A date more than a year ahead is {@code 400 SCHEDULE_DATE_TOO_LATE}. Thread-safe.
 */
public final class ScheduledMessages {
    /** The furthest ahead a message may be scheduled, in seconds (365 days). */
    public static final int MAX_AHEAD = 365 * 24 * 3600;
    private static final Logger log = LoggerFactory.getLogger(ScheduledMessages.class);

    private record Pending(Account sender, Destination to, Peer peer, int scheduledId, Draft draft, long randomId, int date) {
    }

    private final MessageSender sender;
    private final PushDispatcher pushes;
    private final List<Pending> pending = new ArrayList<>();
    private final Map<String, Integer> lastIds = new HashMap<>();

    /**
     * @param sender sends messages when they are due
     * @param pushes where updates go
     */
    public ScheduledMessages(MessageSender sender, PushDispatcher pushes) {
        this.sender = sender;
        this.pushes = pushes;
    }

    /**
     * Schedules a message.
     *
     * @param from the sender
     * @param to where
     * @param draft what
     * @param randomId the sender's random id
     * @param viaPermKeyId the key whose call scheduled it
     * @param date when to send it
     * @param now the world's time
     * @param method the function, for errors
     * @return the sender's result
     * @throws RpcException {@code 400 MESSAGE_EMPTY}, {@code MESSAGE_TOO_LONG}, {@code SCHEDULE_DATE_TOO_LATE}
     */
    public synchronized UpdatesType schedule(Account from, Destination to, Draft draft, long randomId, long viaPermKeyId, int date,
            int now, String method) {
        if (draft.text().isBlank() && !draft.hasMedia()) {
            throw WorldErrors.of(400, "MESSAGE_EMPTY", method);
        }
        if (draft.text().length() > MessageSender.MAX_LENGTH) {
            throw WorldErrors.of(400, "MESSAGE_TOO_LONG", method);
        }
        if ((long) date - now > MAX_AHEAD) {
            throw WorldErrors.of(400, "SCHEDULE_DATE_TOO_LATE", method);
        }
        Peer peer = to instanceof Destination.ToUser u ? new PeerUser(u.user().id()) : MessageObjects.peerOf(((Destination.ToChat) to).chat());
        int id = lastIds.merge(from.id() + "/" + peer, 1, Integer::sum);
        MessageType message = to instanceof Destination.ToChat c
                ? MessageObjects.chatMessage(id, true, c.chat(), from.id(), draft, draft.replyToMsgId(), date)
                : MessageObjects.privateMessage(id, true, ((PeerUser) peer).userId(), draft, draft.replyToMsgId(), date);
        pending.add(new Pending(from, to, peer, id, draft, randomId, date));
        pushes.push(from.id(), new Updates(List.of(new UpdateNewScheduledMessage(message)), List.of(), List.of(), now, 0), viaPermKeyId);
        return new Updates(List.of(new UpdateMessageID(id, randomId), new UpdateNewScheduledMessage(message)), List.of(), List.of(), now, 0);
    }

    /**
     * Sends every scheduled message whose date has come, oldest date first.
     *
     * @param now the world's time
     */
    public void deliverDue(int now) {
        List<Pending> due = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Pending> it = pending.iterator(); it.hasNext();) {
                Pending p = it.next();
                if (p.date() <= now) {
                    due.add(p);
                    it.remove();
                }
            }
        }
        due.sort((a, b) -> Integer.compare(a.date(), b.date()));
        for (Pending p : due) {
            pushes.push(p.sender().id(), new Updates(List.of(new UpdateDeleteScheduledMessages(p.peer(), List.of(p.scheduledId()), null)),
                    List.of(), List.of(), now, 0), 0);
            try {
                sender.send(p.sender(), p.to(), p.draft(), p.randomId(), 0, now, "messages.sendMessage");
            } catch (RpcException e) {
                log.info("a scheduled message of {} could not be sent: {}", p.sender().id(), e.getMessage());
            }
        }
    }
}
