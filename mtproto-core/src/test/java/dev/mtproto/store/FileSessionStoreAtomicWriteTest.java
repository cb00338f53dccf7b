package dev.mtproto.store;

import static dev.mtproto.store.SessionFileFixture.assertNamesFileAndHidesKeys;
import static dev.mtproto.store.SessionFileFixture.permissions;
import static dev.mtproto.store.SessionFileFixture.posix;
import static dev.mtproto.store.SessionFileFixture.tempFiles;
import static dev.mtproto.store.SessionStoreContract.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saves replace the file atomically: a failed move leaves the previous content and no temporary file, a
 * crash before the move (simulated) leaves the old file readable and its leftover ignored, stale temporary
 * files are deleted and fresh ones left alone, an unwritable directory, a file as parent or a directory at
 * the path give typed errors, and a symbolic link is written through (one file, one lock).
 */
class FileSessionStoreAtomicWriteTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final SessionFileFixture stores = new SessionFileFixture();

    @Test
    void aFailedMoveLeavesThePreviousContentAndNoTemporaryFile() throws Exception {
        Path file = stores.writtenFile(dir);
        byte[] before = Files.readAllBytes(file);
        FileSessionStore store = stores.build(FileSessionStore.builder(file)
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
        assertThat(stores.open(file).loadAuthorization(2)).contains(authorization(2));
    }

    /** Stands for the process dying: nothing after it runs, and nobody catches it in the store. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aCrashBeforeTheMoveLeavesTheOldFileReadableAndTheLeftoverIsIgnored() throws Exception {
        Path file = stores.writtenFile(dir);
        FileSessionStore crashing = stores.build(FileSessionStore.builder(file)
                .fileMove((source, target) -> {
                    throw new SimulatedCrash();
                }), file);
        assertThatThrownBy(() -> crashing.saveAuthorization(2, authorization(20))).isInstanceOf(SimulatedCrash.class);

        List<Path> leftovers = tempFiles(file.getParent());
        assertThat(leftovers).hasSize(1);
        assertThat(Files.readString(leftovers.get(0))).as("the new content was fully written")
                .contains(Base64.getEncoder().encodeToString(authorization(20).authKey().toByteArray()));

        FileSessionStore restarted = stores.open(file);
        assertThat(restarted.loadAuthorization(2)).contains(authorization(2));
        assertThat(leftovers.get(0)).as("too recent to be sure it is stale").exists();
        restarted.saveHomeDc(4);
        FileSessionStore again = stores.open(file);
        assertThat(again.loadHomeDc()).hasValue(4);

        again.clear();
        assertThat(tempFiles(file.getParent())).as("clear() removes old keys everywhere").isEmpty();
    }

    @Test
    void aCrashDuringTheFirstSaveLeavesNoFile() throws Exception {
        Path file = dir.resolve("first.session");
        FileSessionStore crashing = stores.build(FileSessionStore.builder(file)
                .fileMove((source, target) -> {
                    throw new SimulatedCrash();
                }), file);
        assertThatThrownBy(() -> crashing.saveHomeDc(2)).isInstanceOf(SimulatedCrash.class);
        assertThat(file).doesNotExist();
        assertThat(stores.open(file).loadHomeDc()).isEmpty();
    }

    @Test
    void staleTemporaryFilesAreDeletedAndFreshOnesIgnored() throws Exception {
        Path file = stores.writtenFile(dir);
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

        assertThat(stores.open(file).loadAuthorization(4)).contains(authorization(4));
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(unrelated).as("not named like our temporary files").exists();
    }

    @Test
    void anUnwritableDirectoryGivesATypedErrorAndKeepsTheFile() throws Exception {
        assumeTrue(posix(dir), "POSIX file system");
        Path file = stores.writtenFile(dir);
        Path directory = file.getParent();
        byte[] before = Files.readAllBytes(file);
        FileSessionStore store = stores.open(file);
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

        SessionFileException error = catchThrowableOfType(SessionFileException.class, () -> stores.open(file));
        assertNamesFileAndHidesKeys(error, file);
        assertThat(error.getMessage()).containsIgnoringCase("not a directory");
        assertThat(Files.readString(notADirectory)).isEqualTo("x");
    }

    @Test
    void aDirectoryAtThePathGivesATypedError() throws Exception {
        Path file = dir.resolve("directory.session");
        Files.createDirectory(file);
        SessionFileException error = catchThrowableOfType(SessionFileException.class, () -> stores.open(file));
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
        FileSessionStore store = stores.open(link);
        store.saveAuthorization(2, authorization(2));
        store.saveHomeDc(2);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThatThrownBy(() -> FileSessionStore.open(target)).as("the link and its target are one file, with one lock")
                .isInstanceOf(SessionFileLockedException.class);
        assertThat(realDirectory.resolve("target.session.lock")).exists();
        store.close();
        FileSessionStore viaTarget = stores.open(target);
        assertThat(viaTarget.loadAuthorization(2)).contains(authorization(2));
        viaTarget.close();
        assertThat(stores.open(link).loadHomeDc()).hasValue(2);
        assertThat(tempFiles(dir)).isEmpty();
        assertThat(tempFiles(realDirectory)).isEmpty();
    }
}
