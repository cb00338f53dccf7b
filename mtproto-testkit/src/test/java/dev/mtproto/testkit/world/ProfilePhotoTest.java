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
import dev.mtproto.testkit.world.files.StoredPhoto;
import dev.mtproto.tl.api.InputPeerPhotoFileLocation;
import dev.mtproto.tl.api.InputPeerUser;
import dev.mtproto.tl.api.InputPhotoFileLocation;
import dev.mtproto.tl.api.InputUser;
import dev.mtproto.tl.api.Photo;
import dev.mtproto.tl.api.PhotoSize;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.UserProfilePhoto;
import dev.mtproto.tl.api.photos.GetUserPhotos;
import dev.mtproto.tl.api.photos.Photos;
import dev.mtproto.tl.api.photos.UploadProfilePhoto;
import dev.mtproto.tl.api.upload.GetFile;
import dev.mtproto.tl.api.users.GetFullUser;
import dev.mtproto.tl.api.users.UserFull;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Profile photos: uploaded with {@code photos.uploadProfilePhoto}, seen in {@code user.photo} and
 * {@code userFull.profile_photo}, listed by {@code photos.getUserPhotos}, downloaded by
 * {@code inputPeerPhotoFileLocation} (big and small) and {@code inputPhotoFileLocation}; their references
 * expire and are refreshed by fetching the photos again.
 */
class ProfilePhotoTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1));

    private static int width(byte[] jpeg) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        return image.getWidth();
    }

    @Test
    void anUploadedProfilePhotoIsSeenAndDownloadedByOthers() throws IOException {
        WorldPeople people = new WorldPeople(TELEGRAM.cluster(), "1472");
        Account alice = people.person("Alice");
        Account bob = people.person("Bob");
        try (WorldClient a = people.signedIn(alice); WorldClient b = people.signedIn(bob)) {
            var uploaded = (dev.mtproto.tl.api.photos.Photo) a.call(UploadProfilePhoto.builder()
                    .file(uploadSmall(a, TestImages.png(800, 800), 64 * KIB, "me.png")).build());
            Photo mine = (Photo) uploaded.photo();
            assertThat(mine.sizes()).extracting(s -> ((PhotoSize) s).type()).containsExactly("a", "b", "c", "d");

            User seen = WorldPeople.user(b, alice);
            UserProfilePhoto badge = (UserProfilePhoto) seen.photo();
            assertThat(badge.photoId()).isEqualTo(mine.id());
            assertThat(badge.dcId()).isEqualTo(1);

            InputPeerUser peer = WorldPeople.inputUser(b, alice);
            byte[] big = download(b, new InputPeerPhotoFileLocation(true, peer, badge.photoId()), MIB);
            byte[] small = download(b, new InputPeerPhotoFileLocation(false, peer, badge.photoId()), MIB);
            assertThat(width(big)).isEqualTo(640);
            assertThat(width(small)).isEqualTo(160);
            assertError(b.error(new GetFile(false, false, new InputPeerPhotoFileLocation(true, peer, badge.photoId() + 1), 0, MIB)), 400,
                    "LOCATION_INVALID");

            var full = (UserFull) b.call(new GetFullUser(new InputUser(peer.userId(), peer.accessHash())));
            Photo profile = (Photo) ((dev.mtproto.tl.api.UserFull) full.fullUser()).profilePhoto();
            assertThat(profile.id()).isEqualTo(mine.id());
            InputPhotoFileLocation byRef = new InputPhotoFileLocation(profile.id(), profile.accessHash(), profile.fileReference(), "b");
            assertThat(width(download(b, byRef, MIB))).isEqualTo(320);

            TELEGRAM.cluster().world().files().expireReferences();
            assertError(b.error(new GetFile(false, false, byRef, 0, MIB)), 400, "FILE_REFERENCE_EXPIRED");
            Photos listed = (Photos) b.call(new GetUserPhotos(new InputUser(peer.userId(), peer.accessHash()), 0, 0, 10));
            Photo fresh = (Photo) listed.photos().get(0);
            assertThat(download(b, new InputPhotoFileLocation(fresh.id(), fresh.accessHash(), fresh.fileReference(), "b"), MIB))
                    .isNotEmpty();
        }
    }

    @Test
    void photosAreListedNewestFirst() {
        WorldPeople people = new WorldPeople(TELEGRAM.cluster(), "1473");
        Account carol = people.person("Carol");
        StoredPhoto first = TELEGRAM.cluster().world().files().setProfilePhoto(carol, TestImages.png(100, 100));
        StoredPhoto second = TELEGRAM.cluster().world().files().setProfilePhoto(carol, TestImages.png(200, 200));
        try (WorldClient c = people.signedIn(carol)) {
            Photos all = (Photos) c.call(new GetUserPhotos(dev.mtproto.tl.api.InputUserSelf.INSTANCE, 0, 0, 10));
            assertThat(all.photos()).extracting(p -> ((Photo) p).id()).containsExactly(second.id(), first.id());
            var slice = (dev.mtproto.tl.api.photos.PhotosSlice) c.call(new GetUserPhotos(dev.mtproto.tl.api.InputUserSelf.INSTANCE, 1, 0,
                    10));
            assertThat(slice.count()).isEqualTo(2);
            assertThat(slice.photos()).extracting(p -> ((Photo) p).id()).containsExactly(first.id());
            assertThat(((UserProfilePhoto) ((User) c.call(WorldClient.GET_ME).get(0)).photo()).photoId()).isEqualTo(second.id());
        }
    }
}
