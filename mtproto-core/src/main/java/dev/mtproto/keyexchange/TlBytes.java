package dev.mtproto.keyexchange;

import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.TlWriter;
import java.util.function.Function;

/** Serializes the boxed TL objects of key exchange and reads them back, allowing no trailing bytes. */
final class TlBytes {
    private TlBytes() {
    }

    /** The boxed serialization of {@code object}. */
    static byte[] of(TlObject object) {
        TlWriter writer = new TlWriter(64);
        object.write(writer);
        return writer.toByteArray();
    }

    /**
     * Reads one boxed value that must fill {@code bytes} exactly.
     *
     * @throws dev.mtproto.tl.TlDecodeException if the bytes are malformed, of another type, or too long
     */
    static <T> T readExactly(byte[] bytes, Function<TlReader, T> reader) {
        TlReader r = new TlReader(bytes);
        T value = reader.apply(r);
        r.expectEnd();
        return value;
    }
}
