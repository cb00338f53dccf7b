package dev.mtproto.testkit.world;

import dev.mtproto.testkit.TestImages;
import static dev.mtproto.testkit.world.FileTransfer.KIB;
import static dev.mtproto.testkit.world.FileTransfer.MIB;
import static dev.mtproto.testkit.world.FileTransfer.download;
import static dev.mtproto.testkit.world.FileTransfer.uploadSmall;
import static dev.mtproto.testkit.world.WorldClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.InputMediaUploadedPhoto;
import dev.mtproto.tl.api.InputPeerSelf;
import dev.mtproto.tl.api.InputPhotoFileLocation;
import dev.mtproto.tl.api.MessageMediaPhoto;
import dev.mtproto.tl.api.Photo;
import dev.mtproto.tl.api.PhotoSize;
import dev.mtproto.tl.api.PhotoStrippedSize;
import dev.mtproto.tl.api.storage.FileJpeg;
import dev.mtproto.tl.api.upload.File;
import dev.mtproto.tl.api.upload.GetFile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Photos sent with {@code inputMediaUploadedPhoto}: decoded and scaled into the sizes of
 * https://core.telegram.org/api/files#image-thumbnail-types, each downloadable by its type; what is no image,
 * or breaks Telegram's dimension limits, refused.
 */
class PhotoMediaTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1));

    private static WorldClient alice;

    @BeforeAll
    static void signIn() {
        Account a = new WorldPeople(TELEGRAM.cluster(), "1464").person("Alice");
        alice = WorldClient.signedIn(TELEGRAM.cluster(), a);
    }

    static Photo sendPhoto(WorldClient client, byte[] image) {
        InputMediaUploadedPhoto media = InputMediaUploadedPhoto.builder().file(uploadSmall(client, image, 128 * KIB, "p.png")).build();
        Object result = client.call(FileTransfer.sendMedia(InputPeerSelf.INSTANCE, media, "a photo"));
        return (Photo) ((MessageMediaPhoto) FileTransfer.sentMessage(result).media()).photo();
    }

    @Test
    void sizesUpToTheOriginalByTheLongestSide() throws IOException {
        Photo p = sendPhoto(alice, TestImages.png(1000, 500));
        assertThat(p.dcId()).isEqualTo(1);
        assertThat(p.fileReference()).isNotEmpty();
        assertThat(p.sizes().get(0)).as("the stripped thumbnail comes first")
                .isInstanceOfSatisfying(PhotoStrippedSize.class, i -> assertThat(i.type()).isEqualTo("i"));
        assertThat(p.sizes().subList(1, p.sizes().size())).extracting(s -> ((PhotoSize) s).type()).containsExactly("s", "m", "x", "y");
        PhotoSize x = (PhotoSize) p.sizes().get(3);
        assertThat(x.w()).isEqualTo(800);
        assertThat(x.h()).isEqualTo(400);
        PhotoSize y = (PhotoSize) p.sizes().get(4);
        assertThat(y.w()).as("the largest size is the original's").isEqualTo(1000);

        byte[] jpeg = download(alice, new InputPhotoFileLocation(p.id(), p.accessHash(), p.fileReference(), "x"), MIB);
        assertThat(jpeg).hasSize(x.size());
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(decoded.getWidth()).isEqualTo(800);
        assertThat(decoded.getHeight()).isEqualTo(400);
        File part = (File) alice.call(new GetFile(false, false, new InputPhotoFileLocation(p.id(), p.accessHash(), p.fileReference(), "s"),
                0, MIB));
        assertThat(part.type()).isEqualTo(FileJpeg.INSTANCE);
    }

    @Test
    void aSmallImageHasOneSize() {
        Photo p = sendPhoto(alice, TestImages.png(60, 40));
        assertThat(p.sizes()).hasSize(2).first().isInstanceOf(PhotoStrippedSize.class);
        assertThat((PhotoSize) p.sizes().get(1)).isEqualTo(new PhotoSize("s", 60, 40, ((PhotoSize) p.sizes().get(1)).size()));
        assertError(alice.error(new GetFile(false, false, new InputPhotoFileLocation(p.id(), p.accessHash(), p.fileReference(), "y"), 0,
                MIB)), 400, "LOCATION_INVALID");
    }

    @Test
    void whatIsNoImageIsRefused() {
        InputMediaUploadedPhoto junk = InputMediaUploadedPhoto.builder().file(uploadSmall(alice, FileTransfer.bytes(5000, 1), KIB, "x"))
                .build();
        assertError(alice.error(FileTransfer.sendMedia(InputPeerSelf.INSTANCE, junk, "")), 400, "IMAGE_PROCESS_FAILED");
    }

    @Test
    void dimensionsBeyondTelegramsLimitsAreRefused() {
        InputMediaUploadedPhoto thin = InputMediaUploadedPhoto.builder().file(uploadSmall(alice, TestImages.png(2100, 100), 128 * KIB, "t.png"))
                .build();
        assertError(alice.error(FileTransfer.sendMedia(InputPeerSelf.INSTANCE, thin, "")), 400, "PHOTO_INVALID_DIMENSIONS");
    }
}
