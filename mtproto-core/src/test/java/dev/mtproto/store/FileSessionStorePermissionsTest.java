package dev.mtproto.store;

import static dev.mtproto.store.SessionFileFixture.assertNamesFileAndHidesKeys;
import static dev.mtproto.store.SessionFileFixture.permissions;
import static dev.mtproto.store.SessionFileFixture.posix;
import static dev.mtproto.store.SessionStoreContract.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Owner-only files on POSIX: the file is created 600 and missing directories 700, the temporary file is
 * owner-only before it is moved into place, a file others can access is refused unless the builder allows
 * it (and the next save makes it 600), and every owner-only mode is accepted.
 */
class FileSessionStorePermissionsTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final SessionFileFixture stores = new SessionFileFixture();

    @Test
    void createsTheFile600AndMissingDirectories700() throws Exception {
        assumeTrue(posix(dir), "POSIX file system");
        String tempDirBefore = permissions(dir);
        Path file = dir.resolve("a").resolve("b").resolve("c.session");
        FileSessionStore store = stores.open(file);
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
        FileSessionStore store = stores.build(FileSessionStore.builder(file).fileMove((source, target) -> {
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
        Path file = stores.writtenFile(dir);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(loosePermissions));
        byte[] before = Files.readAllBytes(file);

        SessionFilePermissionException error = catchThrowableOfType(SessionFilePermissionException.class, () -> stores.open(file));
        assertNamesFileAndHidesKeys(error, file);
        assertThat(error.getMessage()).contains(loosePermissions).contains("chmod 600")
                .contains("allowInsecurePermissions()");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(permissions(file)).isEqualTo(loosePermissions);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(stores.open(file).loadHomeDc()).as("fixed, the file opens").hasValue(2);
    }

    @Test
    void allowInsecurePermissionsReadsSuchAFileAndTheNextSaveMakesIt600() throws Exception {
        assumeTrue(posix(dir), "POSIX file system");
        Path file = stores.writtenFile(dir);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        FileSessionStore store = stores.build(FileSessionStore.builder(file).allowInsecurePermissions(), file);
        assertThat(store.loadAuthorization(2)).contains(authorization(2));
        store.saveHomeDc(4);
        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(stores.open(file).loadHomeDc()).hasValue(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-------", "r--------", "rwx------"})
    void acceptsOwnerOnlyPermissions(String ownerOnly) throws Exception {
        assumeTrue(posix(dir), "POSIX file system");
        Path file = stores.writtenFile(dir);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(ownerOnly));
        assertThat(stores.open(file).loadHomeDc()).hasValue(2);
    }
}
