package dev.mtproto.testkit.world.files;

import dev.mtproto.tl.api.PhotoSize;
import java.util.Objects;

/**
 * One size of a stored photo (or a document's thumbnail), as {@code photoSize} names it
 * (https://core.telegram.org/api/files#image-thumbnail-types): its type letter, dimensions and JPEG bytes.
 *
 * @param type the type letter: {@code s}, {@code m}, {@code x}, {@code y}, {@code w}, or {@code a} to
 *     {@code c} for profile photos
 * @param w the width in pixels
 * @param h the height in pixels
 * @param content the JPEG bytes
 */
public record PhotoVariant(String type, int w, int h, FileContent content) {
    /** Checks the fields. */
    public PhotoVariant {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
    }

    /** @return its {@code photoSize} */
    public PhotoSize toTl() {
        return new PhotoSize(type, w, h, (int) content.size());
    }
}
