package dev.mtproto.store.imported;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.store.DcAuthorization;
import dev.mtproto.store.FileSessionStore;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.store.SignedInAccount;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Strings built here from the layouts Telethon and Pyrogram document (Telethon's
 * {@code telethon/sessions/string.py}: {@code '1' + urlsafe_b64encode(pack('>B{4|16}sH256s', ...))};
 * Pyrogram's {@code storage.py}: {@code '>BI?256sQ?'} now, {@code '>B?256sQ?'} and {@code '>B?256sI?'} before,
 * urlsafe base64 with the padding stripped) are imported as the session they describe.
 */
class SessionStringImporterTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static byte[] key(int seed) {
        byte[] key = new byte[AuthKey.SIZE];
        new Random(seed).nextBytes(key);
        return key;
    }

    private static String telethon(int dcId, byte[] address, int port, byte[] key) {
        ByteBuffer packed = ByteBuffer.allocate(1 + address.length + 2 + key.length)
                .put((byte) dcId).put(address).putShort((short) port).put(key);
        return "1" + Base64.getUrlEncoder().encodeToString(packed.array());
    }

    private static String pyrogram(ByteBuffer packed) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(packed.array());
    }

    private static String pyrogramCurrent(int dcId, int apiId, boolean test, byte[] key, long userId, boolean bot) {
        return pyrogram(ByteBuffer.allocate(271).put((byte) dcId).putInt(apiId).put((byte) (test ? 1 : 0)).put(key)
                .putLong(userId).put((byte) (bot ? 1 : 0)));
    }

    @Test
    void importsATelethonStringWithAnIpv4Address() throws Exception {
        String text = telethon(2, new byte[] {(byte) 149, (byte) 154, (byte) 167, 51}, 443, key(1));
        assertThat(text).hasSize(353);

        ImportedSession session = SessionStringImporter.parse(text, CLOCK);
        assertThat(session.format()).isEqualTo(ForeignFormat.TELETHON);
        assertThat(session.dcId()).isEqualTo(2);
        assertThat(session.authorization()).isEqualTo(new DcAuthorization(AuthKey.of(key(1)), 0, 0, NOW));
        assertThat(session.serverAddress()).contains(new InetSocketAddress(InetAddress.getByName("149.154.167.51"), 443));
        assertThat(session.account()).isEmpty();
        assertThat(session.testMode()).isFalse();

        MemorySessionStore store = session.toStore();
        assertThat(store.loadHomeDc()).hasValue(2);
        assertThat(store.loadAuthorization(2)).contains(session.authorization());
        assertThat(store.loadAccount()).isEmpty();
    }

    @Test
    void importsATelethonStringWithAnIpv6AddressWithOrWithoutPadding() throws Exception {
        byte[] address = InetAddress.getByName("2001:67c:4e8:f002::a").getAddress();
        String text = telethon(4, address, 8443, key(2));
        assertThat(text).hasSize(369);
        for (String spelling : new String[] {text, text.replace("=", ""), "  " + text + "\n"}) {
            ImportedSession session = SessionStringImporter.parse(spelling, CLOCK);
            assertThat(session.dcId()).isEqualTo(4);
            assertThat(session.serverAddress().orElseThrow().getAddress().getAddress()).isEqualTo(address);
            assertThat(session.serverAddress().orElseThrow().getPort()).isEqualTo(8443);
            assertThat(session.authorization().authKey()).isEqualTo(AuthKey.of(key(2)));
        }
    }

    @Test
    void importsAPyrogramStringOfTheCurrentLayout(@TempDir Path dir) {
        String text = pyrogramCurrent(4, 123456, true, key(3), 5_000_000_001L, true);
        assertThat(text).hasSize(362);

        ImportedSession session = SessionStringImporter.parse(text, CLOCK);
        assertThat(session.format()).isEqualTo(ForeignFormat.PYROGRAM);
        assertThat(session.dcId()).isEqualTo(4);
        assertThat(session.apiId()).hasValue(123456);
        assertThat(session.testMode()).isTrue();
        assertThat(session.account()).contains(new SignedInAccount(5_000_000_001L, true));
        assertThat(session.authorization()).isEqualTo(new DcAuthorization(AuthKey.of(key(3)), 0, 0, NOW, 5_000_000_001L));

        try (FileSessionStore store = FileSessionStore.open(dir.resolve("moved.session"))) {
            store.saveHomeDc(1);
            session.importInto(store);
            assertThat(store.snapshot()).isEqualTo(session.snapshot());
            assertThat(store.loadAccount()).contains(new SignedInAccount(5_000_000_001L, true));
        }
    }

    @Test
    void importsBothOlderPyrogramLayouts() {
        String old64 = pyrogram(ByteBuffer.allocate(267).put((byte) 2).put((byte) 0).put(key(4))
                .putLong(7_000_000_000L).put((byte) 0));
        assertThat(old64).hasSize(356);
        ImportedSession session64 = SessionStringImporter.parse(old64, CLOCK);
        assertThat(session64.format()).isEqualTo(ForeignFormat.PYROGRAM_OLD_64);
        assertThat(session64.account()).contains(new SignedInAccount(7_000_000_000L, false));
        assertThat(session64.apiId()).isEmpty();

        String old32 = pyrogram(ByteBuffer.allocate(263).put((byte) 5).put((byte) 1).put(key(5))
                .putInt((int) 3_000_000_000L).put((byte) 1));
        assertThat(old32).hasSize(351);
        ImportedSession session32 = SessionStringImporter.parse(old32, CLOCK);
        assertThat(session32.format()).isEqualTo(ForeignFormat.PYROGRAM_OLD_32);
        assertThat(session32.dcId()).isEqualTo(5);
        assertThat(session32.testMode()).isTrue();
        assertThat(session32.account()).as("the 32-bit id read unsigned").contains(new SignedInAccount(3_000_000_000L, true));
        assertThat(session32.authorization().authorizedUserId()).isEqualTo(3_000_000_000L);
    }

    @Test
    void aPyrogramStringWithoutAUserHasNoAccount() {
        ImportedSession session = SessionStringImporter.parse(pyrogramCurrent(1, 1, false, key(6), 0, false), CLOCK);
        assertThat(session.account()).isEqualTo(Optional.empty());
        assertThat(session.authorization().isAuthorized()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "1", "1AAAA", "mtproto1.AAAA", "AAAA", "1!!!!"})
    void whatIsInNoKnownFormatIsRefusedNamingTheFormatsTried(String text) {
        UnrecognizedSessionStringException error = catchThrowableOfType(UnrecognizedSessionStringException.class,
                () -> SessionStringImporter.parse(text, CLOCK));
        assertThat(error.triedFormats()).hasSize(4);
        assertThat(error.getMessage()).contains("Telethon StringSession").contains("Pyrogram session string (current")
                .contains("64-bit user id").contains("32-bit user id").contains(text.strip().length() + " characters");
    }

    @Test
    void aStringOfTheRightLengthButNotBase64IsUnrecognized() {
        String valid = pyrogramCurrent(2, 1, false, key(7), 1, false);
        String broken = "+" + valid.substring(1);
        assertThat(catchThrowableOfType(UnrecognizedSessionStringException.class,
                () -> SessionStringImporter.parse(broken, CLOCK)).getMessage()).doesNotContain(valid.substring(20, 40));
    }

    @Test
    void recognisedButUnusableStringsGetTypedErrorsThatDoNotEchoThem() {
        String noKey = telethon(2, new byte[4], 443, new byte[AuthKey.SIZE]);
        assertThat(catchThrowableOfType(SessionImportException.class, () -> SessionStringImporter.parse(noKey, CLOCK)))
                .hasMessageContaining("holds no authorization key").hasMessageContaining("Telethon");
        String badDc = pyrogramCurrent(0, 1, false, key(8), 1, false);
        assertThat(catchThrowableOfType(SessionImportException.class, () -> SessionStringImporter.parse(badDc, CLOCK)))
                .hasMessageContaining("names DC 0").hasMessageContaining("Pyrogram");
        String badUser = pyrogramCurrent(2, 1, false, key(9), -5, false);
        SessionImportException error = catchThrowableOfType(SessionImportException.class,
                () -> SessionStringImporter.parse(badUser, CLOCK));
        assertThat(error).hasMessageContaining("user id").isNotInstanceOf(UnrecognizedSessionStringException.class);
        assertThat(error.getMessage()).doesNotContain(badUser.substring(10, 30));
    }

    @Test
    void toStringShowsTheKeyIdButNoKeyBytes() {
        String text = pyrogramCurrent(2, 1, false, key(10), 1, false);
        ImportedSession session = SessionStringImporter.parse(text);
        assertThat(session.toString()).contains("authKeyId=").doesNotContain(text.substring(10, 30));
        String keyBase64 = Base64.getUrlEncoder().encodeToString(key(10));
        assertThat(session.toString()).doesNotContain(keyBase64.substring(0, 20));
    }
}
