package dev.mtproto.store.string;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.store.AccountStateContract;
import dev.mtproto.store.DcAuthorization;
import dev.mtproto.store.FileSessionStore;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.store.PeerTable;
import dev.mtproto.store.SessionSnapshot;
import dev.mtproto.store.SignedInAccount;
import dev.mtproto.store.StoredPeer;
import dev.mtproto.store.UpdateState;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The session string format of docs/sessions.md, byte for byte, and every way a string can be unusable. */
class SessionStringTest {

    private static SessionSnapshot everything() {
        MemorySessionStore store = new MemorySessionStore();
        AccountStateContract.fill(store);
        return store.snapshot();
    }

    /** Appends the CRC-32C, encodes, prefixes: what the documentation says a string is. */
    private static String documented(ByteBuffer body) {
        byte[] bytes = new byte[body.position()];
        body.flip().get(bytes);
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        ByteBuffer payload = ByteBuffer.allocate(bytes.length + 4).put(bytes).putInt((int) crc.getValue());
        return "mtproto1." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
    }

    @Test
    void matchesTheDocumentedByteLayout() {
        byte[] key = new byte[AuthKey.SIZE];
        key[0] = 1;
        key[255] = (byte) 0xff;
        ByteBuffer body = ByteBuffer.allocate(1024);
        body.put((byte) 0b1111).putShort((short) 2).putLong(42).putInt(10).putInt(20).putInt(30).putInt(40);
        body.putShort((short) 1).putShort((short) 2).put(key).putLong(-5).putLong(1500).putLong(1_700_000_000)
                .putInt(123_000_000).putLong(42);
        body.putInt(1).putLong(1_000_000_001L).putInt(77);
        body.putInt(2);
        body.put((byte) 0).put((byte) 0b1110).putLong(42).putLong(-1).put((byte) 2).put("me".getBytes(StandardCharsets.US_ASCII))
                .put((byte) 3).put("123".getBytes(StandardCharsets.US_ASCII));
        body.put((byte) 1).put((byte) 0).putLong(8).putLong(0);
        String expected = documented(body);

        SessionSnapshot snapshot = new SessionSnapshot(
                new TreeMap<>(Map.of(2, new DcAuthorization(AuthKey.of(key), -5, 1500,
                        Instant.ofEpochSecond(1_700_000_000, 123_000_000), 42))),
                OptionalInt.of(2), Optional.of(new SignedInAccount(42, true)), Optional.of(new UpdateState(10, 20, 30, 40)),
                new TreeMap<>(Map.of(1_000_000_001L, 77)),
                PeerTable.of(List.of(StoredPeer.user(42, -1, "me", "123", true), StoredPeer.chat(8))));
        assertThat(SessionString.encode(snapshot)).isEqualTo(expected);
        assertThat(SessionString.decode(expected)).isEqualTo(snapshot);
    }

    @Test
    void anEmptySessionIsAShortString() {
        ByteBuffer body = ByteBuffer.allocate(16).put((byte) 0).putShort((short) 0).putInt(0).putInt(0);
        assertThat(SessionString.encode(SessionSnapshot.EMPTY)).isEqualTo(documented(body)).isEqualTo("mtproto1.AAAAAAAAAAAAAACq0bb4");
        assertThat(SessionString.decode("  mtproto1.AAAAAAAAAAAAAACq0bb4\n")).isEqualTo(SessionSnapshot.EMPTY);
    }

    @Test
    void roundTripsEverythingThroughAnyStore(@TempDir Path dir) {
        String exported = SessionString.encode(everything());
        try (FileSessionStore file = FileSessionStore.open(dir.resolve("imported.session"))) {
            file.saveHomeDc(5);
            SessionString.importInto(exported, file);
            assertThat(file.snapshot()).isEqualTo(everything());
            assertThat(SessionString.export(file)).isEqualTo(exported);
        }
        assertThat(SessionString.looksLikeOne(exported)).isTrue();
        assertThat(SessionString.looksLikeOne("1AAAA")).isFalse();
    }

