package dev.mtproto.testkit.world.updates;

import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.Update;

/**
 * One event of a message box (https://core.telegram.org/api/updates#message-related-event-sequences): a new
 * message, as the box's owner sees it (for a channel's box: as a non-sender sees it), or another event that
 * moves pts (an edit, a deletion, a pin, a read), with the pts it moved the box to.
 *
 * @param pts the box's pts after the event
 * @param ptsCount how much the event moved it (1 for a new message)
 * @param message the new message, null for another event
 * @param update the other event (such as {@code updateEditMessage}), null for a new message
 * @param senderId who sent the message, or who caused the event (0 for none)
 * @param date when, in Unix seconds
 */
public record BoxEntry(int pts, int ptsCount, MessageType message, Update update, long senderId, int date) {
    /**
     * Checks the components.
     *
     * @param pts the pts
     * @param ptsCount the count
     * @param message the message, or null
     * @param update the event, or null
     * @param senderId the sender
     * @param date the date
     * @throws IllegalArgumentException unless exactly one of message and update is given
     */
    public BoxEntry {
        if ((message == null) == (update == null)) {
            throw new IllegalArgumentException("a box entry is a new message or another event");
        }
    }

    /** @return whether it is a new message (else another event) */
    public boolean isMessage() {
        return message != null;
    }
}
