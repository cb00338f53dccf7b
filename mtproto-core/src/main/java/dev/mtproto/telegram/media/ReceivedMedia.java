package dev.mtproto.telegram.media;

import dev.mtproto.tl.api.Document;
import dev.mtproto.tl.api.MessageMedia;
import dev.mtproto.tl.api.MessageMediaDocument;
import dev.mtproto.tl.api.MessageMediaEmpty;
import dev.mtproto.tl.api.MessageMediaPhoto;
import dev.mtproto.tl.api.Photo;
import java.util.Objects;
import java.util.Optional;

/**
 * A message's media as a typed value: a {@link PhotoMedia}, a {@link DocumentMedia} (files, videos, voice notes,
 * audio, stickers, GIFs) or, for everything else, an {@link UnsupportedMedia} with the raw TL object.
 */
public sealed interface ReceivedMedia permits PhotoMedia, DocumentMedia, UnsupportedMedia {

    /**
     * @param media a message's {@code media}, or null
     * @param origin where it was seen (for file references)
     * @return its typed value; empty for none ({@code messageMediaEmpty}, or a photo or document that is
     *     {@code photoEmpty} / {@code documentEmpty}, as for expired self-destructing media)
     */
    static Optional<ReceivedMedia> of(MessageMedia media, FileOrigin origin) {
        Objects.requireNonNull(origin, "origin");
        if (media == null || media instanceof MessageMediaEmpty) {
            return Optional.empty();
        }
        if (media instanceof MessageMediaPhoto p) {
            return p.photo() instanceof Photo photo ? Optional.of(new PhotoMedia(photo, p.spoiler(), origin)) : Optional.empty();
        }
        if (media instanceof MessageMediaDocument d) {
            return d.document() instanceof Document doc
                    ? Optional.of(new DocumentMedia(doc, d.voice(), d.video(), d.round(), d.spoiler(), origin))
                    : Optional.empty();
        }
        return Optional.of(new UnsupportedMedia(media));
    }
}
