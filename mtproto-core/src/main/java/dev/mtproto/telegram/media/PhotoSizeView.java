package dev.mtproto.telegram.media;

import dev.mtproto.tl.api.PhotoCachedSize;
import dev.mtproto.tl.api.PhotoPathSize;
import dev.mtproto.tl.api.PhotoSize;
import dev.mtproto.tl.api.PhotoSizeProgressive;
import dev.mtproto.tl.api.PhotoSizeType;
import dev.mtproto.tl.api.PhotoStrippedSize;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One size of a photo or one thumbnail of a document (https://core.telegram.org/api/files#image-thumbnail-types):
 * a file to download ({@code photoSize}, {@code photoSizeProgressive}) or bytes the message already carries
 * ({@code photoCachedSize}, {@code photoStrippedSize}, {@code photoPathSize}).
 *
 * @param type the size's letter ({@code s}, {@code m}, {@code x}, {@code y}, {@code w}, {@code i}, {@code j}...):
 *     the {@code thumb_size} of its download
 * @param width its width in pixels (0 for a vector outline)
 * @param height its height in pixels (0 for a vector outline)
 * @param bytes its length in bytes: the file's for a download (the full one for a progressive JPEG), the inline
 *     bytes' otherwise
 * @param kind how it is stored
 * @param inline the bytes the message carries (a copy is returned), empty for a download
 */
public record PhotoSizeView(String type, int width, int height, long bytes, Kind kind, Optional<byte[]> inline) {
    /** How a size is stored. */
    public enum Kind {
        /** {@code photoSize}: a JPEG to download. */
        FILE,
        /** {@code photoSizeProgressive}: a progressive JPEG to download, whole or as one of its prefixes. */
        PROGRESSIVE,
        /** {@code photoCachedSize}: a small JPEG the message carries. */
        CACHED,
        /** {@code photoStrippedSize}: a tiny JPEG without its shared header (see {@link #jpeg()}). */
        STRIPPED,
        /** {@code photoPathSize}: a vector outline (an SVG path, compressed), for stickers. */
        VECTOR_OUTLINE
    }

    /** @throws NullPointerException if an argument is null */
    public PhotoSizeView {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        inline = Objects.requireNonNull(inline, "inline").map(byte[]::clone);
    }

    /** @return a copy of the inline bytes */
    @Override
    public Optional<byte[]> inline() {
        return inline.map(byte[]::clone);
    }

    /** @return whether it is fetched with {@code upload.getFile} (not carried inline) */
    public boolean downloadable() {
        return kind == Kind.FILE || kind == Kind.PROGRESSIVE;
    }

    /** @return its width and height */
    public Dimensions dimensions() {
        return new Dimensions(width, height);
    }

    /**
     * @return the JPEG of an inline size without any download: a cached size's bytes, a stripped size expanded
     *     with the shared header; empty for a download or a vector outline
     * @throws IllegalArgumentException if a stripped size's bytes are malformed
     */
    public Optional<byte[]> jpeg() {
        return switch (kind) {
            case CACHED -> inline();
            case STRIPPED -> inline.map(StrippedThumbnails::toJpeg);
            default -> Optional.empty();
        };
    }

    /**
     * @param sizes a photo's {@code sizes} or a document's {@code thumbs}, or null
     * @return their views, in the same order, {@code photoSizeEmpty} left out
     */
    public static List<PhotoSizeView> of(List<? extends PhotoSizeType> sizes) {
        if (sizes == null) {
            return List.of();
        }
        List<PhotoSizeView> out = new ArrayList<>(sizes.size());
        for (PhotoSizeType size : sizes) {
            of(size).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /**
     * @param size one size
     * @return its view; empty for {@code photoSizeEmpty}
     */
    public static Optional<PhotoSizeView> of(PhotoSizeType size) {
        if (size instanceof PhotoSize s) {
            return Optional.of(new PhotoSizeView(s.type(), s.w(), s.h(), Integer.toUnsignedLong(s.size()), Kind.FILE, Optional.empty()));
        } else if (size instanceof PhotoSizeProgressive p) {
            long full = p.sizes().isEmpty() ? -1 : Integer.toUnsignedLong(p.sizes().get(p.sizes().size() - 1));
            return Optional.of(new PhotoSizeView(p.type(), p.w(), p.h(), full, Kind.PROGRESSIVE, Optional.empty()));
        } else if (size instanceof PhotoCachedSize c) {
            return Optional.of(new PhotoSizeView(c.type(), c.w(), c.h(), c.bytes().length, Kind.CACHED, Optional.of(c.bytes())));
        } else if (size instanceof PhotoStrippedSize s) {
            Dimensions d = s.bytes().length >= 3 ? StrippedThumbnails.dimensions(s.bytes()) : new Dimensions(0, 0);
            return Optional.of(new PhotoSizeView(s.type(), d.width(), d.height(), s.bytes().length, Kind.STRIPPED, Optional.of(s.bytes())));
        } else if (size instanceof PhotoPathSize p) {
            return Optional.of(new PhotoSizeView(p.type(), 0, 0, p.bytes().length, Kind.VECTOR_OUTLINE, Optional.of(p.bytes())));
        }
        return Optional.empty();
    }

    /**
     * The size to show when only one is fetched: the largest by pixels among those to download ({@code photoSize},
     * {@code photoSizeProgressive}; a tie goes to the longer file), else the largest inline JPEG (cached, then
     * stripped).
     *
     * @param sizes the sizes
     * @return the best, or empty when there is no image at all
     */
    public static Optional<PhotoSizeView> best(List<PhotoSizeView> sizes) {
        Optional<PhotoSizeView> file = largest(sizes, Kind.FILE, Kind.PROGRESSIVE);
        return file.or(() -> largest(sizes, Kind.CACHED)).or(() -> largest(sizes, Kind.STRIPPED));
    }

    private static Optional<PhotoSizeView> largest(List<PhotoSizeView> sizes, Kind... kinds) {
        PhotoSizeView best = null;
        for (PhotoSizeView s : sizes) {
            if (!Arrays.asList(kinds).contains(s.kind)) {
                continue;
            }
            if (best == null || s.dimensions().pixels() > best.dimensions().pixels()
                    || s.dimensions().pixels() == best.dimensions().pixels() && s.bytes > best.bytes) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhotoSizeView v && type.equals(v.type) && width == v.width && height == v.height && bytes == v.bytes
                && kind == v.kind && Arrays.equals(inline.orElse(null), v.inline.orElse(null));
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, width, height, bytes, kind) * 31 + Arrays.hashCode(inline.orElse(null));
    }

    @Override
    public String toString() {
        return "PhotoSizeView{" + type + " " + width + "x" + height + ", " + bytes + " bytes, " + kind + "}";
    }
}
