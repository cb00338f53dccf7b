package dev.mtproto.telegram.media;

import dev.mtproto.tl.api.Photo;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A photo: its sizes (see {@link PhotoSizeView#best}), and where it was seen, to download it with
 * {@link TelegramMedia#download(PhotoMedia, PhotoSizeView, dev.mtproto.files.DownloadTarget, dev.mtproto.files.DownloadOptions)}.
 *
 * @param raw the TL photo
 * @param spoiler whether the message hides it behind a spoiler
 * @param origin where it was seen
 */
public record PhotoMedia(Photo raw, boolean spoiler, FileOrigin origin) implements ReceivedMedia {
    /** @throws NullPointerException if an argument is null */
    public PhotoMedia {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(origin, "origin");
    }

    /** @return its id */
    public long id() {
        return raw.id();
    }

    /** @return the DC that stores it */
    public int dcId() {
        return raw.dcId();
    }

    /** @return when it was uploaded */
    public Instant date() {
        return Instant.ofEpochSecond(Integer.toUnsignedLong(raw.date()));
    }

    /** @return its sizes, as Telegram listed them */
    public List<PhotoSizeView> sizes() {
        return PhotoSizeView.of(raw.sizes());
    }

    /** @return the largest size to download (else the largest inline one), see {@link PhotoSizeView#best} */
    public Optional<PhotoSizeView> best() {
        return PhotoSizeView.best(sizes());
    }

    /** @param type a size's letter @return that size */
    public Optional<PhotoSizeView> size(String type) {
        return sizes().stream().filter(s -> s.type().equals(type)).findFirst();
    }

    @Override
    public String toString() {
        return "PhotoMedia{id=" + raw.id() + ", dc=" + raw.dcId() + ", sizes=" + sizes().size() + "}";
    }
}
