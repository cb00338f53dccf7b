package dev.mtproto.store;

import static dev.mtproto.store.SessionFileFixture.withChecksum;
import static dev.mtproto.store.SessionFileFixture.writeOwnerOnly;
import static dev.mtproto.store.SessionStoreContract.authorization;
import static dev.mtproto.store.SessionStoreContract.keyRenderings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.crypto.AuthKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file a {@link FileSessionStore} writes: the documented format to the byte, a file written by hand in
 * the first release's format read back, and the key held only as base64 that no message or
 * {@code toString()} shows.
 */
class FileSessionStoreFormatTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final SessionFileFixture stores = new SessionFileFixture();

    @Test
    void writesTheDocumentedFormat() throws Exception {
        byte[] key = new byte[AuthKey.SIZE];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        FileSessionStore store = stores.open(dir.resolve("format.session"));
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
        FileSessionStore store = stores.open(file);
        assertThat(store.loadAuthorization(5)).contains(authorization);
        assertThat(store.loadHomeDc()).isEmpty();
    }

    @Test
    void theFileHoldsTheKeyOnlyInAFormNoMessageOrToStringShows() throws Exception {
        Path file = stores.writtenFile(dir);
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        DcAuthorization authorization = authorization(2);
        byte[] key = authorization.authKey().toByteArray();
        assertThat(text).contains(Base64.getEncoder().encodeToString(key));
        assertThat(text).doesNotContainIgnoringCase(HexFormat.of().formatHex(key, 0, 16));
        assertThat(text).doesNotContain(authorization.authKey().toString()).doesNotContain(authorization.toString());

        FileSessionStore store = stores.open(file);
        assertThat(store).hasToString("FileSessionStore[" + file + "]");
        for (String rendering : keyRenderings(authorization)) {
            assertThat(store.loadAuthorization(2).orElseThrow().toString()).doesNotContain(rendering);
        }
    }
}
