package dev.mtproto.testkit.world.files;

import dev.mtproto.tl.api.Photo;
import dev.mtproto.tl.api.PhotoSizeType;
import dev.mtproto.tl.api.PhotoStrippedSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A photo in the world's file store (https://core.telegram.org/constructor/photo): the sizes made from the
 * uploaded image, on the DC it was uploaded to.
 *
 * @param id the photo id
 * @param accessHash its access hash (one for every viewer)
 * @param dcId the DC that holds its bytes
 * @param date when it was uploaded, Unix seconds
 * @param sizes its sizes, smallest first
 * @param stripped the bytes of its {@code photoStrippedSize} (type {@code i}, carried in the photo itself), or
 *     null for none
 */
public record StoredPhoto(long id, long accessHash, int dcId, int date, List<PhotoVariant> sizes, byte[] stripped) {
    /** Copies the list. */
    public StoredPhoto {
        sizes = List.copyOf(Objects.requireNonNull(sizes, "sizes"));
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("a photo has at least one size");
        }
    }

    /** A photo without a stripped thumbnail. */
    public StoredPhoto(long id, long accessHash, int dcId, int date, List<PhotoVariant> sizes) {
        this(id, accessHash, dcId, date, sizes, null);
    }

    /**
     * @param type a size type
     * @return that size
     */
    public Optional<PhotoVariant> size(String type) {
        return sizes.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    /** @return its largest size */
    public PhotoVariant largest() {
        return sizes.get(sizes.size() - 1);
    }

    /**
     * @param fileReference the reference to hand out with it
     * @return its {@code photo}
     */
    public Photo toTl(byte[] fileReference) {
        List<PhotoSizeType> tl = new ArrayList<>(sizes.size() + 1);
        if (stripped != null) {
            tl.add(new PhotoStrippedSize(StrippedThumbnail.TYPE, stripped));
        }
        sizes.forEach(s -> tl.add(s.toTl()));
        return new Photo(false, id, accessHash, fileReference, date, tl, null, dcId);
    }
}
