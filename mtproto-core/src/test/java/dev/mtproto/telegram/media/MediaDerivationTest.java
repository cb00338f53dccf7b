package dev.mtproto.telegram.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.tl.api.DocumentAttributeAudio;
import dev.mtproto.tl.api.DocumentAttributeFilename;
import dev.mtproto.tl.api.DocumentAttributeImageSize;
import dev.mtproto.tl.api.DocumentAttributeVideo;
import dev.mtproto.tl.api.InputFile;
import dev.mtproto.tl.api.InputMediaUploadedDocument;
import dev.mtproto.tl.api.InputMediaUploadedPhoto;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is derived from a file to send: MIME type (name, then content), image dimensions, document attributes. */
class MediaDerivationTest {
    private static final InputFile UPLOADED = new InputFile(1L, 1, "x", "");

    static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    static byte[] jpeg(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }

    @Test
    void theNameDecidesFirstThenTheContentThenOctetStream() throws IOException {
        byte[] png = png(3, 2);
        assertThat(MimeTypes.of("report.PDF", png)).as("the name wins over the content").isEqualTo("application/pdf");
        assertThat(MimeTypes.of("photo", png)).isEqualTo("image/png");
        assertThat(MimeTypes.of("photo.unknownext", jpeg(2, 2))).isEqualTo("image/jpeg");
        assertThat(MimeTypes.of("notes.", "hello".getBytes(StandardCharsets.US_ASCII))).isEqualTo(MimeTypes.DEFAULT);
        assertThat(MimeTypes.of("empty", new byte[0])).isEqualTo(MimeTypes.DEFAULT);
        assertThat(MimeTypes.fromName("a.tar.gz")).hasValue("application/gzip");
        assertThat(MimeTypes.fromName("voice.ogg")).hasValue("audio/ogg");
    }

