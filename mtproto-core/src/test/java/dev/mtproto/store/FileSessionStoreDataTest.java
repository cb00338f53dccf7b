package dev.mtproto.store;

import static dev.mtproto.store.SessionFileFixture.posix;
import static dev.mtproto.store.SessionFileFixture.withChecksum;
import static dev.mtproto.store.SessionStoreContract.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mtproto.crypto.AuthKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store's own rules for what format version 2 added: the version 1 files of the first release
 * still load, the peer cache lives in its own file, and each change writes only the file it concerns.
 */
class FileSessionStoreDataTest {
    @TempDir
    Path dir;

    private final List<FileSessionStore> opened = new ArrayList<>();

    @AfterEach
    void closeStores() {
        opened.forEach(FileSessionStore::close);
    }

    private FileSessionStore open(Path file) {
        opened.forEach(FileSessionStore::close);
        FileSessionStore store = FileSessionStore.open(file);
        opened.add(store);
        return store;
    }

    private static void ownerOnly(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private static byte[] fixtureKey(java.util.function.IntUnaryOperator byteAt) {
        byte[] key = new byte[AuthKey.SIZE];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) byteAt.applyAsInt(i);
        }
        return key;
    }

    @Test
    void aVersionOneFileOfTheFirstReleaseLoadsAndIsRewrittenAsVersionTwo() throws Exception {
        Path file = dir.resolve("old.session");
        try (InputStream fixture = getClass().getResourceAsStream("v1.session")) {
            Files.write(file, fixture.readAllBytes());
        }
        ownerOnly(file);

        FileSessionStore store = open(file);
        assertThat(store.loadHomeDc()).hasValue(2);
        assertThat(store.loadAuthorization(2)).contains(new DcAuthorization(
                AuthKey.of(fixtureKey(i -> (i * 7 + 3) % 256)), 0x0123456789abcdefL, -1520,
                Instant.parse("2025-03-01T10:15:30.123Z")));
        assertThat(store.loadAuthorization(4)).contains(new DcAuthorization(AuthKey.of(fixtureKey(i -> 255 - i)),
                0xfedcba9876543210L, 250, Instant.parse("2025-04-02T08:00:00Z")));
        assertThat(store.loadAccount()).isEmpty();
        assertThat(store.loadUpdateState()).isEmpty();
        assertThat(store.snapshot().peers().size()).isZero();

        store.saveAccount(new SignedInAccount(42, false));
        assertThat(Files.readString(file)).startsWith("mtproto-session-store 2\n");
        FileSessionStore reopened = open(file);
        assertThat(reopened.loadAuthorization(4).orElseThrow().serverSalt()).isEqualTo(0xfedcba9876543210L);
        assertThat(reopened.loadAccount()).contains(new SignedInAccount(42, false));
    }

    @Test
    void aVersionOneFileCannotHoldWhatVersionTwoAdded() throws Exception {
        Path file = dir.resolve("mixed.session");
        Files.writeString(file, withChecksum("mtproto-session-store 1\nhome_dc=2\naccount.user_id=5\naccount.bot=0\n"));
        ownerOnly(file);
        SessionFileCorruptException error = catchThrowableOfType(SessionFileCorruptException.class, () -> open(file));
        assertThat(error.getMessage()).contains("line 3 has unknown entry 'account.user_id'");
    }

    @Test
    void peersLiveInTheirOwnOwnerOnlyFileInTheDocumentedFormat() throws Exception {
        Path file = dir.resolve("bot.session");
        FileSessionStore store = open(file);
        store.savePeers(List.of(StoredPeer.user(777000, -2938475610293847561L, "Telegram", "42777", false),
                StoredPeer.chat(12), new StoredPeer(PeerKind.CHANNEL, 1_000_000_001L, 5, true, null, null, false)));

        assertThat(store.peerFile()).isEqualTo(dir.resolve("bot.session.peers"));
        assertThat(file).as("no other change yet").doesNotExist();
        assertThat(Files.readString(store.peerFile())).isEqualTo(withChecksum("mtproto-session-peers 1\n"
                + "user,777000,-2938475610293847561,0,0,telegram,42777\n"
                + "chat,12,0,0,0,,\n"
                + "channel,1000000001,5,1,0,,\n"));
        if (posix(dir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.peerFile()))).isEqualTo("rw-------");
        }
    }

    @Test
    void eachChangeRewritesOnlyTheFileItConcerns() throws Exception {
        Path file = dir.resolve("split.session");
        FileSessionStore store = open(file);
        store.saveAuthorization(2, authorization(2));
        store.savePeers(List.of(StoredPeer.user(1, 1, "one", null, false)));
        Object peersBefore = fileKey(store.peerFile());
        assumeTrue(peersBefore != null, "the file system reports file keys");
        Object sessionBefore = fileKey(file);

        store.saveAuthorization(2, authorization(2).withServerSalt(99));
        store.saveUpdateState(new UpdateState(1, 2, 3, 4));
        store.saveChannelPts(Map.of(5L, 6));
        assertThat(fileKey(store.peerFile())).as("peers untouched by other saves").isEqualTo(peersBefore);
        Object sessionAfter = fileKey(file);
        assertThat(sessionAfter).isNotEqualTo(sessionBefore);

        store.savePeers(List.of(StoredPeer.user(2, 2, "two", null, false)));
        assertThat(fileKey(file)).as("the session file untouched by peers").isEqualTo(sessionAfter);
        Object peersAfter = fileKey(store.peerFile());
        assertThat(peersAfter).isNotEqualTo(peersBefore);
        store.savePeers(List.of(StoredPeer.user(2, 2, "two", null, false)));
        assertThat(fileKey(store.peerFile())).as("an equal record writes nothing").isEqualTo(peersAfter);
    }

    @Test
    void aDamagedPeerFileIsRefusedNamingItAndSayingOnlyTheCacheIsLost() throws Exception {
        Path file = dir.resolve("cache.session");
        FileSessionStore store = open(file);
        store.saveHomeDc(2);
        store.savePeers(List.of(StoredPeer.user(1, 1, "one", "123", false)));
        store.close();
        Path peers = store.peerFile();
        byte[] damaged = Files.readAllBytes(peers);
        damaged[30] ^= 1;
        Files.write(peers, damaged);

        SessionFileCorruptException error = catchThrowableOfType(SessionFileCorruptException.class, () -> open(file));
        assertThat(error.file()).isEqualTo(peers);
        assertThat(error.getMessage()).contains("Peer cache file " + peers).contains("the login is kept");
        // the stored phone number must not leak; the random temp directory's name may contain any digits
        assertThat(error.getMessage().replace(peers.toString(), "")).doesNotContain("123");

        Files.delete(peers);
        assertThat(open(file).loadHomeDc()).as("the login survives losing the cache").hasValue(2);
    }

    @Test
    void handEditedPeerLinesAreCheckedOneByOne() throws Exception {
        Path file = dir.resolve("edited.session");
        Path peers = dir.resolve("edited.session.peers");
        Map<String, String> cases = Map.of(
                "user,1,2,0,0,,\nuser,1,3,0,0,,\n", "line 3 repeats user 1",
                "robot,1,2,0,0,,\n", "line 2 has a malformed value for 'kind'",
                "user,0,2,0,0,,\n", "malformed value for 'id'",
                "user,1,2,2,0,,\n", "malformed value for 'min'",
                "user,1,2,0,0,,,\n", "does not have the 7 comma-separated fields",
                "chat,1,2,0,0,,\n", "line 2 is not a valid peer",
                "user,1,99999999999999999999,0,0,,\n", "malformed value for 'access_hash'");
        for (Map.Entry<String, String> edit : cases.entrySet()) {
            Files.writeString(peers, withChecksum("mtproto-session-peers 1\n" + edit.getKey()));
            ownerOnly(peers);
            SessionFileCorruptException error = catchThrowableOfType(SessionFileCorruptException.class, () -> open(file));
            assertThat(error).as(edit.getKey()).isNotNull();
            assertThat(error.getMessage()).as(edit.getKey()).contains(edit.getValue());
        }
        Files.writeString(peers, withChecksum("mtproto-session-peers 2\nanything\n"));
        SessionFileVersionException newer = catchThrowableOfType(SessionFileVersionException.class, () -> open(file));
        assertThat(newer.file()).isEqualTo(peers);
        assertThat(newer.supportedVersion()).isEqualTo(1);
    }

    @Test
    void aSignOutWhoseSessionFileCannotBeWrittenPutsThePeersBack() throws Exception {
        Path file = dir.resolve("rollback.session");
        FileSessionStore store = open(file);
        store.saveAccount(new SignedInAccount(42, false));
        store.savePeers(List.of(StoredPeer.user(1, 1, "one", null, false)));
        store.close();
        byte[] sessionBefore = Files.readAllBytes(file);
        byte[] peersBefore = Files.readAllBytes(store.peerFile());

        FileSessionStore failing = FileSessionStore.builder(file).fileMove((source, target) -> {
            if (target.equals(file)) {
                throw new AccessDeniedException(target.toString(), null, "simulated");
            }
            AtomicFileWriter.ATOMIC_REPLACE.move(source, target);
        }).build();
        opened.add(failing);
        SessionFileException error = catchThrowableOfType(SessionFileException.class, failing::deleteAccount);
        assertThat(error.file()).isEqualTo(file);
        assertThat(failing.loadAccount()).isPresent();
        assertThat(failing.findPeerByUsername("one")).isPresent();
        assertThat(Files.readAllBytes(file)).isEqualTo(sessionBefore);
        assertThat(Files.readAllBytes(store.peerFile())).isEqualTo(peersBefore);
    }

    @Test
    void clearEmptiesThePeerFileToo() throws Exception {
        Path file = dir.resolve("clear.session");
        FileSessionStore store = open(file);
        store.saveHomeDc(2);
        store.savePeers(List.of(StoredPeer.user(1, 1, "one", "555", false)));
        store.clear();
        assertThat(Files.readString(store.peerFile())).startsWith("mtproto-session-peers 1\nsha256=")
                .doesNotContain("one");
        assertThat(open(file).snapshot()).isEqualTo(SessionSnapshot.EMPTY);
    }
}
