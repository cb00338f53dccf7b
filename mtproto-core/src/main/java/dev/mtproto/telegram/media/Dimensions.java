package dev.mtproto.telegram.media;

/**
 * An image's or video's size in pixels.
 *
 * @param width the width
 * @param height the height
 */
public record Dimensions(int width, int height) {
    /** @throws IllegalArgumentException if a side is negative */
    public Dimensions {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("dimensions must not be negative, got " + width + "x" + height);
        }
    }

    /** @return width times height, without overflow */
    public long pixels() {
        return (long) width * height;
    }
}
