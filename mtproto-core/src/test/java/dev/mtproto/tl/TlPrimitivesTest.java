package dev.mtproto.tl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The encoding rules of https://core.telegram.org/mtproto/serialize, value by value. */
class TlPrimitivesTest {
    private static final HexFormat HEX = HexFormat.of();

    private static String hex(TlWriter w) {
        return HEX.formatHex(w.toByteArray());
    }

    @Test
    void integersAreLittleEndian() {
        TlWriter w = new TlWriter();
        w.writeInt(0x12345678);
        w.writeLong(0x0102030405060708L);
        w.writeDouble(1.0);
        assertThat(hex(w)).isEqualTo("78563412" + "0807060504030201" + "000000000000f03f");
        TlReader r = new TlReader(w.toByteArray());
        assertThat(r.readInt()).isEqualTo(0x12345678);
        assertThat(r.readLong()).isEqualTo(0x0102030405060708L);
        assertThat(r.readDouble()).isEqualTo(1.0);
        r.expectEnd();
    }

    @Test
    void bytesUseOneOrFourLengthBytesAndPadToFour() {
        for (int length : new int[] {0, 1, 2, 3, 4, 252, 253, 254, 255, 256, 1000, 70_000}) {
            byte[] data = new byte[length];
            new SplittableRandom(length).nextBytes(data);
            TlWriter w = new TlWriter(4);
            w.writeBytes(data);
            int header = length < 254 ? 1 : 4;
            assertThat(w.size()).as("length %d", length).isEqualTo((header + length + 3) / 4 * 4);
            byte[] out = w.toByteArray();
            if (header == 1) {
                assertThat(out[0] & 0xff).isEqualTo(length);
            } else {
                assertThat(out[0] & 0xff).isEqualTo(254);
                assertThat((out[1] & 0xff) | (out[2] & 0xff) << 8 | (out[3] & 0xff) << 16).isEqualTo(length);
            }
            for (int i = header + length; i < out.length; i++) {
                assertThat(out[i]).as("padding is zero").isZero();
            }
            TlReader r = new TlReader(out);
            assertThat(r.readBytes()).isEqualTo(data);
            r.expectEnd();
        }
    }

    @Test
    void stringsAreUtf8LikeTheJdkEncodesThem() {
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(round % 10 == 0 ? 400 : 100);
            for (int i = 0; i < n; i++) {
                int kind = random.nextInt(5);
                int cp = switch (kind) {
                    case 0 -> random.nextInt(0x80);
                    case 1 -> 0x80 + random.nextInt(0x780);
                    case 2 -> 0x800 + random.nextInt(0xD000 - 0x800);
                    case 3 -> 0xE000 + random.nextInt(0x2000);
                    default -> 0x10000 + random.nextInt(0x10FFFF - 0x10000);
                };
                sb.appendCodePoint(cp);
            }
            String s = sb.toString();
            TlWriter w = new TlWriter(8);
            w.writeString(s);
            TlWriter expected = new TlWriter();
            expected.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            assertThat(w.toByteArray()).isEqualTo(expected.toByteArray());
            assertThat(new TlReader(w.toByteArray()).readString()).isEqualTo(s);
        }
    }

    @Test
    void unpairedSurrogatesBecomeQuestionMarksLikeTheJdk() {
        String broken = "a\uD83Db\uDE00c\uD83D";
        TlWriter w = new TlWriter();
        w.writeString(broken);
        TlWriter expected = new TlWriter();
        expected.writeBytes(broken.getBytes(StandardCharsets.UTF_8));
        assertThat(w.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(new TlReader(w.toByteArray()).readString()).isEqualTo("a?b?c?");
    }

    @Test
    void stringsAroundTheHeaderBoundaryChooseTheRightHeader() {
        // 85 three-byte chars = 255 bytes: needs the 4-byte header although the char count is below 254
        String s = "€".repeat(85);
        TlWriter w = new TlWriter();
        w.writeString(s);
        assertThat(w.toByteArray()[0] & 0xff).isEqualTo(254);
        assertThat(new TlReader(w.toByteArray()).readString()).isEqualTo(s);
        String t = "€".repeat(84); // 252 bytes
        w.reset();
        w.writeString(t);
        assertThat(w.toByteArray()[0] & 0xff).isEqualTo(252);
    }

    @Test
    void boolAndVectors() {
        TlWriter w = new TlWriter();
        w.writeBool(true);
        w.writeBool(false);
        w.writeIntVector(List.of(1, 2));
        w.writeLongVector(TlLongList.of(-1L));
        w.writeBareIntVector(TlIntList.of());
        assertThat(hex(w)).isEqualTo("b5757299" + "379779bc" + "15c4b51c" + "02000000" + "01000000" + "02000000"
                + "15c4b51c" + "01000000" + "ffffffffffffffff" + "00000000");
        TlReader r = new TlReader(w.toByteArray());
        assertThat(r.readBool()).isTrue();
        assertThat(r.readBool()).isFalse();
        assertThat(r.readIntVector()).containsExactly(1, 2);
        assertThat(r.readLongVector()).containsExactly(-1L);
        assertThat(r.readBareIntVector()).isEmpty();
        r.expectEnd();
        assertThatThrownBy(() -> new TlReader(HEX.parseHex("78563412")).readBool())
                .isInstanceOf(TlDecodeException.class).hasMessageContaining("expected a Bool");
    }

    @Test
    void writerGrowsReusesAndBackpatches() {
        TlWriter w = new TlWriter(16);
        for (int i = 0; i < 10_000; i++) {
            w.writeInt(i);
        }
        assertThat(w.size()).isEqualTo(40_000);
        w.setInt(0, 0xcafebabe);
        assertThat(new TlReader(w.toByteArray()).readInt()).isEqualTo(0xcafebabe);
        assertThatThrownBy(() -> w.setInt(39_998, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        w.reset();
        assertThat(w.size()).isZero();
        assertThatThrownBy(() -> w.writeBytes(new byte[TlWriter.MAX_BYTES_LENGTH + 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceed the maximum");
    }

    @Test
    void readerWorksOnARegionAndReportsOffsetsWithinIt() {
        byte[] buf = HEX.parseHex("ffffffff" + "01000000" + "ff");
        TlReader r = new TlReader(buf, 4, 5);
        assertThat(r.readInt()).isEqualTo(1);
        assertThat(r.position()).isEqualTo(4);
        assertThatThrownBy(r::readInt).isInstanceOf(TlDecodeException.class)
                .hasMessage("TL decoding failed at offset 4: truncated: an int needs more than the 1 bytes that remain");
        assertThatThrownBy(() -> new TlReader(buf, 10, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