    @Test
    void magicNumbersOfCommonFormats() {
        assertThat(MimeTypes.sniff(ascii("GIF89a..."))).hasValue("image/gif");
        assertThat(MimeTypes.sniff(ascii("RIFF\0\0\0\0WEBPVP8 "))).hasValue("image/webp");
        assertThat(MimeTypes.sniff(ascii("RIFF\0\0\0\0WAVEfmt "))).hasValue("audio/wav");
        assertThat(MimeTypes.sniff(ascii("%PDF-1.7"))).hasValue("application/pdf");
        assertThat(MimeTypes.sniff(ascii("PK\u0003\u0004"))).hasValue("application/zip");
        assertThat(MimeTypes.sniff(ascii("OggS\0\u0002"))).hasValue("audio/ogg");
        assertThat(MimeTypes.sniff(ascii("ID3\u0004"))).hasValue("audio/mpeg");
        assertThat(MimeTypes.sniff(ascii("\0\0\0\u0018ftypisom"))).hasValue("video/mp4");
        assertThat(MimeTypes.sniff(ascii("\0\0\0\u0014ftypqt  "))).hasValue("video/quicktime");
        assertThat(MimeTypes.sniff(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 'w', 'e', 'b', 'm'})).hasValue("video/webm");
        assertThat(MimeTypes.sniff(ascii("RIF"))).as("too short for any").isEmpty();
        assertThat(MimeTypes.sniff(ascii("plain text"))).isEmpty();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void imageDimensionsComeFromTheHeaderOfAFileBytesOrAStreamHead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.png");
        Files.write(file, png(640, 480));
        assertThat(ImageHeaders.of(file)).hasValue(new Dimensions(640, 480));
        byte[] jpeg = jpeg(1280, 720);
        assertThat(ImageHeaders.of(jpeg)).hasValue(new Dimensions(1280, 720));
        assertThat(ImageHeaders.of(Arrays.copyOf(jpeg, 700))).as("the header is enough").hasValue(new Dimensions(1280, 720));
        assertThat(ImageHeaders.of(Arrays.copyOf(jpeg, 10))).as("a cut header").isEmpty();
        assertThat(ImageHeaders.of(ascii("not an image at all"))).isEmpty();
        MediaFile streamed = MediaFile.of(new ByteArrayInputStream(jpeg), jpeg.length, "s.jpg");
        assertThat(streamed.imageDimensions()).hasValue(new Dimensions(1280, 720));
    }

    @Test
    void aStreamIsPeekedForItsHeadAndKeepsItsLength() {
        byte[] content = new byte[MediaFile.HEAD * 2 + 17];
        new java.util.Random(7).nextBytes(content);
        MediaFile streamed = MediaFile.of(new ByteArrayInputStream(content), content.length, "blob.bin");
        assertThat(streamed.head()).isEqualTo(Arrays.copyOf(content, MediaFile.HEAD));
        assertThat(streamed.head()).as("peeked once, the same again").isEqualTo(Arrays.copyOf(content, MediaFile.HEAD));
        assertThat(streamed.upload().size()).isEqualTo(content.length);
        assertThat(streamed.upload().fileName()).isEqualTo("blob.bin");
    }

    @Test
    void aDocumentCarriesItsNameTypeAndImageSize() throws IOException {
        MediaMessage m = MediaMessage.document(png(30, 20), "chart.png").build();
        InputMediaUploadedDocument doc = (InputMediaUploadedDocument) UploadedMedia.of(m).apply(UPLOADED);
        assertThat(doc.mimeType()).isEqualTo("image/png");
        assertThat(doc.forceFile()).isFalse();
        assertThat(doc.attributes()).containsExactly(new DocumentAttributeFilename("chart.png"), new DocumentAttributeImageSize(30, 20));

        MediaMessage forced = MediaMessage.document(png(30, 20), "chart").fileName("renamed.bin").forceDocument().build();
        InputMediaUploadedDocument asFile = (InputMediaUploadedDocument) UploadedMedia.of(forced).apply(UPLOADED);
        assertThat(asFile.forceFile()).isTrue();
        assertThat(asFile.mimeType()).as("the given name's extension is unknown: the content decides").isEqualTo("image/png");
        assertThat(asFile.attributes().get(0)).isEqualTo(new DocumentAttributeFilename("renamed.bin"));
    }

    @Test
    void videoAndVoiceAreWhatTheSenderDeclares() {
        MediaMessage video = MediaMessage.document(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p'}, "clip.mp4")
                .video(Duration.ofMillis(12_500), 1920, 1080).build();
        InputMediaUploadedDocument v = (InputMediaUploadedDocument) UploadedMedia.of(video).apply(UPLOADED);
        assertThat(v.mimeType()).isEqualTo("video/mp4");
        DocumentAttributeVideo attr = (DocumentAttributeVideo) v.attributes().get(1);
        assertThat(attr.duration()).isEqualTo(12.5);
        assertThat(attr.w()).isEqualTo(1920);
        assertThat(attr.h()).isEqualTo(1080);
        assertThat(attr.supportsStreaming()).isTrue();
        assertThat(attr.roundMessage()).isFalse();

        MediaMessage voice = MediaMessage.document(ascii("OggS\0\u0002rest"), "note").voice(Duration.ofSeconds(7)).build();
        InputMediaUploadedDocument n = (InputMediaUploadedDocument) UploadedMedia.of(voice).apply(UPLOADED);
        assertThat(n.mimeType()).isEqualTo("audio/ogg");
        DocumentAttributeAudio audio = (DocumentAttributeAudio) n.attributes().get(1);
        assertThat(audio.voice()).isTrue();
        assertThat(audio.duration()).isEqualTo(7);

        MediaMessage song = MediaMessage.document(ascii("ID3\u0004"), "s.mp3").audio(Duration.ofSeconds(200), "Song", "Band").build();
        DocumentAttributeAudio songAttr = (DocumentAttributeAudio) ((InputMediaUploadedDocument) UploadedMedia.of(song).apply(UPLOADED)).attributes().get(1);
        assertThat(songAttr.voice()).isFalse();
        assertThat(songAttr.title()).isEqualTo("Song");
        assertThat(songAttr.performer()).isEqualTo("Band");
    }

    @Test
    void aPhotoIsSentAsAnUploadedPhoto() throws IOException {
        MediaMessage photo = MediaMessage.photo(jpeg(8, 8), "p.jpg").spoiler().build();
        InputMediaUploadedPhoto p = (InputMediaUploadedPhoto) UploadedMedia.of(photo).apply(UPLOADED);
        assertThat(p.spoiler()).isTrue();
        assertThat(p.file()).isEqualTo(UPLOADED);
    }

    @Test
    void badOptionsFailWhenBuilt() {
        assertThatThrownBy(() -> MediaMessage.photo(new byte[1], "p.jpg").voice(Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("send a document");
        assertThatThrownBy(() -> MediaMessage.document(new byte[1], "d").voice(Duration.ofSeconds(1)).video(Duration.ZERO, 1, 1).build())
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> MediaMessage.document(new byte[1], "d").caption("x".repeat(4097)).build()).hasMessageContaining("4096");
        assertThatThrownBy(() -> MediaMessage.document(new byte[1], " ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> MediaMessage.document(new byte[1], "d").voice(Duration.ofSeconds(-1))).hasMessageContaining("duration");
        MediaMessage photo = MediaMessage.photo(new byte[1], "p.jpg").build();
        MediaMessage doc = MediaMessage.document(new byte[1], "d.txt").build();
        assertThatThrownBy(() -> Album.builder().add(photo).build()).hasMessageContaining("2 to 10");
        assertThatThrownBy(() -> Album.builder().add(photo).add(doc).build()).hasMessageContaining("groups photos with videos");
        Album.Builder eleven = Album.builder();
        for (int i = 0; i < 11; i++) {
            eleven.add(photo);
        }
        assertThatThrownBy(eleven::build).hasMessageContaining("this one 11");
        assertThat(Album.builder().add(photo).add(MediaMessage.document(new byte[1], "v.mp4").video(Duration.ZERO, 1, 1).build()).build()
                .items()).hasSize(2);
        assertThat(Optional.of(doc.derivedMimeType())).hasValue("text/plain");
    }
}
