package dev.mtproto.telegram.media;

import java.util.Objects;

/**
 * Media this API has no type for (a location, contact, poll, dice, web page, game, invoice, story...): the raw
 * TL object, to read with the generated API.
 *
 * @param raw the message's {@code media}
 */
public record UnsupportedMedia(dev.mtproto.tl.api.MessageMedia raw) implements ReceivedMedia {
    /** @throws NullPointerException if the media is null */
    public UnsupportedMedia {
        Objects.requireNonNull(raw, "raw");
    }

    @Override
    public String toString() {
        return "UnsupportedMedia{" + raw.tlName() + "}";
    }
}
