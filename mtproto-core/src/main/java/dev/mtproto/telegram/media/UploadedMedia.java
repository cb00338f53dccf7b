package dev.mtproto.telegram.media;

import dev.mtproto.tl.api.DocumentAttribute;
import dev.mtproto.tl.api.DocumentAttributeAudio;
import dev.mtproto.tl.api.DocumentAttributeFilename;
import dev.mtproto.tl.api.DocumentAttributeImageSize;
import dev.mtproto.tl.api.DocumentAttributeVideo;
import dev.mtproto.tl.api.InputFileType;
import dev.mtproto.tl.api.InputMedia;
import dev.mtproto.tl.api.InputMediaUploadedDocument;
import dev.mtproto.tl.api.InputMediaUploadedPhoto;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a {@link MediaMessage} and its uploaded file into the {@code inputMediaUploaded*} that sends it, with the
 * document attributes derived from the file and declared by the sender.
 */
final class UploadedMedia {
    private UploadedMedia() {
    }

    /**
     * Derives what the media needs from the file now, before its upload reads it (a stream is read once).
     *
     * @param message what to send
     * @return makes {@code inputMediaUploadedPhoto} or {@code inputMediaUploadedDocument} from the uploaded file
     * @throws java.io.UncheckedIOException if the file's first bytes cannot be read
     */
    static Function<InputFileType, InputMedia> of(MediaMessage message) {
        if (message.kind() == MediaMessage.Kind.PHOTO) {
            return file -> InputMediaUploadedPhoto.builder().file(file).spoiler(message.spoiler()).build();
        }
        String mime = message.derivedMimeType();
        Optional<Dimensions> image = mime.startsWith("image/") && message.video().isEmpty()
                ? message.file().imageDimensions() : Optional.empty();
        List<DocumentAttribute> attributes = attributes(message.fileName(), image, message.video(), message.audio());
        return file -> InputMediaUploadedDocument.builder().file(file).mimeType(mime).spoiler(message.spoiler())
                .forceFile(message.forceDocument()).attributes(attributes).build();
    }

    /**
     * The attributes of a document: its file name always; an image's size; a video's or an audio's details as the
     * sender declared them.
     *
     * @param fileName the name
     * @param image the image's dimensions, if it is one
     * @param video the video's details, if it is one
     * @param audio the audio's details, if it is a voice note or song
     * @return the attributes, in that order
     */
    static List<DocumentAttribute> attributes(String fileName, Optional<Dimensions> image, Optional<VideoDetails> video,
            Optional<AudioDetails> audio) {
        List<DocumentAttribute> out = new ArrayList<>(3);
        out.add(new DocumentAttributeFilename(fileName));
        image.ifPresent(d -> out.add(new DocumentAttributeImageSize(d.width(), d.height())));
        video.ifPresent(v -> out.add(DocumentAttributeVideo.builder().roundMessage(v.round()).supportsStreaming(v.supportsStreaming())
                .duration(v.duration().toMillis() / 1000.0).w(v.width()).h(v.height()).build()));
        audio.ifPresent(a -> out.add(DocumentAttributeAudio.builder().voice(a.voice()).duration((int) a.duration().getSeconds())
                .title(a.title().orElse(null)).performer(a.performer().orElse(null)).build()));
        return List.copyOf(out);
    }
}
