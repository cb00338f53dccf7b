package dev.mtproto.telegram.media;

import dev.mtproto.tl.api.Document;
import dev.mtproto.tl.api.DocumentAttribute;
import dev.mtproto.tl.api.DocumentAttributeAudio;
import dev.mtproto.tl.api.DocumentAttributeFilename;
import dev.mtproto.tl.api.DocumentAttributeImageSize;
import dev.mtproto.tl.api.DocumentAttributeVideo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A document (a file, video, voice note, song, sticker, GIF...): its name, MIME type, length, attributes and
 * thumbnails, and where it was seen, to download it with {@link TelegramMedia#download(ReceivedMedia,
 * dev.mtproto.files.DownloadTarget, dev.mtproto.files.DownloadOptions)}.
 *
 * @param raw the TL document
 * @param voice whether the message shows it as a voice note
 * @param video whether the message shows it as a video
 * @param round whether the message shows it as a round video
 * @param spoiler whether the message hides it behind a spoiler
 * @param origin where it was seen
 */
public record DocumentMedia(Document raw, boolean voice, boolean video, boolean round, boolean spoiler, FileOrigin origin)
        implements ReceivedMedia {
    /** @throws NullPointerException if the document or the origin is null */
    public DocumentMedia {
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

    /** @return its MIME type */
    public String mimeType() {
        return raw.mimeType();
    }

    /** @return its length in bytes */
    public long size() {
        return raw.size();
    }

    /** @return its attributes */
    public List<DocumentAttribute> attributes() {
        return List.copyOf(raw.attributes());
    }

    /** @return its file name ({@code documentAttributeFilename}) */
    public Optional<String> fileName() {
        return attribute(DocumentAttributeFilename.class).map(DocumentAttributeFilename::fileName);
    }

    /** @return an image's dimensions ({@code documentAttributeImageSize}) */
    public Optional<Dimensions> imageSize() {
        return attribute(DocumentAttributeImageSize.class).map(a -> new Dimensions(a.w(), a.h()));
    }

    /** @return a video's attribute */
    public Optional<DocumentAttributeVideo> videoAttribute() {
        return attribute(DocumentAttributeVideo.class);
    }

    /** @return an audio's attribute (with {@code voice} for a voice note) */
    public Optional<DocumentAttributeAudio> audioAttribute() {
        return attribute(DocumentAttributeAudio.class);
    }

    /** @return its thumbnails */
    public List<PhotoSizeView> thumbnails() {
        return PhotoSizeView.of(raw.thumbs());
    }

    private <A extends DocumentAttribute> Optional<A> attribute(Class<A> type) {
        return raw.attributes().stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    @Override
    public String toString() {
        return "DocumentMedia{id=" + raw.id() + ", dc=" + raw.dcId() + ", " + raw.mimeType() + ", " + raw.size() + " bytes}";
    }
}
