package dev.mtproto.testkit.world.messages;

import dev.mtproto.tl.api.MessageType;
import java.util.ArrayList;
import java.util.List;

/**
 * The page of a newest-first message list that the offsets of {@code messages.getHistory} and
 * {@code messages.search} name (https://core.telegram.org/api/offsets): from {@code offset_id} (or
 * {@code offset_date}) moved by {@code add_offset}, at most {@code limit} (1..100), within
 * {@code min_id}..{@code max_id}.
 *
 * @param offsetId start below this id, 0 for the newest
 * @param offsetDate start below this date when {@code offsetId} is 0, 0 for none
 * @param addOffset moves the start: negative to take newer ones
 * @param limit how many at most
 * @param maxId only ids below it, 0 for no bound
 * @param minId only ids above it
 */
record MessageWindow(int offsetId, int offsetDate, int addOffset, int limit, int maxId, int minId) {
    /** The most messages one call returns. */
    static final int MAX_LIMIT = 100;

    /**
     * @param newestFirst the messages
     * @return the page
     */
    List<MessageType> page(List<MessageType> newestFirst) {
        int start = 0;
        while (start < newestFirst.size() && !before(newestFirst.get(start))) {
            start++;
        }
        start = Math.max(0, Math.min(newestFirst.size(), start + addOffset));
        int max = Math.max(1, Math.min(MAX_LIMIT, limit));
        List<MessageType> out = new ArrayList<>();
        for (int i = start; i < newestFirst.size() && out.size() < max; i++) {
            int id = MessageObjects.idOf(newestFirst.get(i));
            if ((maxId <= 0 || id < maxId) && id > minId) {
                out.add(newestFirst.get(i));
            }
        }
        return out;
    }

    /** @return whether the message comes before the offset: below {@code offset_id}, or older than {@code offset_date} */
    private boolean before(MessageType message) {
        if (offsetId > 0) {
            return MessageObjects.idOf(message) < offsetId;
        }
        return offsetDate <= 0 || MessageObjects.dateOf(message) < offsetDate;
    }
}
