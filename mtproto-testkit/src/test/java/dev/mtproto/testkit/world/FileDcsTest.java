package dev.mtproto.testkit.world;

import static dev.mtproto.testkit.world.FileTransfer.KIB;
import static dev.mtproto.testkit.world.FileTransfer.MIB;
import static dev.mtproto.testkit.world.FileTransfer.bytes;
import static dev.mtproto.testkit.world.FileTransfer.download;
import static dev.mtproto.testkit.world.FileTransfer.location;
import static dev.mtproto.testkit.world.FileTransfer.sendDocument;
import static dev.mtproto.testkit.world.FileTransfer.uploadSmall;
import static dev.mtproto.testkit.world.WorldClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.client.DcAddress;
import dev.mtproto.client.DcOptions;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDc;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.Config;
import dev.mtproto.tl.api.DcOption;
import dev.mtproto.tl.api.Document;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageMediaDocument;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.auth.ExportAuthorization;
import dev.mtproto.tl.api.auth.ExportedAuthorization;
import dev.mtproto.tl.api.auth.ImportAuthorization;
import dev.mtproto.tl.api.help.GetConfig;
import dev.mtproto.tl.api.upload.File;
import dev.mtproto.tl.api.upload.GetFile;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Files across DCs (https://core.telegram.org/api/files, https://core.telegram.org/api/datacenter): a file
 * lives on its uploader's home DC; another DC answers {@code FILE_MIGRATE_X}; the file's DC serves a client
 * that carried its authorization there; every DC also listens on a media-only address.
 */
class FileDcsTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2).mediaAddresses(true));

    @Test
    void aFileOnAnotherDcIsReadThereWithAnImportedAuthorization() {
        WorldPeople people = new WorldPeople(TELEGRAM.cluster(), "1465");
        Account alice = people.person("Alice"); // DC 1
        Account bob = TELEGRAM.cluster().world().accounts().move(people.person("Bob"), 2);
        try (WorldClient a = people.signedIn(alice); WorldClient b = people.signedIn(bob)) {
            byte[] data = bytes(100 * KIB + 3, 21);
            Document sent = (Document) ((MessageMediaDocument) FileTransfer.sentMessage(a.call(FileTransfer.sendMedia(
                    WorldPeople.inputUser(a, bob), FileTransfer.document(uploadSmall(a, data, 32 * KIB, "f"), "a/b", "f"), ""))).media())
                    .document();
            assertThat(sent.dcId()).isEqualTo(1);
            Message theirs = (Message) ((UpdateNewMessage) ((Updates) b.awaitPushed(1).get(0)).updates().get(0)).message();
            Document got = (Document) ((MessageMediaDocument) theirs.media()).document();
            assertThat(got.dcId()).as("bob is told where the file lives").isEqualTo(1);

            GetFile get = new GetFile(false, false, location(got), 0, MIB);
            assertError(b.error(get), 303, "FILE_MIGRATE_1");
            assertError(b.error(1, get), 401, "AUTH_KEY_UNREGISTERED");
            ExportedAuthorization exported = (ExportedAuthorization) b.call(new ExportAuthorization(1));
            b.call(1, new ImportAuthorization(exported.id(), exported.bytes()));
            assertThat(download(b, 1, location(got), 64 * KIB)).isEqualTo(data);
        }
    }

    @Test
    void aFileUploadedOnDc2LivesOnDc2() {
        WorldPeople people = new WorldPeople(TELEGRAM.cluster(), "1466");
        Account carol = TELEGRAM.cluster().world().accounts().move(people.person("Carol"), 2);
        try (WorldClient c = people.signedIn(carol)) {
            byte[] data = bytes(5000, 22);
            Document d = sendDocument(c, uploadSmall(c, data, 8 * KIB, "x"), "a/b");
            assertThat(d.dcId()).isEqualTo(2);
            assertThat(TELEGRAM.cluster().world().files().document(d.id()).orElseThrow().dcId()).isEqualTo(2);
            assertThat(((File) c.call(new GetFile(false, false, location(d), 0, 8 * KIB))).bytes()).isEqualTo(data);
        }
    }

    @Test
    void theConfigAnnouncesMediaOnlyAddressesThatServeTheSameDc() {
        TestCluster telegram = TELEGRAM.cluster();
        WorldPeople people = new WorldPeople(telegram, "1467");
        Account dave = people.person("Dave");
        Config config;
        try (WorldClient d = people.signedIn(dave)) {
            config = (Config) d.call(GetConfig.INSTANCE);
        }
        for (TestDc dc : telegram.dcs()) {
            int media = dc.mediaPort().orElseThrow();
            assertThat(config.dcOptions()).contains(DcOption.builder().mediaOnly(true).id(dc.id()).ipAddress(dc.host()).port(media).build());
            assertThat(media).isNotEqualTo(dc.port());
        }
        assertThat(telegram.dcOptions().all()).filteredOn(o -> o.has(DcAddress.Flag.MEDIA_ONLY)).hasSize(2);

        TestDc dc1 = telegram.dc(1);
        int before = dc1.inspection().acceptedMediaConnections();
        DcOptions mediaOnly = DcOptions.of(List.of(new DcAddress(1, dc1.host(), dc1.mediaPort().orElseThrow(), Set.of(), Optional.empty())));
        try (MtprotoClient viaMedia = MtprotoClient.create(telegram.clientConfig().dcOptions(mediaOnly).build())) {
            assertThat(viaMedia.invoke(GetConfig.INSTANCE, Duration.ofSeconds(10)).join()).isInstanceOf(Config.class);
        }
        assertThat(dc1.inspection().acceptedMediaConnections()).isGreaterThan(before);
    }

    @Test
    void withoutTheOptionThereAreNoMediaAddresses() {
        try (TestCluster plain = TestCluster.start(1)) {
            assertThat(plain.dc(1).mediaPort()).isEmpty();
            assertThat(plain.dcOptions().all()).noneMatch(o -> o.has(DcAddress.Flag.MEDIA_ONLY));
        }
    }
}
