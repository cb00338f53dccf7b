package dev.mtproto.testkit.world.files;

import dev.mtproto.testkit.world.updates.Mailboxes;
import dev.mtproto.testkit.world.updates.MessageBox;
import dev.mtproto.tl.api.Document;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageMedia;
import dev.mtproto.tl.api.MessageMediaDocument;
import dev.mtproto.tl.api.MessageMediaPhoto;
import dev.mtproto.tl.api.Photo;
import java.util.Arrays;
import java.util.Map;

/**
 * Puts the current file references into the stored messages whose documents and photos got new ones, so that
 * fetching a message again ({@code messages.getMessages}, {@code channels.getMessages},
 * {@code messages.getHistory}, ...) hands out a reference that works (https://core.telegram.org/api/file_reference).
 */
final class StoredMessageRefresh {
    private final Mailboxes boxes;
    private final FileStore store;

    StoredMessageRefresh(Mailboxes boxes, FileStore store) {
        this.boxes = boxes;
        this.store = store;
    }

    /** Rewrites every stored message whose media's reference is not the current one. */
    void refreshAll() {
        for (MessageBox box : boxes.all()) {
            for (Map.Entry<Integer, MessageBox.Stored> e : box.messages().entrySet()) {
                if (e.getValue().message() instanceof Message m && m.media() != null) {
                    MessageMedia fresh = fresh(m.media());
                    if (fresh != m.media()) {
                        box.replace(e.getKey(), m.toBuilder().media(fresh).build());
                    }
                }
            }
        }
    }

    /** @return the media with current references, or the same object if they are current */
    private MessageMedia fresh(MessageMedia media) {
        if (media instanceof MessageMediaDocument md && md.document() instanceof Document d) {
            StoredDocument doc = store.document(d.id()).orElse(null);
            byte[] now = doc == null ? null : store.references.current(d.id());
            return now == null || Arrays.equals(now, d.fileReference()) ? media : md.toBuilder().document(doc.toTl(now)).build();
        }
        if (media instanceof MessageMediaPhoto mp && mp.photo() instanceof Photo p) {
            StoredPhoto photo = store.photo(p.id()).orElse(null);
            byte[] now = photo == null ? null : store.references.current(p.id());
            return now == null || Arrays.equals(now, p.fileReference()) ? media : mp.toBuilder().photo(photo.toTl(now)).build();
        }
        return media;
    }
}
