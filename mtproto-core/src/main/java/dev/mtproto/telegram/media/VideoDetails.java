package dev.mtproto.telegram.media;

import java.time.Duration;
import java.util.Objects;

/**
 * What the sender says about a video (Telegram does not look inside): sent as {@code documentAttributeVideo}.
 *
 * @param duration its length
 * @param width its width in pixels
 * @param height its height in pixels
 * @param supportsStreaming whether it can be played while downloading (the moov atom comes first)
 * @param round whether it is a round video message (square, at most 1 minute)
 */
public record VideoDetails(Duration duration, int width, int height, boolean supportsStreaming, boolean round) {
    /** @throws IllegalArgumentException if the duration or a side is negative */
    public VideoDetails {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || width < 0 || height < 0) {
            throw new IllegalArgumentException("a video's duration and sides must not be negative, got " + duration + ", " + width + "x" + height);
        }
    }
}
