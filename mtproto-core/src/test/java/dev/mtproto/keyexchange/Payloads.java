package dev.mtproto.keyexchange;

import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.TlWriter;
import java.util.function.Function;

/** Takes unencrypted messages apart and rebuilds them with other bodies, for forging answers in tests. */
final class Payloads {
    private Payloads() {
    }

    static long messageId(byte[] payload) {
        return new TlReader(payload, 8, 8).readLong();
    }

    static byte[] body(byte[] payload) {
        return java.util.Arrays.copyOfRange(payload, UnencryptedMessage.HEADER_LENGTH, payload.length);
    }

    static <T> T read(byte[] payload, Function<TlReader, T> reader) {
        TlReader r = new TlReader(body(payload));
        T value = reader.apply(r);
        r.expectEnd();
        return value;
    }

    static byte[] serialize(TlObject object) {
        TlWriter writer = new TlWriter();
        object.write(writer);
        return writer.toByteArray();
    }

    /** The same envelope (msg_id) around another object. */
    static byte[] withBody(byte[] payload, TlObject object) {
        return new UnencryptedMessage(messageId(payload), serialize(object)).encode();
    }

    static byte[] withBody(byte[] payload, byte[] body) {
        return new UnencryptedMessage(messageId(payload), body).encode();
    }

    static byte[] flip(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x01;
        return copy;
    }
}
