package dev.mtproto.testkit.world.files;

import dev.mtproto.tl.api.Document;
import dev.mtproto.tl.api.DocumentAttribute;
import dev.mtproto.tl.api.Photo;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The world's stored documents and photos, each on the DC it was uploaded to, with their file references.
 * Thread-safe.
 */
final class FileStore {
    private final SecureRandom random;
    private final Map<Long, StoredDocument> documents = new ConcurrentHashMap<>();
    private final Map<Long, StoredPhoto> photos = new ConcurrentHashMap<>();
    final FileReferences references;

    FileStore(SecureRandom random) {
        this.random = random;
        this.references = new FileReferences(random);
    }

    StoredDocument addDocument(int dcId, int date, String mimeType, List<DocumentAttribute> attributes, FileContent content,
            List<PhotoVariant> thumbs) {
        StoredDocument d = new StoredDocument(newId(), random.nextLong(), dcId, date, mimeType, attributes, content, thumbs);
        documents.put(d.id(), d);
        return d;
    }

    StoredPhoto addPhoto(int dcId, int date, List<PhotoVariant> sizes) {
        return addPhoto(dcId, date, sizes, null);
    }

    StoredPhoto addPhoto(int dcId, int date, List<PhotoVariant> sizes, byte[] stripped) {
        StoredPhoto p = new StoredPhoto(newId(), random.nextLong(), dcId, date, sizes, stripped);
        photos.put(p.id(), p);
        return p;
    }

    private long newId() {
        long id;
        do {
            id = random.nextLong() & Long.MAX_VALUE;
        } while (id == 0 || documents.containsKey(id) || photos.containsKey(id));
        return id;
    }

    Optional<StoredDocument> document(long id) {
        return Optional.ofNullable(documents.get(id));
    }

    Optional<StoredPhoto> photo(long id) {
        return Optional.ofNullable(photos.get(id));
    }

    /** @return the document as clients get it now, with its current reference */
    Document documentTl(StoredDocument d) {
        return d.toTl(references.current(d.id()));
    }

    /** @return the photo as clients get it now, with its current reference */
    Photo photoTl(StoredPhoto p) {
        return p.toTl(references.current(p.id()));
    }
}
