package dev.mtproto.telegram.media;

import dev.mtproto.telegram.SentMessage;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.UpdateMessageID;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.UpdatesCombined;
import dev.mtproto.tl.api.UpdatesType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The messages of a sent album, from the {@code updateMessageID} Telegram answers for each item's random id. */
final class SentAlbum {
    private SentAlbum() {
    }

    /**
     * @param answer what {@code messages.sendMultiMedia} returned
     * @param randomIds the items' random ids, in order
     * @param peer where it went
     * @return the sent messages, in the items' order
     * @throws IllegalStateException if the answer names no message for an item
     */
    static List<SentMessage> of(UpdatesType answer, List<Long> randomIds, InputPeer peer) {
        List<Update> updates = answer instanceof Updates u ? u.updates() : answer instanceof UpdatesCombined c ? c.updates() : List.of();
        int date = answer instanceof Updates u ? u.date() : answer instanceof UpdatesCombined c ? c.date() : 0;
        Map<Long, Integer> ids = new HashMap<>();
        for (Update x : updates) {
            if (x instanceof UpdateMessageID m) {
                ids.put(m.randomId(), m.id());
            }
        }
        List<SentMessage> sent = new ArrayList<>(randomIds.size());
        for (int i = 0; i < randomIds.size(); i++) {
            Integer id = ids.get(randomIds.get(i));
            if (id == null) {
                throw new IllegalStateException("the answer to a sent album names no message for item " + i + " (" + answer.tlName() + ")");
            }
            sent.add(new SentMessage(id, Instant.ofEpochSecond(date), peer));
        }
        return List.copyOf(sent);
    }
}
