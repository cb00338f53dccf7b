package dev.mtproto.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mtproto.crypto.AuthKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileSessionStoreTest extends SessionStoreContract {
    @TempDir
    Path dir;

    private final AtomicInteger files = new AtomicInteger();
    /** The store each file was last opened with here; opening the file again closes it first, as a restart would. */
    private final Map<Path, FileSessionStore> open = new HashMap<>();

    @Override
    public SessionStore newStore() {
        return open(dir.resolve("state").resolve("store-" + files.incrementAndGet() + ".session"));
    }

    @Override
    public SessionStore reopen(SessionStore store) {
        return open(((FileSessionStore) store).file());
    }

    @AfterEach
    void closeStores() {
        open.values().forEach(FileSessionStore::close);
    }

    // ---- helpers ----

    /** Opens a store on a file as a restarted process would: a store this test opened on it before is closed first. */
    private FileSessionStore open(Path file) {
        return build(FileSessionStore.builder(file), file);
    }

    private FileSessionStore build(FileSessionStore.Builder builder, Path file) {
        FileSessionStore earlier = open.remove(file.toAbsolutePath().normalize());
        if (earlier != null) {
            earlier.close();
        }
        FileSessionStore store = builder.build();
        open.put(store.file(), store);
        return store;
    }

    /** A closed file holding DC 2 (authorization(2)), DC 4 (authorization(4)) and home DC 2. */
    private Path writtenFile() {
        FileSessionStore store = (FileSessionStore) newStore();
        store.saveAuthorization(2, authorization(2));
        store.saveAuthorization(4, authorization(4));
        store.saveHomeDc(2);
        store.close();
        return store.file();
    }

    private static String withChecksum(String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        return body + "sha256=" + hash + "\n";
    }

    private static String bodyOf(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        return text.substring(0, text.lastIndexOf("sha256="));
    }

    private static void assertNamesFileAndHidesKeys(Throwable error, Path file) {
        assertThat(error).isInstanceOf(SessionFileException.class);
        assertThat(((SessionFileException) error).file()).isEqualTo(file);
        assertThat(error.getMessage()).contains(file.toString());
        for (int seed : new int[] {2, 4}) {
            for (String rendering : keyRenderings(authorization(seed))) {
                assertThat(error.getMessage()).doesNotContain(rendering);
            }
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Writes a file as a careful user would (owner-only), so that only its content is under test. */
    private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        if (posix(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        writeOwnerOnly(file, content.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static List<Path> tempFiles(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    // ---- format ----

    @Test
    void writesTheDocumentedFormat() throws Exception {
        byte[] key = new byte[AuthKey.SIZE];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        FileSessionStore store = open(dir.resolve("format.session"));
        store.saveAuthorization(2, new DcAuthorization(AuthKey.of(key), 0x0123456789abcdefL, -1520,
                Instant.parse("2025-03-01T10:15:30.123Z")));
        store.saveHomeDc(2);

        store.saveAccount(new SignedInAccount(5_000_000_001L, true));
        store.saveUpdateState(new UpdateState(100, 7, -3, 1_700_000_000));
        store.saveChannelPts(Map.of(1_000_000_002L, 20, 1_000_000_001L, 10));
        store.saveAuthorization(4, new DcAuthorization(AuthKey.of(key), 1, 0, Instant.EPOCH, 5_000_000_001L));

        String expected = withChecksum("mtproto-session-store 2\n"
                + "home_dc=2\n"
                + "dc.2.auth_key=" + Base64.getEncoder().encodeToString(key) + "\n"
                + "dc.2.server_salt=0123456789abcdef\n"
                + "dc.2.time_offset_ms=-1520\n"
                + "dc.2.created_at=2025-03-01T10:15:30.123Z\n"
                + "dc.2.authorized_user_id=0\n"
                + "dc.4.auth_key=" + Base64.getEncoder().encodeToString(key) + "\n"
                + "dc.4.server_salt=0000000000000001\n"
                + "dc.4.time_offset_ms=0\n"
                + "dc.4.created_at=1970-01-01T00:00:00Z\n"
                + "dc.4.authorized_user_id=5000000001\n"
                + "account.user_id=5000000001\n"
                + "account.bot=1\n"
                + "update.pts=100\n"
                + "update.qts=7\n"
                + "update.seq=-3\n"
                + "update.date=1700000000\n"
                + "channel.1000000001.pts=10\n"
                + "channel.1000000002.pts=20\n");
        assertThat(Files.readString(store.file(), StandardCharsets.US_ASCII)).isEqualTo(expected);
    }

    @Test
    void readsAFileWrittenByHand() throws Exception {
        DcAuthorization authorization = authorization(5);
        Path file = dir.resolve("hand.session");
        writeOwnerOnly(file, withChecksum("mtproto-session-store 1\n"
                + "dc.5.created_at=" + authorization.createdAt() + "\n"
                + "dc.5.time_offset_ms=" + authorization.timeOffsetMillis() + "\n"
                + "dc.5.server_salt=" + HexFormat.of().toHexDigits(authorization.serverSalt()) + "\n"
                + "dc.5.auth_key=" + Base64.getEncoder().encodeToString(authorization.authKey().toByteArray()) + "\n"));
        FileSessionStore store = open(file);
        assertThat(store.loadAuthorization(5)).contains(authorization);
        assertThat(store.loadHomeDc()).isEmpty();
    }

    @Test
    void theFileHoldsTheKeyOnlyInAFormNoMessageOrToStringShows() throws Exception {
        Path file = writtenFile();
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        DcAuthorization authorization = authorization(2);
        byte[] key = authorization.authKey().toByteArray();
        assertThat(text).contains(Base64.getEncoder().encodeToString(key));
        assertThat(text).doesNotContainIgnoringCase(HexFormat.of().formatHex(key, 0, 16));
        assertThat(text).doesNotContain(authorization.authKey().toString()).doesNotContain(authorization.toString());

        FileSessionStore store = open(file);
        assertThat(store).hasToString("FileSessionStore[" + file + "]");
        for (String rendering : keyRenderings(authorization)) {
            assertThat(store.loadAuthorization(2).orElseThrow().toString()).doesNotContain(rendering);
        }
    }

    // ---- restart and caching ----

    @Test
    void aNewInstanceSeesWhatAnEarlierOneSaved() {
        FileSessionStore first = open(dir.resolve("restart.session"));
        first.saveAuthorization(2, authorization(2));
        first.saveAuthorization(1, authorization(1));
        first.saveHomeDc(2);

        FileSessionStore second = open(dir.resolve("restart.session"));
        assertThat(second.loadAuthorization(2)).contains(authorization(2));
        assertThat(second.loadAuthorization(1)).contains(authorization(1));
        assertThat(second.loadHomeDc()).hasValue(2);
    }

    @Test
    void openingLocksTheFileAndCreatesItOnlyOnTheFirstSave() throws Exception {
        Path file = dir.resolve("not").resolve("yet.session");
        FileSessionStore store = open(file);
        Path lockFile = dir.resolve("not").resolve("yet.session.lock");
        assertThat(store.loadAuthorization(2)).isEmpty();
        assertThat(file).doesNotExist();
        assertThat(Files.readString(lockFile, StandardCharsets.US_ASCII))
                .isEqualTo(ProcessHandle.current().pid() + "@" + java.net.InetAddress.getLocalHost().getHostName() + "\n");
        if (posix(dir)) {
            assertThat(permissions(file.getParent())).isEqualTo("rwx------");
            assertThat(permissions(lockFile)).isEqualTo("rw-------");
        }
        store.saveHomeDc(3);
        assertThat(file).exists();
        store.close();
        assertThat(Files.readString(lockFile)).as("emptied when the store closes").isEmpty();
    }

    @Test
    void servesReadsFromWhatItRead() throws Exception {
        Path file = writtenFile();
        FileSessionStore store = open(file);
        assertThat(store.loadHomeDc()).hasValue(2);
        Files.writeString(file, "garbage");
        assertThat(store.loadAuthorization(2)).contains(authorization(2));
    }

    @Test
    void savingAnEqualValueDoesNotRewriteTheFile() throws Exception {
        Path file = writtenFile();
        FileSessionStore store = open(file);
        Object before = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        assumeTrue(before != null, "the file system reports file keys");

        store.saveAuthorization(2, authorization(2));
        store.saveHomeDc(2);
        store.deleteAuthorization(3);
        assertThat(Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .isEqualTo(before);

        store.saveHomeDc(4);
        assertThat(Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .as("a real change replaces the file by a rename").isNotEqualTo(before);
    }

    // ---- one store per file ----

    @Test
    void aSecondStoreOnTheFileIsRefusedAndTheRefusalNamesTheHolder() throws Exception {
        Path file = writtenFile();
        FileSessionStore first = open(file);

        SessionFileLockedException refused = catchThrowableOfType(SessionFileLockedException.class,
                () -> FileSessionStore.open(file));
        assertNamesFileAndHidesKeys(refused, file);
        assertThat(refused.lockFile()).isEqualTo(file.resolveSibling(file.getFileName() + ".lock"));
        assertThat(refused.holder()).hasValue(SessionFileLock.thisProcess());
        assertThat(refused.getMessage()).contains("already open in another FileSessionStore of this process ("
                + SessionFileLock.thisProcess() + ")").contains("close that store first");
        assertThatThrownBy(() -> FileSessionStore.open(file.getParent().resolve("..").resolve(file.getParent().getFileName())
                .resolve(file.getFileName()))).as("another spelling of the path").isInstanceOf(SessionFileLockedException.class);
        assertThat(first.loadAuthorization(2)).as("the first store is not disturbed").contains(authorization(2));

        first.close();
        assertThat(open(file).loadHomeDc()).as("free again once closed").hasValue(2);
    }

    @Test
    void ofStoresOpenedAtOnceOnOneFileExactlyOneWins() throws Exception {
        Path file = writtenFile();
        int openers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(openers);
        List<Future<FileSessionStore>> attempts = new ArrayList<>();
        try {
            for (int i = 0; i < openers; i++) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    return FileSessionStore.open(file);
                }));
            }
            start.countDown();
            List<FileSessionStore> winners = new ArrayList<>();
            for (Future<FileSessionStore> attempt : attempts) {
                try {
                    winners.add(attempt.get(30, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(SessionFileLockedException.class);
                }
            }
            assertThat(winners).hasSize(1);
            winners.get(0).close();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClosedStoreRefusesUseAndClosingTwiceDoesNothing() throws Exception {
        Path file = writtenFile();
        FileSessionStore store = open(file);
        store.close();
        store.close();
        assertThatThrownBy(store::loadHomeDc).isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
        assertThatThrownBy(() -> store.loadAuthorization(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.saveHomeDc(3)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.deleteAuthorization(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(store::clear).isInstanceOf(IllegalStateException.class);
        assertThat(store).hasToString("FileSessionStore[" + file + "]");
        assertThat(open(file).loadHomeDc()).as("nothing was lost").hasValue(2);
    }

    @Test
    void aFileThatCannotBeOpenedIsLetGo() throws Exception {
        Path file = writtenFile();
        byte[] original = Files.readAllBytes(file);
        Files.writeString(file, "garbage");
        assertThatThrownBy(() -> open(file)).isInstanceOf(SessionFileCorruptException.class);
        Files.write(file, original);
        assertThat(open(file).loadHomeDc()).as("the failed opening released the lock").hasValue(2);
    }

    @Test
    void aReadOnlyDirectoryWithoutALockFileIsReportedAtOpening() throws Exception {
        assumeTrue(posix(dir), "POSIX file system");
        Path file = writtenFile();
        Files.delete(file.resolveSibling(file.getFileName() + ".lock"));
        Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("r-x------"));
        try {
            assumeTrue(!Files.isWritable(file.getParent()), "not running with privileges that ignore permissions (root)");
            SessionFileException error = catchThrowableOfType(SessionFileException.class, () -> open(file));
            assertNamesFileAndHidesKeys(error, file);
            assertThat(error.getMessage()).contains("cannot create or open the lock file");
        } finally {
            Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void twoInstancesOneAfterTheOtherNeverCorruptItAndTheLastWriterWins() throws Exception {
        Path file = dir.resolve("shared.session");
        FileSessionStore a = open(file);
        a.saveAuthorization(1, authorization(1));
        FileSessionStore b = open(file);
        assertThat(b.loadAuthorization(1)).contains(authorization(1));
        b.saveAuthorization(2, authorization(2));
        b.saveHomeDc(1);

        FileSessionStore reader = open(file);
        assertThat(reader.loadAuthorization(1)).contains(authorization(1));
        assertThat(reader.loadAuthorization(2)).contains(authorization(2));
        assertThat(reader.loadHomeDc()).hasValue(1);

        List<Thread> writers = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < 40; i++) {
                        reader.saveAuthorization(3, authorization(300 + i));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            writers.add(writer);
            writer.start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
        assertThat(failures).isEmpty();
        assertThat(open(file).loadAuthorization(3)).contains(authorization(339));
        assertThat(tempFiles(dir)).isEmpty();
    }

    // ---- permissions ----

    @Test
    void createsTheFile600AndMissingDirectories700() throws Exception {
        assumeTrue(posix(dir), "POSIX file system");
        String tempDirBefore = permissions(dir);
        Path file = dir.resolve("a").resolve("b").resolve("c.session");
        FileSessionStore store = open(file);
        store.saveAuthorization(2, authorization(2));

        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(permissions(dir.resolve("a"))).isEqualTo("rwx------");
        assertThat(permissions(dir.resolve("a").resolve("b"))).isEqualTo("rwx------");
        assertThat(permissions(dir)).as("existing directories are left alone").isEqualTo(tempDirBefore);

        store.saveHomeDc(2);
        assertThat(permissions(file)).isEqualTo("rw-------");
    }

    @Test
    void theTemporaryFileIsOwnerOnlyAndCompleteBeforeItIsMovedIntoPlace() throws Exception {
        assumeTrue(posix(dir), "POSIX file system");
        AtomicReference<String> seenPermissions = new AtomicReference<>();
        AtomicReference<byte[]> seenContent = new AtomicReference<>();
        Path file = dir.resolve("watched.session");
        FileSessionStore store = build(FileSessionStore.builder(file).fileMove((source, target) -> {
            seenPermissions.set(permissions(source));
            seenContent.set(Files.readAllBytes(source));
            assertThat(source.getParent()).isEqualTo(target.getParent());
            assertThat(source.getFileName().toString()).matches("\\.watched\\.session\\.[0-9a-f]{16}\\.tmp");
            AtomicFileWriter.ATOMIC_REPLACE.move(source, target);
        }), file);
        store.saveAuthorization(2, authorization(2));

        assertThat(seenPermissions.get()).isEqualTo("rw-------");
        assertThat(seenContent.get()).isEqualTo(Files.readAllBytes(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw----r--", "rw-rw----", "rw--w----", "rw-----w-", "rw---x---",
            "rwxrwxrwx"})
    void refusesAFileOthersCanAccess(String loosePermissions) throws Exception {
        assumeTrue(posix(dir), "POSIX file system");
        Path file = writtenFile();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(loosePermissions));
        byte[] before = Files.readAllBytes(file);

        SessionFilePermissionException error = catchThrowableOfType(SessionFilePermissionException.class, () -> open(file));
        assertNamesFileAndHidesKeys(error, file);
        assertThat(error.getMessage()).contains(loosePermissions).contains("chmod 600")
                .contains("allowInsecurePermissions()");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(permissions(file)).isEqualTo(loosePermissions);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(open(file).loadHomeDc()).as("fixed, the file opens").hasValue(2);
    }

    @Test
    void allowInsecurePermissionsReadsSuchAFileAndTheNextSaveMakesIt600() throws Exception {
        assumeTrue(posix(dir), "POSIX file system");
        Path file = writtenFile();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        FileSessionStore store = build(FileSessionStore.builder(file).allowInsecurePermissions(), file);
        assertThat(store.loadAuthorization(2)).contains(authorization(2));
        store.saveHomeDc(4);
        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(open(file).loadHomeDc()).hasValue(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-------", "r--------", "rwx------"})
    void acceptsOwnerOnlyPermissions(String ownerOnly) throws Exception {
        assumeTrue(posix(dir), "POSIX file system");
        Path file = writtenFile();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(ownerOnly));
        assertThat(open(file).loadHomeDc()).hasValue(2);
    }

    // ---- damaged files ----

    @Test
    void everyFlippedBitIsReportedAsCorruption() throws Exception {
        Path file = writtenFile();
        byte[] original = Files.readAllBytes(file);
        for (int position = 0; position < original.length; position++) {
            for (int bit : position % 5 == 0 ? new int[] {0x01, 0x40} : new int[] {0x01}) {
                byte[] damaged = original.clone();
                damaged[position] ^= (byte) bit;
                Files.write(file, damaged);
                Throwable error = catchThrowableOfType(SessionFileCorruptException.class, () -> open(file));
                assertThat(error).as("byte %d xor %x", position, bit).isNotNull();
                assertNamesFileAndHidesKeys(error, file);
            }
        }
    }

    @Test
    void everyTruncationIsReportedAsCorruption() throws Exception {
        Path file = writtenFile();
        byte[] original = Files.readAllBytes(file);
        for (int length = 0; length < original.length; length++) {
            Files.write(file, java.util.Arrays.copyOf(original, length));
            Throwable error = catchThrowableOfType(SessionFileCorruptException.class, () -> open(file));
            assertThat(error).as("truncated to %d bytes", length).isNotNull();
            assertNamesFileAndHidesKeys(error, file);
        }
        Files.write(file, original);
        assertThat(open(file).loadHomeDc()).hasValue(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello\n", "{\"dc\": 2}", "MTPROTO-SESSION-STORE 1\n", "mtproto-session-store\n",
            "mtproto-session-store 1", "mtproto-session-store 01\n", "mtproto-session-store 0\n",
            "mtproto-session-store one\n", "mtproto-session-store 1 \n", "\n\n\n", "\u0000\u0000\u0000\u0000"})
    void garbageIsReportedAsCorruption(String content) throws Exception {
        Path file = dir.resolve("garbage.session");
        writeOwnerOnly(file, content);
        byte[] before = Files.readAllBytes(file);

        Throwable error = catchThrowableOfType(SessionFileCorruptException.class, () -> open(file));
        assertNamesFileAndHidesKeys(error, file);
        assertThat(error.getMessage()).contains("cannot be used");
        assertThat(Files.readAllBytes(file)).as("never overwritten").isEqualTo(before);
    }

    @Test
    void randomBytesAreReportedAsCorruption() throws Exception {
        Path file = dir.resolve("random.session");
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            byte[] bytes = new byte[random.nextInt(2000)];
            random.nextBytes(bytes);
            writeOwnerOnly(file, bytes);
            assertThatThrownBy(() -> open(file))
                    .isInstanceOf(SessionFileCorruptException.class).hasMessageContaining(file.toString());
        }
    }

    @Test
    void aHugeFileIsRefusedUnread() throws Exception {
        Path file = dir.resolve("huge.session");
        byte[] bytes = new byte[SessionFile.MAX_SIZE + 1];
        byte[] header = "mtproto-session-store 1\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        writeOwnerOnly(file, bytes);
        assertThatThrownBy(() -> open(file))
                .isInstanceOf(SessionFileCorruptException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("larger than");
    }

    static Stream<Arguments> handEditedEntries() {
        return Stream.of(
                Arguments.of("home_dc=2\n", "home_dc=2\nunknown=1\n", "line 3 has unknown entry 'unknown'"),
                Arguments.of("home_dc=2\n", "home_dc=2\nhome_dc=2\n", "line 3 repeats entry 'home_dc'"),
                Arguments.of("home_dc=2\n", "home_dc=0\n", "line 2 has a malformed value for 'home_dc'"),
                Arguments.of("home_dc=2\n", "home_dc=+2\n", "malformed value for 'home_dc'"),
                Arguments.of("home_dc=2\n", "home_dc=10002\n", "malformed value for 'home_dc'"),
                Arguments.of("home_dc=2\n", "home_dc 2\n", "line 2 is not a 'name=value' entry"),
                Arguments.of("home_dc=2\n", "\n", "line 2 is not a 'name=value' entry"),
                Arguments.of("home_dc=2\n", "home_dc=2\u00e9\n", "line 2 holds a byte that is not printable ASCII"),
                Arguments.of("home_dc=2\n", "home_dc=2\r\n", "not printable ASCII"),
                Arguments.of("dc.2.server_salt=", "dc.2.server_salt=x", "malformed value for 'dc.2.server_salt'"),
                Arguments.of("dc.2.server_salt=", "dc.2.server_salt=A", "malformed value for 'dc.2.server_salt'"),
                Arguments.of("dc.2.time_offset_ms=", "dc.2.time_offset_ms=9", "malformed value for 'dc.2.time_offset_ms'"),
                Arguments.of("dc.2.created_at=", "dc.2.created_at=yesterday", "malformed value for 'dc.2.created_at'"),
                Arguments.of("dc.2.auth_key=", "dc.2.auth_key=AAAA", "malformed value for 'dc.2.auth_key'"),
                Arguments.of("dc.2.auth_key=", "dc.0.auth_key=", "unknown entry 'dc.0.auth_key'"),
                Arguments.of("dc.2.auth_key=", "dc.2.auth_secret=", "unknown entry 'dc.2.auth_secret'"),
                Arguments.of("dc.4.created_at=", "dc.4.server_salt=", "repeats entry 'dc.4.server_salt'"),
                Arguments.of("dc.4.created_at=", "dc.5.created_at=", "DC 4 lacks entry 'dc.4.created_at'"));
    }

    @ParameterizedTest
    @MethodSource("handEditedEntries")
    void handEditedEntriesWithAValidChecksumAreCheckedOneByOne(String find, String replace, String expected)
            throws Exception {
        Path file = writtenFile();
        String body = bodyOf(file);
        assertThat(body).contains(find);
        String edited = body.replaceFirst(java.util.regex.Pattern.quote(find),
                java.util.regex.Matcher.quoteReplacement(replace));
        if (replace.equals("dc.2.time_offset_ms=9")) {
            edited = edited.replaceFirst("dc\\.2\\.time_offset_ms=9-?[0-9]+", "dc.2.time_offset_ms=99999999999999999999");
        }
        Files.writeString(file, withChecksum(edited), StandardCharsets.ISO_8859_1);

        SessionFileCorruptException error = catchThrowableOfType(SessionFileCorruptException.class, () -> open(file));
        assertNamesFileAndHidesKeys(error, file);
        assertThat(error.getMessage()).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 17, 999_999_999})
    void aFileFromAFutureFormatVersionIsRefusedAndLeftAlone(int version) throws Exception {
        Path file = dir.resolve("future.session");
        writeOwnerOnly(file, withChecksum("mtproto-session-store " + version + "\nhome_dc=2\npeer.user.1=abc\n"));
        byte[] before = Files.readAllBytes(file);

        SessionFileVersionException error = catchThrowableOfType(SessionFileVersionException.class, () -> open(file));
        assertNamesFileAndHidesKeys(error, file);
        assertThat(error.foundVersion()).isEqualTo(version);
        assertThat(error.supportedVersion()).isEqualTo(2);
        assertThat(error.getMessage()).contains("format version " + version).contains("Upgrade mtproto-spring");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    // ---- atomic writes and crashes ----

    @Test
    void aFailedMoveLeavesThePreviousContentAndNoTemporaryFile() throws Exception {
        Path file = writtenFile();
        byte[] before = Files.readAllBytes(file);
        FileSessionStore store = build(FileSessionStore.builder(file)
                .fileMove((source, target) -> {
                    throw new java.nio.file.AccessDeniedException(target.toString(), null, "simulated");
                }), file);

        SessionFileException error = catchThrowableOfType(SessionFileException.class,
                () -> store.saveAuthorization(2, authorization(20)));
        assertNamesFileAndHidesKeys(error, file);
        assertThat(error.getMessage()).contains("cannot move temporary file").contains("unchanged");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(tempFiles(file.getParent())).isEmpty();
        assertThat(store.loadAuthorization(2)).as("the cache keeps what is on disk").contains(authorization(2));
        assertThat(open(file).loadAuthorization(2)).contains(authorization(2));
    }

    /** Stands for the process dying: nothing after it runs, and nobody catches it in the store. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aCrashBeforeTheMoveLeavesTheOldFileReadableAndTheLeftoverIsIgnored() throws Exception {
        Path file = writtenFile();
        FileSessionStore crashing = build(FileSessionStore.builder(file)
                .fileMove((source, target) -> {
                    throw new SimulatedCrash();
                }), file);
        assertThatThrownBy(() -> crashing.saveAuthorization(2, authorization(20))).isInstanceOf(SimulatedCrash.class);

        List<Path> leftovers = tempFiles(file.getParent());
        assertThat(leftovers).hasSize(1);
        assertThat(Files.readString(leftovers.get(0))).as("the new content was fully written")
                .contains(Base64.getEncoder().encodeToString(authorization(20).authKey().toByteArray()));

        FileSessionStore restarted = open(file);
        assertThat(restarted.loadAuthorization(2)).contains(authorization(2));
        assertThat(leftovers.get(0)).as("too recent to be sure it is stale").exists();
        restarted.saveHomeDc(4);
        FileSessionStore again = open(file);
        assertThat(again.loadHomeDc()).hasValue(4);

        again.clear();
        assertThat(tempFiles(file.getParent())).as("clear() removes old keys everywhere").isEmpty();
    }

    @Test
    void aCrashDuringTheFirstSaveLeavesNoFile() throws Exception {
        Path file = dir.resolve("first.session");
        FileSessionStore crashing = build(FileSessionStore.builder(file)
                .fileMove((source, target) -> {
                    throw new SimulatedCrash();
                }), file);
        assertThatThrownBy(() -> crashing.saveHomeDc(2)).isInstanceOf(SimulatedCrash.class);
        assertThat(file).doesNotExist();
        assertThat(open(file).loadHomeDc()).isEmpty();
    }

    @Test
    void staleTemporaryFilesAreDeletedAndFreshOnesIgnored() throws Exception {
        Path file = writtenFile();
        Path directory = file.getParent();
        String name = file.getFileName().toString();
        Path stale = directory.resolve("." + name + ".00112233445566ff.tmp");
        Path fresh = directory.resolve("." + name + ".ffeeddccbbaa9988.tmp");
        Path unrelated = directory.resolve("." + name + ".backup.tmp");
        for (Path path : List.of(stale, fresh, unrelated)) {
            Files.writeString(path, "half a file");
        }
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3600)));
        Files.setLastModifiedTime(unrelated, FileTime.from(Instant.now().minusSeconds(3600)));

        assertThat(open(file).loadAuthorization(4)).contains(authorization(4));
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(unrelated).as("not named like our temporary files").exists();
    }

    @Test
    void anUnwritableDirectoryGivesATypedErrorAndKeepsTheFile() throws Exception {
        assumeTrue(posix(dir), "POSIX file system");
        Path file = writtenFile();
        Path directory = file.getParent();
        byte[] before = Files.readAllBytes(file);
        FileSessionStore store = open(file);
        store.loadHomeDc();
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeTrue(!Files.isWritable(directory), "not running with privileges that ignore permissions (root)");
            SessionFileException error = catchThrowableOfType(SessionFileException.class, () -> store.saveHomeDc(4));
            assertNamesFileAndHidesKeys(error, file);
            assertThat(error.getMessage()).contains("cannot create a temporary file in directory " + directory);
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
            assertThat(store.loadHomeDc()).hasValue(2);
        } finally {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aParentThatIsAFileGivesATypedError() throws Exception {
        Path notADirectory = dir.resolve("plain-file");
        Files.writeString(notADirectory, "x");
        Path file = notADirectory.resolve("store.session");

        SessionFileException error = catchThrowableOfType(SessionFileException.class, () -> open(file));
        assertNamesFileAndHidesKeys(error, file);
        assertThat(error.getMessage()).containsIgnoringCase("not a directory");
        assertThat(Files.readString(notADirectory)).isEqualTo("x");
    }

    @Test
    void aDirectoryAtThePathGivesATypedError() throws Exception {
        Path file = dir.resolve("directory.session");
        Files.createDirectory(file);
        SessionFileException error = catchThrowableOfType(SessionFileException.class, () -> open(file));
        assertNamesFileAndHidesKeys(error, file);
        assertThat(error.getMessage()).contains("is a directory");
    }

    @Test
    void writesThroughASymbolicLink() throws Exception {
        Path realDirectory = Files.createDirectory(dir.resolve("real"));
        Path target = realDirectory.resolve("target.session");
        Path link = dir.resolve("link.session");
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links are not available: " + e);
        }
        FileSessionStore store = open(link);
        store.saveAuthorization(2, authorization(2));
        store.saveHomeDc(2);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThatThrownBy(() -> FileSessionStore.open(target)).as("the link and its target are one file, with one lock")
                .isInstanceOf(SessionFileLockedException.class);
        assertThat(realDirectory.resolve("target.session.lock")).exists();
        store.close();
        FileSessionStore viaTarget = open(target);
        assertThat(viaTarget.loadAuthorization(2)).contains(authorization(2));
        viaTarget.close();
        assertThat(open(link).loadHomeDc()).hasValue(2);
        assertThat(tempFiles(dir)).isEmpty();
        assertThat(tempFiles(realDirectory)).isEmpty();
    }

    // ---- clear ----

    @Test
    void clearEmptiesAFileThatWasDamagedReplacedOrLoosenedSinceOpening() throws Exception {
        Path file = writtenFile();
        FileSessionStore store = open(file);
        byte[] damaged = Files.readAllBytes(file);
        damaged[40] ^= 1;
        Files.write(file, damaged);
        if (posix(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }

        store.clear();
        assertThat(store.loadHomeDc()).isEmpty();
        if (posix(file)) {
            assertThat(permissions(file)).isEqualTo("rw-------");
        }
        Files.writeString(file, withChecksum("mtproto-session-store 7\n"));
        store.clear();
        assertThat(open(file).loadAuthorization(2)).isEmpty();
    }

    @Test
    void clearLeavesAFileThatIsNoSessionFileAlone() throws Exception {
        Path file = dir.resolve("notes.txt");
        FileSessionStore store = open(file);
        writeOwnerOnly(file, "my important notes");
        SessionFileCorruptException error = catchThrowableOfType(SessionFileCorruptException.class, store::clear);
        assertNamesFileAndHidesKeys(error, file);
        assertThat(error.getMessage()).contains("leaves it alone");
        assertThat(Files.readString(file)).isEqualTo("my important notes");
        store.close();
        assertThatThrownBy(() -> open(file)).as("and opening refuses it").isInstanceOf(SessionFileCorruptException.class);
        assertThat(Files.readString(file)).isEqualTo("my important notes");
    }

    @Test
    void clearRemovesTheKeysFromTheFile() throws Exception {
        Path file = writtenFile();
        open(file).clear();
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        assertThat(text).doesNotContain(Base64.getEncoder().encodeToString(authorization(2).authKey().toByteArray()))
                .startsWith("mtproto-session-store 2\nsha256=");
    }

    // ---- builder ----

    @Test
    void builderChecksThePath() {
        assertThatThrownBy(() -> FileSessionStore.open(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> open(dir.getRoot())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must name a file");
        assertThat(open(dir.resolve("some").resolve("..").resolve("normalized.session")).file())
                .isEqualTo(dir.resolve("normalized.session"));
    }
}
