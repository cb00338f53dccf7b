package dev.mtproto.store;

import static dev.mtproto.store.SessionFileFixture.assertNamesFileAndHidesKeys;
import static dev.mtproto.store.SessionFileFixture.permissions;
import static dev.mtproto.store.SessionFileFixture.posix;
import static dev.mtproto.store.SessionStoreContract.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening and closing a {@link FileSessionStore}: the path it names, the lock that makes it its file's only
 * store in this process (a second one is refused, naming the holder), what a closed store refuses, and that
 * a failed opening lets the file go. Other processes are in {@link FileSessionStoreAcrossProcessesTest}.
 */
class FileSessionStoreOpeningTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final SessionFileFixture stores = new SessionFileFixture();

    @Test
    void openingLocksTheFileAndCreatesItOnlyOnTheFirstSave() throws Exception {
        Path file = dir.resolve("not").resolve("yet.session");
        FileSessionStore store = stores.open(file);
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
    void aSecondStoreOnTheFileIsRefusedAndTheRefusalNamesTheHolder() throws Exception {
        Path file = stores.writtenFile(dir);
        FileSessionStore first = stores.open(file);

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
        assertThat(stores.open(file).loadHomeDc()).as("free again once closed").hasValue(2);
    }

    @Test
    void ofStoresOpenedAtOnceOnOneFileExactlyOneWins() throws Exception {
        Path file = stores.writtenFile(dir);
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
        Path file = stores.writtenFile(dir);
        FileSessionStore store = stores.open(file);
        store.close();
        store.close();
        assertThatThrownBy(store::loadHomeDc).isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
        assertThatThrownBy(() -> store.loadAuthorization(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.saveHomeDc(3)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.deleteAuthorization(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(store::clear).isInstanceOf(IllegalStateException.class);
        assertThat(store).hasToString("FileSessionStore[" + file + "]");
        assertThat(stores.open(file).loadHomeDc()).as("nothing was lost").hasValue(2);
    }

    @Test
    void aFileThatCannotBeOpenedIsLetGo() throws Exception {
        Path file = stores.writtenFile(dir);
        byte[] original = Files.readAllBytes(file);
        Files.writeString(file, "garbage");
        assertThatThrownBy(() -> stores.open(file)).isInstanceOf(SessionFileCorruptException.class);
        Files.write(file, original);
        assertThat(stores.open(file).loadHomeDc()).as("the failed opening released the lock").hasValue(2);
    }

    @Test
    void aReadOnlyDirectoryWithoutALockFileIsReportedAtOpening() throws Exception {
        assumeTrue(posix(dir), "POSIX file system");
        Path file = stores.writtenFile(dir);
        Files.delete(file.resolveSibling(file.getFileName() + ".lock"));
        Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("r-x------"));
        try {
            assumeTrue(!Files.isWritable(file.getParent()), "not running with privileges that ignore permissions (root)");
            SessionFileException error = catchThrowableOfType(SessionFileException.class, () -> stores.open(file));
            assertNamesFileAndHidesKeys(error, file);
            assertThat(error.getMessage()).contains("cannot create or open the lock file");
        } finally {
            Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void builderChecksThePath() {
        assertThatThrownBy(() -> FileSessionStore.open(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> stores.open(dir.getRoot())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must name a file");
        assertThat(stores.open(dir.resolve("some").resolve("..").resolve("normalized.session")).file())
                .isEqualTo(dir.resolve("normalized.session"));
    }
}
