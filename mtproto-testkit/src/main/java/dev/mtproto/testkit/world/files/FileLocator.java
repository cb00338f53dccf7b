package dev.mtproto.testkit.world.files;

import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.tl.api.InputDocumentFileLocation;
import dev.mtproto.tl.api.InputFileLocationType;
import dev.mtproto.tl.api.InputPeerPhotoFileLocation;
import dev.mtproto.tl.api.InputPhotoFileLocation;
import java.util.Optional;

/**
 * Finds what an {@code InputFileLocation} names (https://core.telegram.org/type/InputFileLocation):
 * {@code inputDocumentFileLocation} (the document, or with {@code thumb_size} one of its thumbnails),
 * {@code inputPhotoFileLocation} (the photo size {@code thumb_size} names) and
 * {@code inputPeerPhotoFileLocation} (a profile photo: big, size {@code c} or the largest; small, the smallest). A wrong id or access hash is
 * {@code FILE_ID_INVALID}, a size the file does not have or another kind of location {@code LOCATION_INVALID}.
 * File references are checked by the caller, on the DC that holds the file.
 */
final class FileLocator {
    /** Finds the profile photo an {@code inputPeerPhotoFileLocation} names, as the caller sees the peer. */
    @FunctionalInterface
    interface PeerPhotos {
        Optional<StoredPhoto> photo(Caller caller, InputPeerPhotoFileLocation location, String method);
    }

    private final FileStore store;
    private volatile PeerPhotos peerPhotos = (c, l, m) -> Optional.empty();

    FileLocator(FileStore store) {
        this.store = store;
    }

    void peerPhotos(PeerPhotos photos) {
        this.peerPhotos = photos;
    }

    /** A location found, and the reference it came with (null for a peer photo, which has none). */
    record Found(Located located, byte[] reference) {
    }

    Found find(Caller caller, InputFileLocationType location, String method) {
        if (location instanceof InputDocumentFileLocation l) {
            StoredDocument d = store.document(l.id()).filter(x -> x.accessHash() == l.accessHash())
                    .orElseThrow(() -> WorldErrors.of(400, "FILE_ID_INVALID", method));
            if (l.thumbSize().isEmpty()) {
                return new Found(new Located(d.id(), d.dcId(), d.content(), d.mimeType(), d.date()), l.fileReference());
            }
            PhotoVariant t = d.thumb(l.thumbSize()).orElseThrow(() -> WorldErrors.of(400, "LOCATION_INVALID", method));
            return new Found(new Located(d.id(), d.dcId(), t.content(), null, d.date()), l.fileReference());
        }
        if (location instanceof InputPhotoFileLocation l) {
            StoredPhoto p = store.photo(l.id()).filter(x -> x.accessHash() == l.accessHash())
                    .orElseThrow(() -> WorldErrors.of(400, "FILE_ID_INVALID", method));
            PhotoVariant s = p.size(l.thumbSize()).orElseThrow(() -> WorldErrors.of(400, "LOCATION_INVALID", method));
            return new Found(new Located(p.id(), p.dcId(), s.content(), null, p.date()), l.fileReference());
        }
        if (location instanceof InputPeerPhotoFileLocation l) {
            StoredPhoto p = peerPhotos.photo(caller, l, method).orElseThrow(() -> WorldErrors.of(400, "LOCATION_INVALID", method));
            PhotoVariant s = l.big() ? p.size("c").orElse(p.largest()) : p.sizes().get(0);
            return new Found(new Located(p.id(), p.dcId(), s.content(), null, p.date()), null);
        }
        throw WorldErrors.of(400, "LOCATION_INVALID", method);
    }
}