    @Test
    void everyChangedCharacterIsRefusedWithoutEchoingTheString() {
        String exported = SessionString.encode(everything());
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = "mtproto1.".length(); i < exported.length(); i++) {
            char replacement = alphabet.charAt((alphabet.indexOf(exported.charAt(i)) + 1) % alphabet.length());
            String damaged = exported.substring(0, i) + replacement + exported.substring(i + 1);
            SessionStringException error = catchThrowableOfType(SessionStringException.class,
                    () -> SessionString.decode(damaged));
            assertThat(error).as("character %d", i).isNotNull();
            assertNoEcho(error, damaged);
        }
    }

    @Test
    void everyTruncationIsRefused() {
        String exported = SessionString.encode(everything());
        for (int length = 0; length < exported.length(); length++) {
            String truncated = exported.substring(0, length);
            SessionStringException error = catchThrowableOfType(SessionStringException.class,
                    () -> SessionString.decode(truncated));
            assertThat(error).as("%d characters", length).isNotNull();
            assertNoEcho(error, exported);
        }
    }

    private static void assertNoEcho(Throwable error, String string) {
        for (int start = 9; start + 12 <= string.length(); start += 12) {
            assertThat(error.getMessage()).doesNotContain(string.substring(start, start + 12));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 999_999_999})
    void aNewerVersionIsRefusedAsSuch(int version) {
        String newer = "mtproto" + version + "." + SessionString.encode(everything()).substring(9);
        SessionStringVersionException error = catchThrowableOfType(SessionStringVersionException.class,
                () -> SessionString.decode(newer));
        assertThat(error.foundVersion()).isEqualTo(version);
        assertThat(error.supportedVersion()).isEqualTo(1);
        assertThat(error.getMessage()).contains("version " + version).contains("Upgrade mtproto-spring");
        assertNoEcho(error, newer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "mtproto", "mtproto0.AAAA", "mtproto1", "MTPROTO1.AAAA", "1AAAAAAAA",
            "mtproto1.AAAA AAAA", "mtproto1.AAAA+/AA", "mtproto1.A"})
    void whatIsNotASessionStringIsRefused(String text) {
        SessionStringException error = catchThrowableOfType(SessionStringException.class, () -> SessionString.decode(text));
        assertThat(error).isNotNull();
        assertThat(error).isNotInstanceOf(SessionStringVersionException.class);
    }

    @Test
    void hostileCountsAndTrailingBytesAreRefusedQuickly() {
        ByteBuffer hugeDcCount = ByteBuffer.allocate(16).put((byte) 0).putShort((short) 0xffff);
        assertThat(catchThrowableOfType(SessionStringException.class, () -> SessionString.decode(documented(hugeDcCount))))
                .hasMessageContaining("ends inside an entry");
        ByteBuffer hugePeerCount = ByteBuffer.allocate(16).put((byte) 0).putShort((short) 0).putInt(0).putInt(-1);
        assertThat(catchThrowableOfType(SessionStringException.class, () -> SessionString.decode(documented(hugePeerCount))))
                .hasMessageContaining("ends inside an entry");
        ByteBuffer trailing = ByteBuffer.allocate(16).put((byte) 0).putShort((short) 0).putInt(0).putInt(0).put((byte) 9);
        assertThat(catchThrowableOfType(SessionStringException.class, () -> SessionString.decode(documented(trailing))))
                .hasMessageContaining("1 bytes after its last entry");
        ByteBuffer unknownFlag = ByteBuffer.allocate(16).put((byte) 0x10).putShort((short) 0).putInt(0).putInt(0);
        assertThat(catchThrowableOfType(SessionStringException.class, () -> SessionString.decode(documented(unknownFlag))))
                .hasMessageContaining("flags");
        ByteBuffer badDc = ByteBuffer.allocate(512).put((byte) 0).putShort((short) 1).putShort((short) 10_002)
                .put(new byte[256]).putLong(0).putLong(0).putLong(0).putInt(0).putLong(0).putInt(0).putInt(0);
        assertThat(catchThrowableOfType(SessionStringException.class, () -> SessionString.decode(documented(badDc))))
                .hasMessageContaining("no store accepts");
    }
}
