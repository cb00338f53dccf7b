package dev.mtproto.store;

import static dev.mtproto.store.SessionFileFixture.assertNamesFileAndHidesKeys;
import static dev.mtproto.store.SessionFileFixture.bodyOf;
import static dev.mtproto.store.SessionFileFixture.withChecksum;
import static dev.mtproto.store.SessionFileFixture.writeOwnerOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged, foreign and future files are refused with a typed error that names the file and shows no key,
 * and are never overwritten: every flipped bit, every truncation, garbage, random bytes, a huge file, hand
 * edits with a valid checksum (each entry checked on its own), and a file of a newer format version.
 */
class FileSessionStoreCorruptionTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final SessionFileFixture stores = new SessionFileFixture();

    @Test
    void everyFlippedBitIsReportedAsCorruption() throws Exception {
        Path file = stores.writtenFile(dir);
        byte[] original = Files.readAllBytes(file);
        for (int position = 0; position < original.length; position++) {
            for (int bit : position % 5 == 0 ? new int[] {0x01, 0x40} : new int[] {0x01}) {
                byte[] damaged = original.clone();
                damaged[position] ^= (byte) bit;
                Files.write(file, damaged);
                Throwable error = catchThrowableOfType(SessionFileCorruptException.class, () -> stores.open(file));
                assertThat(error).as("byte %d xor %x", position, bit).isNotNull();
                assertNamesFileAndHidesKeys(error, file);
            }
        }
    }

    @Test
    void everyTruncationIsReportedAsCorruption() throws Exception {
        Path file = stores.writtenFile(dir);
        byte[] original = Files.readAllBytes(file);
        for (int length = 0; length < original.length; length++) {
            Files.write(file, java.util.Arrays.copyOf(original, length));
            Throwable error = catchThrowableOfType(SessionFileCorruptException.class, () -> stores.open(file));
            assertThat(error).as("truncated to %d bytes", length).isNotNull();
            assertNamesFileAndHidesKeys(error, file);
        }
        Files.write(file, original);
        assertThat(stores.open(file).loadHomeDc()).hasValue(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello\n", "{\"dc\": 2}", "MTPROTO-SESSION-STORE 1\n", "mtproto-session-store\n",
            "mtproto-session-store 1", "mtproto-session-store 01\n", "mtproto-session-store 0\n",
            "mtproto-session-store one\n", "mtproto-session-store 1 \n", "\n\n\n", "\u0000\u0000\u0000\u0000"})
    void garbageIsReportedAsCorruption(String content) throws Exception {
        Path file = dir.resolve("garbage.session");
        writeOwnerOnly(file, content);
        byte[] before = Files.readAllBytes(file);

        Throwable error = catchThrowableOfType(SessionFileCorruptException.class, () -> stores.open(file));
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
            assertThatThrownBy(() -> stores.open(file))
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
        assertThatThrownBy(() -> stores.open(file))
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
        Path file = stores.writtenFile(dir);
        String body = bodyOf(file);
        assertThat(body).contains(find);
        String edited = body.replaceFirst(java.util.regex.Pattern.quote(find),
                java.util.regex.Matcher.quoteReplacement(replace));
        if (replace.equals("dc.2.time_offset_ms=9")) {
            edited = edited.replaceFirst("dc\\.2\\.time_offset_ms=9-?[0-9]+", "dc.2.time_offset_ms=99999999999999999999");
        }
        Files.writeString(file, withChecksum(edited), StandardCharsets.ISO_8859_1);

        SessionFileCorruptException error = catchThrowableOfType(SessionFileCorruptException.class, () -> stores.open(file));
        assertNamesFileAndHidesKeys(error, file);
        assertThat(error.getMessage()).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 17, 999_999_999})
    void aFileFromAFutureFormatVersionIsRefusedAndLeftAlone(int version) throws Exception {
        Path file = dir.resolve("future.session");
        writeOwnerOnly(file, withChecksum("mtproto-session-store " + version + "\nhome_dc=2\npeer.user.1=abc\n"));
        byte[] before = Files.readAllBytes(file);

        SessionFileVersionException error = catchThrowableOfType(SessionFileVersionException.class, () -> stores.open(file));
        assertNamesFileAndHidesKeys(error, file);
        assertThat(error.foundVersion()).isEqualTo(version);
        assertThat(error.supportedVersion()).isEqualTo(2);
        assertThat(error.getMessage()).contains("format version " + version).contains("Upgrade mtproto-spring");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }
}
