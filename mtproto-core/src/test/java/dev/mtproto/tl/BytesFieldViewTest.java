package dev.mtproto.tl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.tl.api.ChatPhoto;
import dev.mtproto.tl.api.storage.FilePartial;
import dev.mtproto.tl.api.upload.File;
import dev.mtproto.tl.api.upload.FileType;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The copy-free view of {@code bytes} fields ({@code bytesBuffer()} and the like) keeps generated values
 * immutable: it is read-only, and a decoded value owns the array it was decoded into, so reusing the
 * buffer it was read from changes nothing.
 */
class BytesFieldViewTest {
    private static byte[] part(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] contentOf(ByteBuffer view) {
        byte[] b = new byte[view.remaining()];
        view.duplicate().get(b);
        return b;
    }

    @Test
    void aDecodedValueKeepsItsBytesWhenTheBufferItWasReadFromIsReused() {
        byte[] content = part(256 * 1024 + 3, 1); // not a multiple of 4: the encoding pads it
        byte[] wire = new File(FilePartial.INSTANCE, 7, content).toByteArray();
        byte[] frame = Arrays.copyOf(wire, wire.length + 16);

        File decoded = (File) FileType.read(new TlReader(frame, 0, wire.length));
        Arrays.fill(frame, (byte) 0x5a); // the next frame lands in the same buffer

        assertThat(decoded.bytes()).isEqualTo(content);
        assertThat(contentOf(decoded.bytesBuffer())).isEqualTo(content);
        assertThat(decoded.toByteArray()).as("encoding a decoded value gives the bytes it came from").isEqualTo(wire);
    }

    @Test
    void theViewIsReadOnlyAndShowsTheWholeFieldFromPositionZero() {
        byte[] content = part(1000, 2);
        File file = (File) FileType.read(new TlReader(new File(FilePartial.INSTANCE, 0, content).toByteArray()));
        ByteBuffer view = file.bytesBuffer();

        assertThat(view.isReadOnly()).isTrue();
        assertThat(view.hasArray()).as("no way to the array behind it").isFalse();
        assertThat(view.position()).isZero();
        assertThat(view.remaining()).isEqualTo(content.length);
        assertThatThrownBy(() -> view.put(0, (byte) 1)).isInstanceOf(ReadOnlyBufferException.class);
        view.position(500); // each call gives a view of its own
        assertThat(file.bytesBuffer().position()).isZero();
        assertThat(contentOf(file.bytesBuffer())).isEqualTo(content);
    }

    @Test
    void theCopyingAccessorAndConstructorStillCopy() {
        byte[] content = part(64, 3);
        byte[] given = content.clone();
        File file = new File(FilePartial.INSTANCE, 0, given);
        given[0] ^= 1; // the caller changes its array after construction
        file.bytes()[1] ^= 1; // or the copy it got
        assertThat(file.bytes()).isEqualTo(content);
        assertThat(contentOf(file.bytesBuffer())).isEqualTo(content);
    }

    @Test
    void anAbsentOptionalBytesFieldHasNoView() {
        ChatPhoto without = new ChatPhoto(false, 1, null, 2);
        ChatPhoto with = new ChatPhoto(false, 1, new byte[] {1, 2, 3}, 2);
        assertThat(without.strippedThumbBuffer()).isNull();
        assertThat(contentOf(with.strippedThumbBuffer())).containsExactly(1, 2, 3);
    }
}
