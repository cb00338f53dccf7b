package dev.mtproto.testkit.world.files;

import dev.mtproto.tl.api.Document;
import dev.mtproto.tl.api.DocumentAttribute;
import dev.mtproto.tl.api.PhotoSizeType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A document in the world's file store (https://core.telegram.org/constructor/document): its bytes on the
 * DC it was uploaded to, its MIME type and attributes as sent, and thumbnails made from the thumb sent with
 * it.
 *
 * @param id the document id
 * @param accessHash its access hash (one for every viewer)
 * @param dcId the DC that holds its bytes
 * @param date when it was uploaded, Unix seconds
 * @param mimeType the MIME type as sent
 * @param attributes the attributes as sent
 * @param content the bytes
 * @param thumbs its thumbnails, empty for none
 */
public record StoredDocument(long id, long accessHash, int dcId, int date, String mimeType, List<DocumentAttribute> attributes,
        FileContent content, List<PhotoVariant> thumbs) {
    /** Copies the lists. */
    public StoredDocument {
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(content, "content");
        attributes = List.copyOf(attributes);
        thumbs = List.copyOf(thumbs);
    }

    /**
     * @param type a thumbnail type
     * @return that thumbnail
     */
    public Optional<PhotoVariant> thumb(String type) {
        return thumbs.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    /**
     * @param fileReference the reference to hand out with it
     * @return its {@code document}
     */
    public Document toTl(byte[] fileReference) {
        List<PhotoSizeType> sizes = thumbs.isEmpty() ? null : thumbs.stream().map(t -> (PhotoSizeType) t.toTl()).toList();
        return new Document(id, accessHash, fileReference, date, mimeType, content.size(), sizes, null, dcId, attributes);
    }
}
