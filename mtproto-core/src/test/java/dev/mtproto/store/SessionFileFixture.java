package dev.mtproto.store;

import static dev.mtproto.store.SessionStoreContract.authorization;
import static dev.mtproto.store.SessionStoreContract.keyRenderings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the {@code FileSessionStore*Test} classes share: stores opened as a restarted process would open them
 * (a store opened here earlier on the same file is closed first, and every store still open is closed after
 * each test, which is why a test class registers this with {@code @RegisterExtension}), a written session
 * file to start from, and the means to write, read and check session files by hand.
 */
final class SessionFileFixture implements AfterEachCallback {
    private final AtomicInteger files = new AtomicInteger();
    /** The store each file was last opened with here; opening the file again closes it first, as a restart would. */
    private final Map<Path, FileSessionStore> open = new HashMap<>();

    @Override
    public void afterEach(ExtensionContext context) {
        open.values().forEach(FileSessionStore::close);
    }

    /**
     * @param dir the test's temporary directory
     * @return a file no store of this test used yet, {@code state/store-<n>.session} below {@code dir}
     */
    Path newFile(Path dir) {
        return dir.resolve("state").resolve("store-" + files.incrementAndGet() + ".session");
    }

    /** Opens a store on a file as a restarted process would: a store opened here on it before is closed first. */
    FileSessionStore open(Path file) {
        return build(FileSessionStore.builder(file), file);
    }

    /** Builds a store for {@code file} as {@link #open(Path)} does, with the builder's settings. */
    FileSessionStore build(FileSessionStore.Builder builder, Path file) {
        FileSessionStore earlier = open.remove(file.toAbsolutePath().normalize());
        if (earlier != null) {
            earlier.close();
        }
        FileSessionStore store = builder.build();
        open.put(store.file(), store);
        return store;
    }

    /** A closed file below {@code dir} holding DC 2 (authorization(2)), DC 4 (authorization(4)) and home DC 2. */
    Path writtenFile(Path dir) {
        FileSessionStore store = open(newFile(dir));
        store.saveAuthorization(2, authorization(2));
        store.saveAuthorization(4, authorization(4));
        store.saveHomeDc(2);
        store.close();
        return store.file();
    }

    /** The body followed by the checksum line a session file ends with. */
    static String withChecksum(String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        return body + "sha256=" + hash + "\n";
    }

    /** A session file's text without its checksum line. */
    static String bodyOf(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        return text.substring(0, text.lastIndexOf("sha256="));
    }

    /** The error is a {@link SessionFileException} naming the file, and shows none of the keys of DCs 2 and 4. */
    static void assertNamesFileAndHidesKeys(Throwable error, Path file) {
        assertThat(error).isInstanceOf(SessionFileException.class);
        assertThat(((SessionFileException) error).file()).isEqualTo(file);
        assertThat(error.getMessage()).contains(file.toString());
        for (int seed : new int[] {2, 4}) {
            for (String rendering : keyRenderings(authorization(seed))) {
                assertThat(error.getMessage()).doesNotContain(rendering);
            }
        }
    }

    static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Writes a file as a careful user would (owner-only), so that only its content is under test. */
    static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        if (posix(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    static void writeOwnerOnly(Path file, String content) throws IOException {
        writeOwnerOnly(file, content.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The POSIX permissions of a path, as in {@code rw-------}. */
    static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** The files of a directory named like temporary files ({@code .tmp}). */
    static List<Path> tempFiles(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
