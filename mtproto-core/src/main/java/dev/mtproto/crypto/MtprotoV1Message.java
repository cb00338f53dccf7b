package dev.mtproto.crypto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One message encrypted the MTProto 1.0 way, which Telegram still asks for in exactly one place: the
 * {@code encrypted_message} of {@code auth.bindTempAuthKey}
 * (https://core.telegram.org/method/auth.bindTempAuthKey#encrypting-the-binding-message), sealed with the
 * permanent key by the client and opened by the server.
 *
 * <p>Wire form: {@code auth_key_id:long | msg_key:int128 | AES-256-IGE(random:int128 | msg_id:long |
 * seqno:int | msg_len:int | body | 0..15 padding bytes)}, where {@code msg_key} is the lower 128 bits of
 * SHA-1 of the plaintext without its padding, and the AES key and IV come from the auth key and
 * {@code msg_key} by MTProto 1.0's SHA-1 derivation with x = 0 (client to server).
 */
public final class MtprotoV1Message {
    private static final int HEADER = 8 + 16;
    private static final int PLAIN_HEADER = 16 + 8 + 4 + 4;

    /**
     * A message opened: what the plaintext said.
     *
     * @param msgId the msg_id inside
     * @param seqNo the seqno inside
     * @param body the body ({@code msg_len} bytes)
     */
    public record Opened(long msgId, int seqNo, byte[] body) {
    }

    private MtprotoV1Message() {
    }

    /**
     * Encrypts a message.
     *
     * @param key the auth key (the permanent one, for a binding)
     * @param msgId the msg_id to put inside
     * @param seqNo the seqno to put inside
     * @param body the message body, a multiple of 4 bytes
     * @param random where the leading random block and the padding come from
     * @return the encrypted message
     */
    public static byte[] seal(AuthKey key, long msgId, int seqNo, byte[] body, RandomSource random) {
        Objects.requireNonNull(key, "key");
        int plainLength = PLAIN_HEADER + body.length;
        int padding = (16 - plainLength % 16) % 16;
        byte[] plain = new byte[plainLength + padding];
        random.nextBytes(plain, 0, 16);
        ByteBuffer b = ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(16, msgId).putInt(24, seqNo).putInt(28, body.length);
        System.arraycopy(body, 0, plain, PLAIN_HEADER, body.length);
        if (padding > 0) {
            random.nextBytes(plain, plainLength, padding);
        }
        byte[] msgKey = Arrays.copyOfRange(Digests.sha1(Arrays.copyOf(plain, plainLength)), 4, 20);
        byte[][] keyIv = keyAndIv(key, msgKey);
        byte[] encrypted = AesIge.encrypt(keyIv[0], keyIv[1], plain);
        Arrays.fill(plain, (byte) 0);
        byte[] out = new byte[HEADER + encrypted.length];
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putLong(0, key.id());
        System.arraycopy(msgKey, 0, out, 8, 16);
        System.arraycopy(encrypted, 0, out, HEADER, encrypted.length);
        return out;
    }

    /**
     * Decrypts and checks a message: the key id, the length, {@code msg_len}, at most 15 bytes of padding,
     * and {@code msg_key} over the plaintext.
     *
     * @param encrypted the encrypted message
     * @param key the auth key it should be sealed with
     * @return what it said, or empty if any check fails
     */
    public static Optional<Opened> open(byte[] encrypted, AuthKey key) {
        int bodyLength = encrypted.length - HEADER;
        if (bodyLength < PLAIN_HEADER || bodyLength % 16 != 0
                || ByteBuffer.wrap(encrypted).order(ByteOrder.LITTLE_ENDIAN).getLong(0) != key.id()) {
            return Optional.empty();
        }
        byte[] msgKey = Arrays.copyOfRange(encrypted, 8, HEADER);
        byte[][] keyIv = keyAndIv(key, msgKey);
        byte[] plain = AesIge.decrypt(keyIv[0], keyIv[1], Arrays.copyOfRange(encrypted, HEADER, encrypted.length));
        ByteBuffer b = ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN);
        int msgLength = b.getInt(28);
        int padding = plain.length - PLAIN_HEADER - msgLength;
        if (msgLength < 0 || padding < 0 || padding > 15
                || !MessageDigest.isEqual(Arrays.copyOfRange(Digests.sha1(Arrays.copyOf(plain, PLAIN_HEADER + msgLength)), 4, 20), msgKey)) {
            return Optional.empty();
        }
        return Optional.of(new Opened(b.getLong(16), b.getInt(24), Arrays.copyOfRange(plain, PLAIN_HEADER, PLAIN_HEADER + msgLength)));
    }

    /** MTProto 1.0's key derivation, x = 0. */
    private static byte[][] keyAndIv(AuthKey authKey, byte[] msgKey) {
        byte[] k = authKey.toByteArray();
        try {
            byte[] a = Digests.sha1(concat(msgKey, slice(k, 0, 32)));
            byte[] b = Digests.sha1(concat(slice(k, 32, 16), msgKey, slice(k, 48, 16)));
            byte[] c = Digests.sha1(concat(slice(k, 64, 32), msgKey));
            byte[] d = Digests.sha1(concat(msgKey, slice(k, 96, 32)));
            byte[] aesKey = concat(slice(a, 0, 8), slice(b, 8, 12), slice(c, 4, 12));
            byte[] aesIv = concat(slice(a, 8, 12), slice(b, 0, 8), slice(c, 16, 4), slice(d, 0, 8));
            return new byte[][] {aesKey, aesIv};
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    private static byte[] slice(byte[] b, int from, int length) {
        return Arrays.copyOfRange(b, from, from + length);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
