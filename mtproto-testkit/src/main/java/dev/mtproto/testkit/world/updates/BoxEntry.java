package dev.mtproto.testkit.world.updates;

import dev.mtproto.tl.api.MessageType;
import java.util.Objects;

/**
 * One event of a message box (https://core.telegram.org/api/updates#message-related-event-sequences): a
 * message, as the box's owner sees it (for a channel's box: as a non-sender sees it), with the pts it moved
 * the box to.
 *
 * @param pts the box's pts after the event
 * @param ptsCount how much the event moved it (1 for a new message)
 * @param message the message
 * @param senderId who sent it (0 for none: a broadcast channel's post is still sent by an admin)
 * @param date when, in Unix seconds
 */
public record BoxEntry(int pts, int ptsCount, MessageType message, long senderId, int date) {
    /**
     * Checks the components.
     *
     * @param pts the pts
     * @param ptsCount the count
     * @param message the message
     * @param senderId the sender
     * @param date the date
     * @throws NullPointerException if the message is null
     */
    public BoxEntry {
        Objects.requireNonNull(message, "message");
    }
}
