package dev.mtproto.store;

import static dev.mtproto.store.SessionFileFixture.assertNamesFileAndHidesKeys;
import static dev.mtproto.store.SessionFileFixture.permissions;
import static dev.mtproto.store.SessionFileFixture.posix;
import static dev.mtproto.store.SessionFileFixture.withChecksum;
import static dev.mtproto.store.SessionFileFixture.writeOwnerOnly;
import static dev.mtproto.store.SessionStoreContract.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FileSessionStore#clear()}: it empties a session file that was damaged, replaced or loosened since
 * opening, leaves a file that is no session file alone, and leaves no key in the file.
 */
class FileSessionStoreClearTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final SessionFileFixture stores = new SessionFileFixture();

    @Test
    void clearEmptiesAFileThatWasDamagedReplacedOrLoosenedSinceOpening() throws Exception {
        Path file = stores.writtenFile(dir);
        FileSessionStore store = stores.open(file);
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
        assertThat(stores.open(file).loadAuthorization(2)).isEmpty();
    }

    @Test
    void clearLeavesAFileThatIsNoSessionFileAlone() throws Exception {
        Path file = dir.resolve("notes.txt");
        FileSessionStore store = stores.open(file);
        writeOwnerOnly(file, "my important notes");
        SessionFileCorruptException error = catchThrowableOfType(SessionFileCorruptException.class, store::clear);
        assertNamesFileAndHidesKeys(error, file);
        assertThat(error.getMessage()).contains("leaves it alone");
        assertThat(Files.readString(file)).isEqualTo("my important notes");
        store.close();
        assertThatThrownBy(() -> stores.open(file)).as("and opening refuses it").isInstanceOf(SessionFileCorruptException.class);
        assertThat(Files.readString(file)).isEqualTo("my important notes");
    }

    @Test
    void clearRemovesTheKeysFromTheFile() throws Exception {
        Path file = stores.writtenFile(dir);
        stores.open(file).clear();
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        assertThat(text).doesNotContain(Base64.getEncoder().encodeToString(authorization(2).authKey().toByteArray()))
                .startsWith("mtproto-session-store 2\nsha256=");
    }
}
