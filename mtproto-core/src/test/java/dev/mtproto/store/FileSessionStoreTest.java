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
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
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

    @Override
    protected SessionStore newStore() {
        return FileSessionStore.open(dir.resolve("state").resolve("store-" + files.incrementAndGet() + ".session"));
    }

    @Override
    protected SessionStore reopen(SessionStore store) {
        return FileSessionStore.open(((FileSessionStore) store).file());
    }

    // ---- helpers ----

    /** A file holding DC 2 (authorization(2)), DC 4 (authorization(4)) and home DC 2. */
    private Path writtenFile() {
        FileSessionStore store = (FileSessionStore) newStore();
        store.saveAuthorization(2, authorization(2));
        store.saveAuthorization(4, authorization(4));
        store.saveHomeDc(2);
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
        FileSessionStore store = FileSessionStore.open(dir.resolve("format.session"));
        store.saveAuthorization(2, new DcAuthorization(AuthKey.of(key), 0x0123456789abcdefL, -1520,
                Instant.parse("2025-03-01T10:15:30.123Z")));
        store.saveHomeDc(2);

        String expected = withChecksum("mtproto-session-store 1\n"
                + "home_dc=2\n"
                + "dc.2.auth_key=" + Base64.getEncoder().encodeToString(key) + "\n"
                + "dc.2.server_salt=0123456789abcdef\n"
                + "dc.2.time_offset_ms=-1520\n"
                + "dc.2.created_at=2025-03-01T10:15:30.123Z\n");
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
        FileSessionStore store = FileSessionStore.open(file);
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

        FileSessionStore store = FileSessionStore.open(file);
        assertThat(store).hasToString("FileSessionStore[" + file + "]");
        for (String rendering : keyRenderings(authorization)) {
            assertThat(store.loadAuthorization(2).orElseThrow().toString()).doesNotContain(rendering);
        }
    }

    // ---- restart and caching ----

    @Test
    void aNewInstanceSeesWhatAnEarlierOneSaved() {
        FileSessionStore first = FileSessionStore.open(dir.resolve("restart.session"));
        first.saveAuthorization(2, authorization(2));
        first.saveAuthorization(1, authorization(1));
        first.saveHomeDc(2);

        FileSessionStore second = FileSessionStore.open(dir.resolve("restart.session"));
        assertThat(second.loadAuthorization(2)).contains(authorization(2));
        assertThat(second.loadAuthorization(1)).contains(authorization(1));
        assertThat(second.loadHomeDc()).hasValue(2);
    }

    @Test
    void buildingAStoreDoesNoIo() {
        Path file = dir.resolve("not").resolve("yet.session");
        FileSessionStore store = FileSessionStore.open(file);
        assertThat(store.loadAuthorization(2)).isEmpty();
        assertThat(file.getParent()).doesNotExist();
        store.saveHomeDc(3);
        assertThat(file).exists();
    }

    @Test
    void servesReadsFromWhatItRead() throws Exception {
        Path file = writtenFile();
        FileSessionStore store = FileSessionStore.open(file);
        assertThat(store.loadHomeDc()).hasValue(2);
        Files.writeString(file, "garbage");
        assertThat(store.loadAuthorization(2)).contains(authorization(2));
    }

    @Test
    void savingAnEqualValueDoesNotRewriteTheFile() throws Exception {
        Path file = writtenFile();
        FileSessionStore store = FileSessionStore.open(file);
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

    @Test
    void twoInstancesOnOneFileNeverCorruptItAndTheLastWriterWins() throws Exception {
        Path file = dir.resolve("shared.session");
        FileSessionStore a = FileSessionStore.open(file);
        FileSessionStore b = FileSessionStore.open(file);
        a.saveAuthorization(1, authorization(1));
        assertThat(b.loadAuthorization(1)).contains(authorization(1));
        a.saveAuthorization(2, authorization(2));
        b.saveHomeDc(1);

        FileSessionStore reader = FileSessionStore.open(file);
        assertThat(reader.loadAuthorization(1)).contains(authorization(1));
        assertThat(reader.loadAuthorization(2)).as("b never saw it and wrote last").isEmpty();
        assertThat(reader.loadHomeDc()).hasValue(1);

        List<Thread> writers = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (FileSessionStore store : List.of(a, b)) {
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < 40; i++) {
                        store.saveAuthorization(3, authorization(300 + i));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            writers.add(writer);
            writer.start();
        }
        for (int i = 0; i < 40; i++) {
            FileSessionStore.open(file).loadAuthorization(3);
        }
        for (Thread writer : writers) {
            writer.join();
        }
        assertThat(failures).isEmpty();
        assertThat(FileSessionStore.open(file).loadAuthorization(3)).contains(authorization(339));
        assertThat(tempFiles(dir)).isEmpty();
    }

    // ---- permissions ----

    @Test
    void createsTheFile600AndMissingDirectories700() throws Exception {
        assumeTrue(posix(dir), "POSIX file system");
        String tempDirBefore = permissions(dir);
        Path file = dir.resolve("a").resolve("b").resolve("c.session");
        FileSessionStore store = FileSessionStore.open(file);
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
        FileSessionStore store = FileSessionStore.builder(file).fileMove((source, target) -> {
            seenPermissions.set(permissions(source));
            seenContent.set(Files.readAllBytes(source));
            assertThat(source.getParent()).isEqualTo(target.getParent());
            assertThat(source.getFileName().toString()).matches("\\.watched\\.session\\.[0-9a-f]{16}\\.tmp");
            AtomicFileWriter.ATOMIC_REPLACE.move(source, target);
        }).build();
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

        FileSessionStore store = FileSessionStore.open(file);
        SessionFilePermissionException error =
                catchThrowableOfType(SessionFilePermissionException.class, store::loadHomeDc);
        assertNamesFileAndHidesKeys(error, file);
        assertThat(error.getMessage()).contains(loosePermissions).contains("chmod 600")
                .contains("allowInsecurePermissions()");
        assertThatThrownBy(() -> store.saveHomeDc(4)).isInstanceOf(SessionFilePermissionException.class);
        assertThatThrownBy(() -> store.loadAuthorization(2)).isInstanceOf(SessionFilePermissionException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(permissions(file)).isEqualTo(loosePermissions);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(store.loadHomeDc()).as("fixed without a restart").hasValue(2);
    }

    @Test
    void allowInsecurePermissionsReadsSuchAFileAndTheNextSaveMakesIt600() throws Exception {
        assumeTrue(posix(dir), "POSIX file system");
        Path file = writtenFile();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        FileSessionStore store = FileSessionStore.builder(file).allowInsecurePermissions().build();
        assertThat(store.loadAuthorization(2)).contains(authorization(2));
        store.saveHomeDc(4);
        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(FileSessionStore.open(file).loadHomeDc()).hasValue(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-------", "r--------", "rwx------"})
    void acceptsOwnerOnlyPermissions(String ownerOnly) throws Exception {
        assumeTrue(posix(dir), "POSIX file system");
        Path file = writtenFile();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(ownerOnly));
        assertThat(FileSessionStore.open(file).loadHomeDc()).hasValue(2);
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
                Throwable error = catchThrowableOfType(SessionFileCorruptException.class,
                        () -> FileSessionStore.open(file).loadAuthorization(2));
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
            Throwable error = catchThrowableOfType(SessionFileCorruptException.class,
                    () -> FileSessionStore.open(file).loadHomeDc());
            assertThat(error).as("truncated to %d bytes", length).isNotNull();
            assertNamesFileAndHidesKeys(error, file);
        }
        Files.write(file, original);
        assertThat(FileSessionStore.open(file).loadHomeDc()).hasValue(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello\n", "{\"dc\": 2}", "MTPROTO-SESSION-STORE 1\n", "mtproto-session-store\n",
            "mtproto-session-store 1", "mtproto-session-store 01\n", "mtproto-session-store 0\n",
            "mtproto-session-store one\n", "mtproto-session-store 1 \n", "\n\n\n", "\u0000\u0000\u0000\u0000"})
    void garbageIsReportedAsCorruption(String content) throws Exception {
        Path file = dir.resolve("garbage.session");
        writeOwnerOnly(file, content);
        byte[] before = Files.readAllBytes(file);
        FileSessionStore store = FileSessionStore.open(file);

        Throwable error = catchThrowableOfType(SessionFileCorruptException.class, store::loadHomeDc);
        assertNamesFileAndHidesKeys(error, file);
        assertThat(error.getMessage()).contains("cannot be used");
        assertThatThrownBy(() -> store.saveAuthorization(2, authorization(2)))
                .isInstanceOf(SessionFileCorruptException.class);
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
            assertThatThrownBy(() -> FileSessionStore.open(file).loadHomeDc())
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
        assertThatThrownBy(() -> FileSessionStore.open(file).loadHomeDc())
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

        SessionFileCorruptException error = catchThrowableOfType(SessionFileCorruptException.class,
                () -> FileSessionStore.open(file).loadHomeDc());
        assertNamesFileAndHidesKeys(error, file);
        assertThat(error.getMessage()).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 17, 999_999_999})
    void aFileFromAFutureFormatVersionIsRefusedAndLeftAlone(int version) throws Exception {
        Path file = dir.resolve("future.session");
        writeOwnerOnly(file, withChecksum("mtproto-session-store " + version + "\nhome_dc=2\npeer.user.1=abc\n"));
        byte[] before = Files.readAllBytes(file);
        FileSessionStore store = FileSessionStore.open(file);

        SessionFileVersionException error = catchThrowableOfType(SessionFileVersionException.class, store::loadHomeDc);
        assertNamesFileAndHidesKeys(error, file);
        assertThat(error.foundVersion()).isEqualTo(version);
        assertThat(error.supportedVersion()).isEqualTo(1);
        assertThat(error.getMessage()).contains("format version " + version).contains("Upgrade mtproto-spring");
        assertThatThrownBy(() -> store.saveHomeDc(3)).isInstanceOf(SessionFileVersionException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    // ---- atomic writes and crashes ----

    @Test
    void aFailedMoveLeavesThePreviousContentAndNoTemporaryFile() throws Exception {
        Path file = writtenFile();
        byte[] before = Files.readAllBytes(file);
        FileSessionStore store = FileSessionStore.builder(file)
                .fileMove((source, target) -> {
                    throw new java.nio.file.AccessDeniedException(target.toString(), null, "simulated");
                })
                .build();

        SessionFileException error = catchThrowableOfType(SessionFileException.class,
                () -> store.saveAuthorization(2, authorization(20)));
        assertNamesFileAndHidesKeys(error, file);
        assertThat(error.getMessage()).contains("cannot move temporary file").contains("unchanged");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(tempFiles(file.getParent())).isEmpty();
        assertThat(store.loadAuthorization(2)).as("the cache keeps what is on disk").contains(authorization(2));
        assertThat(FileSessionStore.open(file).loadAuthorization(2)).contains(authorization(2));
    }

    /** Stands for the process dying: nothing after it runs, and nobody catches it in the store. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aCrashBeforeTheMoveLeavesTheOldFileReadableAndTheLeftoverIsIgnored() throws Exception {
        Path file = writtenFile();
        FileSessionStore crashing = FileSessionStore.builder(file)
                .fileMove((source, target) -> {
                    throw new SimulatedCrash();
                })
                .build();
        assertThatThrownBy(() -> crashing.saveAuthorization(2, authorization(20))).isInstanceOf(SimulatedCrash.class);

        List<Path> leftovers = tempFiles(file.getParent());
        assertThat(leftovers).hasSize(1);
        assertThat(Files.readString(leftovers.get(0))).as("the new content was fully written")
                .contains(Base64.getEncoder().encodeToString(authorization(20).authKey().toByteArray()));

        FileSessionStore restarted = FileSessionStore.open(file);
        assertThat(restarted.loadAuthorization(2)).contains(authorization(2));
        assertThat(leftovers.get(0)).as("too recent to be sure it is stale").exists();
        restarted.saveHomeDc(4);
        assertThat(FileSessionStore.open(file).loadHomeDc()).hasValue(4);

        restarted.clear();
        assertThat(tempFiles(file.getParent())).as("clear() removes old keys everywhere").isEmpty();
    }

    @Test
    void aCrashDuringTheFirstSaveLeavesNoFile() throws Exception {
        Path file = dir.resolve("first.session");
        FileSessionStore crashing = FileSessionStore.builder(file)
                .fileMove((source, target) -> {
                    throw new SimulatedCrash();
                })
                .build();
        assertThatThrownBy(() -> crashing.saveHomeDc(2)).isInstanceOf(SimulatedCrash.class);
        assertThat(file).doesNotExist();
        assertThat(FileSessionStore.open(file).loadHomeDc()).isEmpty();
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

        assertThat(FileSessionStore.open(file).loadAuthorization(4)).contains(authorization(4));
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
        FileSessionStore store = FileSessionStore.open(file);
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
        FileSessionStore store = FileSessionStore.open(file);

        SessionFileException error = catchThrowableOfType(SessionFileException.class, store::loadHomeDc);
        assertNamesFileAndHidesKeys(error, file);
        assertThat(error.getMessage()).containsIgnoringCase("not a directory");
        assertThatThrownBy(() -> store.saveHomeDc(2)).isInstanceOf(SessionFileException.class)
                .hasMessageContaining(file.toString());
        assertThat(Files.readString(notADirectory)).isEqualTo("x");
    }

    @Test
    void aDirectoryAtThePathGivesATypedError() throws Exception {
        Path file = dir.resolve("directory.session");
        Files.createDirectory(file);
        FileSessionStore store = FileSessionStore.open(file);
        SessionFileException error = catchThrowableOfType(SessionFileException.class, store::loadHomeDc);
        assertNamesFileAndHidesKeys(error, file);
        assertThat(error.getMessage()).contains("is a directory");
        assertThatThrownBy(store::clear).isInstanceOf(SessionFileException.class);
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
        FileSessionStore store = FileSessionStore.open(link);
        store.saveAuthorization(2, authorization(2));
        store.saveHomeDc(2);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(FileSessionStore.open(target).loadAuthorization(2)).contains(authorization(2));
        assertThat(FileSessionStore.open(link).loadHomeDc()).hasValue(2);
        assertThat(tempFiles(dir)).isEmpty();
        assertThat(tempFiles(realDirectory)).isEmpty();
    }

    // ---- clear ----

    @Test
    void clearEmptiesADamagedOrNewerOrLooseFile() throws Exception {
        Path file = writtenFile();
        byte[] damaged = Files.readAllBytes(file);
        damaged[40] ^= 1;
        Files.write(file, damaged);
        if (posix(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        FileSessionStore store = FileSessionStore.open(file);
        assertThatThrownBy(store::loadHomeDc).isInstanceOf(SessionFileException.class);

        store.clear();
        assertThat(store.loadHomeDc()).isEmpty();
        assertThat(FileSessionStore.open(file).loadAuthorization(2)).isEmpty();
        if (posix(file)) {
            assertThat(permissions(file)).isEqualTo("rw-------");
        }
        Files.writeString(file, withChecksum("mtproto-session-store 7\n"));
        FileSessionStore.open(file).clear();
        assertThat(FileSessionStore.open(file).loadHomeDc()).isEmpty();
    }

    @Test
    void clearLeavesAFileThatIsNoSessionFileAlone() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "my important notes");
        FileSessionStore store = FileSessionStore.open(file);
        SessionFileCorruptException error = catchThrowableOfType(SessionFileCorruptException.class, store::clear);
        assertNamesFileAndHidesKeys(error, file);
        assertThat(error.getMessage()).contains("leaves it alone");
        assertThat(Files.readString(file)).isEqualTo("my important notes");
    }

    @Test
    void clearRemovesTheKeysFromTheFile() throws Exception {
        Path file = writtenFile();
        FileSessionStore.open(file).clear();
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        assertThat(text).doesNotContain(Base64.getEncoder().encodeToString(authorization(2).authKey().toByteArray()))
                .startsWith("mtproto-session-store 1\nsha256=");
    }

    // ---- builder ----

    @Test
    void builderChecksThePath() {
        assertThatThrownBy(() -> FileSessionStore.open(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> FileSessionStore.open(dir.getRoot())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must name a file");
        FileSessionStore relative = FileSessionStore.open(Path.of("some", "..", "relative.session"));
        assertThat(relative.file()).isEqualTo(Path.of("relative.session").toAbsolutePath());
        assertThat(relative.file()).doesNotExist();
    }
}
