package dev.mtproto.telegram.media;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the sender says about audio: sent as {@code documentAttributeAudio}
 * (https://core.telegram.org/constructor/documentAttributeAudio).
 *
 * @param duration its length (sent in whole seconds)
 * @param voice whether it is a voice note (Telegram shows a waveform and a play button; OGG with Opus)
 * @param title a song's title
 * @param performer a song's performer
 */
public record AudioDetails(Duration duration, boolean voice, Optional<String> title, Optional<String> performer) {
    /** @throws IllegalArgumentException if the duration is negative or too long for Telegram's int seconds */
    public AudioDetails {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(performer, "performer");
        if (duration.isNegative() || duration.getSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an audio's duration must be between 0 and " + Integer.MAX_VALUE + " s, got " + duration);
        }
    }
}
