package dev.mtproto.telegram.media;

import dev.mtproto.files.TransferProgressListener;
import dev.mtproto.messages.format.FormattedText;
import dev.mtproto.messages.format.Html;
import dev.mtproto.messages.format.Markdown;
import dev.mtproto.tl.api.ReplyMarkup;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A photo or document to send, with its caption and options; immutable. Start with {@link #photo(Path)} or
 * {@link #document(Path)} (or their byte-array and stream forms), set what differs from the defaults, then
 * {@link Builder#build()}:
 *
 * <pre>{@code
 * MediaMessage m = MediaMessage.document(Path.of("report.pdf")).markdown("*Q3* figures").silent().build();
 * client.media().send(chat, m).join();
 * }</pre>
 *
 * <p>What Telegram needs besides the bytes is derived when it is sent: the file name (the path's, or the one
 * given), the MIME type (from the name's extension, else from the first bytes, else
 * {@code application/octet-stream}), an image's dimensions (read from its header, nothing decoded), and the
 * video or audio attributes the sender declares ({@link Builder#video}, {@link Builder#voice}, {@link Builder#audio}).
 */
public final class MediaMessage {
    /** Telegram's hard limit on a caption (4,096 UTF-16 code units for Premium; 1,024 otherwise, checked by Telegram). */
    public static final int MAX_CAPTION_LENGTH = 4096;

    /** What a file is sent as. */
    public enum Kind {
        /** A photo: Telegram re-encodes it and makes its sizes ({@code inputMediaUploadedPhoto}). */
        PHOTO,
        /** A document: sent as it is, with its attributes ({@code inputMediaUploadedDocument}). */
        DOCUMENT
    }

    private final Kind kind;
    private final MediaFile file;
    private final String fileName;
    private final Optional<String> mimeType;
    private final FormattedText caption;
    private final OptionalInt replyTo;
    private final boolean silent;
    private final boolean spoiler;
    private final boolean forceDocument;
    private final Optional<Instant> schedule;
    private final Optional<ReplyMarkup> markup;
    private final Optional<VideoDetails> video;
    private final Optional<AudioDetails> audio;
    private final TransferProgressListener progress;

    private MediaMessage(Builder b) {
        this.kind = b.kind;
        this.file = b.file;
        this.fileName = b.fileName == null ? b.file.fileName() : b.fileName;
        this.mimeType = Optional.ofNullable(b.mimeType);
        this.caption = b.caption;
        this.replyTo = b.replyTo == null ? OptionalInt.empty() : OptionalInt.of(b.replyTo);
        this.silent = b.silent;
        this.spoiler = b.spoiler;
        this.forceDocument = b.forceDocument;
        this.schedule = Optional.ofNullable(b.schedule);
        this.markup = Optional.ofNullable(b.markup);
        this.video = Optional.ofNullable(b.video);
        this.audio = Optional.ofNullable(b.audio);
        this.progress = b.progress;
    }

    /** @param path an image file @return a builder for a photo @throws IllegalArgumentException if the path has no file name */
    public static Builder photo(Path path) {
        return new Builder(Kind.PHOTO, MediaFile.of(path));
    }

    /** @param bytes an image (copied) @param fileName its name @return a builder for a photo */
    public static Builder photo(byte[] bytes, String fileName) {
        return new Builder(Kind.PHOTO, MediaFile.of(bytes, fileName));
    }

    /**
     * @param in an image, read once when sent (not closed)
     * @param size exactly how many bytes it gives
     * @param fileName its name
     * @return a builder for a photo
     */
    public static Builder photo(InputStream in, long size, String fileName) {
        return new Builder(Kind.PHOTO, MediaFile.of(in, size, fileName));
    }

    /** @param path any file @return a builder for a document @throws IllegalArgumentException if the path has no file name */
    public static Builder document(Path path) {
        return new Builder(Kind.DOCUMENT, MediaFile.of(path));
    }

    /** @param bytes the content (copied) @param fileName its name @return a builder for a document */
    public static Builder document(byte[] bytes, String fileName) {
        return new Builder(Kind.DOCUMENT, MediaFile.of(bytes, fileName));
    }

    /**
     * @param in the content, read once when sent (not closed)
     * @param size exactly how many bytes it gives
     * @param fileName its name
     * @return a builder for a document
     */
    public static Builder document(InputStream in, long size, String fileName) {
        return new Builder(Kind.DOCUMENT, MediaFile.of(in, size, fileName));
    }

    /** @return photo or document */
    public Kind kind() {
        return kind;
    }

    /** @return the name sent with the file */
    public String fileName() {
        return fileName;
    }

    /** @return the MIME type the sender set, if any (otherwise it is derived, see {@link #derivedMimeType()}) */
    public Optional<String> mimeType() {
        return mimeType;
    }

    /**
     * @return the MIME type that is sent: the one set, else from the name, else from the first bytes, else
     *     {@code application/octet-stream}
     * @throws java.io.UncheckedIOException if a file's first bytes cannot be read
     */
    public String derivedMimeType() {
        return mimeType.orElseGet(() -> MimeTypes.of(fileName, file.head()));
    }

    /** @return the caption with its entities (empty text for none) */
    public FormattedText caption() {
        return caption;
    }

    /** @return the message it answers */
    public OptionalInt replyTo() {
        return replyTo;
    }

    /** @return whether it is sent without a notification sound */
    public boolean silent() {
        return silent;
    }

    /** @return whether the media is hidden behind a spoiler */
    public boolean spoiler() {
        return spoiler;
    }

    /** @return whether a document is shown as a file even if Telegram could show it as media ({@code force_file}) */
    public boolean forceDocument() {
        return forceDocument;
    }

    /** @return when it is sent, for a scheduled message */
    public Optional<Instant> schedule() {
        return schedule;
    }

    /** @return its keyboard */
    public Optional<ReplyMarkup> replyMarkup() {
        return markup;
    }

    /** @return what the sender said about the video, for a video */
    public Optional<VideoDetails> video() {
        return video;
    }

    /** @return what the sender said about the audio, for a voice note or a song */
    public Optional<AudioDetails> audio() {
        return audio;
    }

    /** @return told about the upload's confirmed bytes */
    public TransferProgressListener progress() {
        return progress;
    }

    MediaFile file() {
        return file;
    }

    @Override
    public String toString() {
        return "MediaMessage{" + kind + " " + fileName + ", caption " + caption.text().length() + " chars}";
    }

    /** Builds a {@link MediaMessage}; not thread-safe. */
    public static final class Builder {
        private final Kind kind;
        private final MediaFile file;
        private String fileName;
        private String mimeType;
        private FormattedText caption = FormattedText.plain("");
        private Integer replyTo;
        private boolean silent;
        private boolean spoiler;
        private boolean forceDocument;
        private Instant schedule;
        private ReplyMarkup markup;
        private VideoDetails video;
        private AudioDetails audio;
        private TransferProgressListener progress = TransferProgressListener.NONE;

        private Builder(Kind kind, MediaFile file) {
            this.kind = kind;
            this.file = file;
        }

        /** @param value a plain caption @return this builder */
        public Builder caption(String value) {
            return caption(FormattedText.plain(Objects.requireNonNull(value, "value")));
        }

        /** @param value a caption with its entities (mentions of users by id are resolved when sent) @return this builder */
        public Builder caption(FormattedText value) {
            this.caption = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * @param markdown a caption in Telegram's MarkdownV2 (see docs/messages.md)
         * @return this builder
         * @throws dev.mtproto.messages.format.FormattingException naming the position, for malformed markup
         */
        public Builder markdown(String markdown) {
            return caption(Markdown.parse(markdown));
        }

        /**
         * @param html a caption in the Bot API's HTML
         * @return this builder
         * @throws dev.mtproto.messages.format.FormattingException naming the position, for malformed markup
         */
        public Builder html(String html) {
            return caption(Html.parse(html));
        }

        /** @param value the name sent instead of the file's own @return this builder */
        public Builder fileName(String value) {
            if (Objects.requireNonNull(value, "value").isBlank()) {
                throw new IllegalArgumentException("a file name must not be blank");
            }
            this.fileName = value;
            return this;
        }

        /** @param value the MIME type, instead of the derived one (documents) @return this builder */
        public Builder mimeType(String value) {
            this.mimeType = Objects.requireNonNull(value, "value");
            return this;
        }

        /** @param messageId the message this one answers @return this builder */
        public Builder replyTo(int messageId) {
            this.replyTo = messageId;
            return this;
        }

        /** @return this builder, for a message sent without a notification sound */
        public Builder silent() {
            this.silent = true;
            return this;
        }

        /** @return this builder, for media hidden behind a spoiler */
        public Builder spoiler() {
            this.spoiler = true;
            return this;
        }

        /** @return this builder, for a document shown as a file even if it is an image, a video or audio */
        public Builder forceDocument() {
            this.forceDocument = true;
            return this;
        }

        /** @param when send at this time (a scheduled message) @return this builder */
        public Builder schedule(Instant when) {
            this.schedule = Objects.requireNonNull(when, "when");
            return this;
        }

        /** @param value an inline or reply keyboard (not in albums) @return this builder */
        public Builder replyMarkup(ReplyMarkup value) {
            this.markup = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Declares the document a video ({@code documentAttributeVideo}, streamable).
         *
         * @param duration its length
         * @param width its width
         * @param height its height
         * @return this builder
         */
        public Builder video(Duration duration, int width, int height) {
            return video(new VideoDetails(duration, width, height, true, false));
        }

        /** @param value what the video is @return this builder */
        public Builder video(VideoDetails value) {
            this.video = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Declares the document a voice note ({@code documentAttributeAudio} with {@code voice}).
         *
         * @param duration its length
         * @return this builder
         */
        public Builder voice(Duration duration) {
            this.audio = new AudioDetails(duration, true, Optional.empty(), Optional.empty());
            return this;
        }

        /**
         * Declares the document a song ({@code documentAttributeAudio}).
         *
         * @param duration its length
         * @param title its title, or null
         * @param performer its performer, or null
         * @return this builder
         */
        public Builder audio(Duration duration, String title, String performer) {
            this.audio = new AudioDetails(duration, false, Optional.ofNullable(title), Optional.ofNullable(performer));
            return this;
        }

        /** @param value told about the upload's confirmed bytes @return this builder */
        public Builder progress(TransferProgressListener value) {
            this.progress = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * @return the message
         * @throws IllegalArgumentException if the caption is longer than {@value #MAX_CAPTION_LENGTH}, or a photo
         *     is declared a video or audio, or a document both
         */
        public MediaMessage build() {
            if (caption.text().length() > MAX_CAPTION_LENGTH) {
                throw new IllegalArgumentException("a caption is at most " + MAX_CAPTION_LENGTH + " UTF-16 code units, this one has "
                        + caption.text().length());
            }
            if (kind == Kind.PHOTO && (video != null || audio != null || forceDocument || mimeType != null)) {
                throw new IllegalArgumentException("a photo has no video, audio, MIME type or force-document options; send a document");
            }
            if (video != null && audio != null) {
                throw new IllegalArgumentException("a document is a video or audio, not both");
            }
            return new MediaMessage(this);
        }
    }
}
