package dev.mtproto.tl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.RichText;
import dev.mtproto.tl.api.TextBold;
import dev.mtproto.tl.api.TextPlain;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.help.GetConfig;
import dev.mtproto.tl.api.InvokeWithLayer;
import dev.mtproto.tl.api.messages.MessagesType;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Bytes from a hostile peer: whatever they are, decoding either succeeds or throws {@link TlDecodeException}
 * naming the offset; never another exception, an OOM or a hang.
 */
class HostileInputTest {

    private static void decodeOrTypedError(byte[] bytes, Consumer<TlReader> decode) {
        try {
            decode.accept(new TlReader(bytes));
        } catch (TlDecodeException expected) {
            assertThat(expected.offset()).isBetween(0, bytes.length);
            assertThat(expected.getMessage()).contains("offset " + expected.offset());
        }
    }

    @Test
    void everyTruncationOfARealAnswerIsATypedError() throws Exception {
        byte[] full = Messages100Test.load();
        for (int length = 0; length < full.length; length++) {
            byte[] cut = Arrays.copyOf(full, length);
            assertThatThrownBy(() -> MessagesType.read(new TlReader(cut)))
                    .as("truncated to %d bytes", length)
                    .isInstanceOf(TlDecodeException.class);
        }
    }

    @Test
    void mutatedAnswersDecodeOrFailTyped() throws Exception {
        byte[] full = Messages100Test.load();
        SplittableRandom random = new SplittableRandom(42);
        for (int round = 0; round < 3000; round++) {
            byte[] mutated = full.clone();
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                int at = random.nextInt(mutated.length);
                mutated[at] = switch (random.nextInt(3)) {
                    case 0 -> (byte) random.nextInt(256);
                    case 1 -> (byte) 0xff;
                    default -> (byte) 0xfe;
                };
            }
            decodeOrTypedError(mutated, MessagesType::read);
        }
    }

    @Test
    void randomBytesDecodeOrFailTyped() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 20000; round++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            if (bytes.length >= 4 && random.nextBoolean()) { // start with a real id so decoding goes deeper
                int[] ids = {User.CONSTRUCTOR_ID, 0x94345242, 0x1cb5c415, InvokeWithLayer.CONSTRUCTOR_ID, 0xf35c6d01, 0x73f1f8dc};
                int id = ids[random.nextInt(ids.length)];
                bytes[0] = (byte) id;
                bytes[1] = (byte) (id >> 8);
                bytes[2] = (byte) (id >> 16);
                bytes[3] = (byte) (id >> 24);
            }
            decodeOrTypedError(bytes, TlReader::readObject);
            decodeOrTypedError(bytes, MessageType::read);
        }
    }

    @Test
    void hugeLengthsAndCountsAreRejectedBeforeAllocating() {
        TlWriter w = new TlWriter();
        w.writeInt(0x1cb5c415);
        w.writeInt(Integer.MAX_VALUE);
        assertThatThrownBy(() -> new TlReader(w.toByteArray()).readLongVector())
                .isInstanceOf(TlDecodeException.class)
                .hasMessageContaining("vector count 2147483647 cannot fit in the 0 bytes that remain");

        w.reset();
        w.writeInt(0x1cb5c415);
        w.writeInt(-1);
        assertThatThrownBy(() -> new TlReader(w.toByteArray()).readIntVector())
                .isInstanceOf(TlDecodeException.class).hasMessageContaining("vector count -1");

        byte[] bigString = {(byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 'a', 'b', 'c', 'd'};
        assertThatThrownBy(() -> new TlReader(bigString).readString())
                .isInstanceOf(TlDecodeException.class)
                .hasMessageContaining("a string of 16777215 bytes does not fit in the 8 bytes that remain");

        byte[] badPrefix = {(byte) 0xff, 0, 0, 0};
        assertThatThrownBy(() -> new TlReader(badPrefix).readBytes())
                .isInstanceOf(TlDecodeException.class).hasMessageContaining("length prefix 0xff");
    }

    @Test
    void unknownAndWrongConstructorsAreNamed() {
        byte[] unknown = {0x78, 0x56, 0x34, 0x12};
        assertThatThrownBy(() -> new TlReader(unknown).readObject())
                .isInstanceOf(TlDecodeException.class)
                .hasMessage("TL decoding failed at offset 0: unknown constructor 0x12345678");

        byte[] user = User.builder().id(42L).build().toByteArray();
        assertThatThrownBy(() -> MessageType.read(new TlReader(user)))
                .isInstanceOf(TlDecodeException.class)
                .hasMessageContaining("expected a Message, found constructor 0xb1b8cc83 ('user')");

        byte[] vector = {(byte) 0x15, (byte) 0xc4, (byte) 0xb5, (byte) 0x1c, 0, 0, 0, 0};
        assertThatThrownBy(() -> new TlReader(vector).readObject())
                .isInstanceOf(TlDecodeException.class)
                .hasMessageContaining("'vector' (0x1cb5c415) cannot be decoded without knowing its element type");
    }

    @Test
    void deeplyNestedValuesAreRejected() {
        RichText text = new TextPlain("x");
        for (int i = 0; i < TlReader.MAX_NESTING - 1; i++) {
            text = new TextBold(text);
        }
        byte[] fine = text.toByteArray();
        assertThat(RichText.read(new TlReader(fine))).isEqualTo(text);

        byte[] tooDeep = new TextBold(new TextBold(text)).toByteArray();
        assertThatThrownBy(() -> RichText.read(new TlReader(tooDeep)))
                .isInstanceOf(TlDecodeException.class)
                .hasMessageContaining("nested deeper than " + TlReader.MAX_NESTING);

        // the same guard covers wrapped queries, which are decoded without a static type
        TlWriter w = new TlWriter();
        for (int i = 0; i < 100_000; i++) {
            w.writeInt(InvokeWithLayer.CONSTRUCTOR_ID);
            w.writeInt(223);
        }
        GetConfig.INSTANCE.write(w);
        assertThatThrownBy(() -> new TlReader(w.toByteArray()).readObject())
                .isInstanceOf(TlDecodeException.class)
                .hasMessageContaining("nested deeper");
    }

    @Test
    void trailingBytesAreReportedWhenAsked() {
        byte[] bytes = Arrays.copyOf(GetConfig.INSTANCE.toByteArray(), 8);
        TlReader r = new TlReader(bytes);
        assertThat(r.readObject()).isEqualTo(GetConfig.INSTANCE);
        assertThatThrownBy(r::expectEnd).isInstanceOf(TlDecodeException.class).hasMessageContaining("4 unexpected bytes");
    }
}
