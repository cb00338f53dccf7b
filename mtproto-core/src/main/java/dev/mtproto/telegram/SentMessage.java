package dev.mtproto.telegram;

import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.UpdateMessageID;
import dev.mtproto.tl.api.UpdateNewChannelMessage;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.UpdateNewScheduledMessage;
import dev.mtproto.tl.api.UpdateShortSentMessage;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.UpdatesCombined;
import dev.mtproto.tl.api.UpdatesType;
import java.time.Instant;
import java.util.List;

/**
 * What Telegram answered a message we sent.
 *
 * @param id the new message's id
 * @param date when Telegram took it
 * @param peer the chat it went to
 */
public record SentMessage(int id, Instant date, InputPeer peer) {

    /**
     * @param answer what {@code messages.sendMessage} (or {@code messages.sendMedia}) returned
     * @param randomId the random id the request carried
     * @param peer where it went
     * @return the message's id and date
     * @throws IllegalStateException if the answer names no new message (Telegram always does)
     */
    public static SentMessage of(UpdatesType answer, long randomId, InputPeer peer) {
        if (answer instanceof UpdateShortSentMessage s) {
            return new SentMessage(s.id(), Instant.ofEpochSecond(s.date()), peer);
        }
        List<Update> updates = answer instanceof Updates u ? u.updates() : answer instanceof UpdatesCombined c ? c.updates() : List.of();
        int date = answer instanceof Updates u ? u.date() : answer instanceof UpdatesCombined c ? c.date() : 0;
        int id = 0;
        for (Update x : updates) {
            if (x instanceof UpdateMessageID m && m.randomId() == randomId) {
                id = m.id();
            } else if (id == 0 && x instanceof UpdateNewMessage n) {
                id = n.message().id();
            } else if (id == 0 && x instanceof UpdateNewChannelMessage n) {
                id = n.message().id();
            } else if (id == 0 && x instanceof UpdateNewScheduledMessage n) {
                id = n.message().id();
            }
        }
        if (id == 0) {
            throw new IllegalStateException("the answer to a sent message names no message: " + answer.getClass().getSimpleName());
        }
        return new SentMessage(id, Instant.ofEpochSecond(date), peer);
    }
}
