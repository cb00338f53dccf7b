package dev.mtproto.transport;

import dev.mtproto.crypto.RandomSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Objects;

/**
 * The ClientHello a FakeTLS ({@code ee}) MTProxy client sends first: one TLS handshake record that looks
 * like a TLS 1.3 hello to the secret's domain, whose random field authenticates the client to the proxy.
 *
 * <p>Layout: record header {@code 16 03 01 LL LL}, handshake header, version {@code 03 03}, the 32-byte
 * random, a 32-byte session id, cipher suites {@code 13 01, 13 02, 13 03}, no compression, then the
 * extensions server_name (the domain), supported_groups (x25519), key_share (a real X25519 public key),
 * supported_versions (TLS 1.3), signature_algorithms, and padding up to a 512-byte record body. With a
 * domain of at most {@value MtproxySecret#MAX_DOMAIN_LENGTH} bytes the record length is always exactly 512,
 * so the record starts {@code 16 03 01 02}, the only start the official MTProxy recognises (it accepts
 * 512..767).
 *
 * <p>The random is {@code HMAC-SHA256(secret, record with the random zeroed)}, with the little-endian Unix
 * time XORed into its last 4 bytes. There is no official spec page; the rules are those of the public
 * MTProxy server, recorded in the project's {@code faketls.json} vector file. Immutable.
 */
public final class FakeTlsClientHello {
    /** The record body length the hello is padded to. */
    public static final int RECORD_BODY_LENGTH = 512;
    /** Session id and key share are 32 bytes each. */
    public static final int FIELD_LENGTH = 32;

    private static final int RECORD_HEADER = 5;
    private static final int SESSION_ID_OFFSET = FakeTlsHmac.RANDOM_OFFSET + FakeTlsHmac.RANDOM_LENGTH + 1;
    private static final byte[] CIPHER_SUITES = {0x13, 0x01, 0x13, 0x02, 0x13, 0x03};

    private final byte[] record;

    private FakeTlsClientHello(byte[] record) {
        this.record = record;
    }

    /**
     * Builds a hello with fresh random parts: a session id from {@code random} and the public key of a new
     * X25519 key pair (JCA {@code X25519}).
     *
     * @param secret an {@code ee} secret
     * @param unixTime the current time in seconds
     * @param random where the session id comes from
     * @return the hello
     * @throws IllegalArgumentException if the secret is not a FakeTLS secret
     * @throws IllegalStateException if the runtime has no X25519 key pair generator
     * @throws NullPointerException if an argument is null
     */
    public static FakeTlsClientHello generate(MtproxySecret secret, long unixTime, RandomSource random) {
        Objects.requireNonNull(random, "random");
        byte[] sessionId = new byte[FIELD_LENGTH];
        random.nextBytes(sessionId, 0, FIELD_LENGTH);
        return build(secret, unixTime, sessionId, x25519PublicKey());
    }

    /**
     * Builds a hello from given parts (for known-answer tests and reproducible runs).
     *
     * @param secret an {@code ee} secret
     * @param unixTime the time in seconds XORed into the random
     * @param sessionId 32 bytes
     * @param keyShare a 32-byte X25519 public key
     * @return the hello
     * @throws IllegalArgumentException if the secret is not a FakeTLS secret or a part is not 32 bytes
     * @throws NullPointerException if an argument is null
     */
    public static FakeTlsClientHello build(MtproxySecret secret, long unixTime, byte[] sessionId, byte[] keyShare) {
        Objects.requireNonNull(secret, "secret");
        if (secret.mode() != MtproxySecret.Mode.FAKE_TLS) {
            throw new IllegalArgumentException("a ClientHello needs an ee (FakeTLS) secret, got " + secret.mode());
        }
        if (sessionId.length != FIELD_LENGTH || keyShare.length != FIELD_LENGTH) {
            throw new IllegalArgumentException("session id and key share must be 32 bytes each");
        }
        byte[] name = secret.fakeTlsDomain().orElseThrow().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(RECORD_HEADER + RECORD_BODY_LENGTH);
        b.put((byte) 0x16).putShort((short) 0x0301).putShort((short) RECORD_BODY_LENGTH);
        b.put((byte) 0x01).put((byte) 0).putShort((short) (RECORD_BODY_LENGTH - 4));
        b.putShort((short) 0x0303).put(new byte[FakeTlsHmac.RANDOM_LENGTH]);
        b.put((byte) FIELD_LENGTH).put(sessionId);
        b.putShort((short) CIPHER_SUITES.length).put(CIPHER_SUITES);
        b.put((byte) 1).put((byte) 0);
        int extensionsAt = b.position();
        b.putShort((short) 0);
        b.putShort((short) 0x0000).putShort((short) (name.length + 5)).putShort((short) (name.length + 3))
                .put((byte) 0).putShort((short) name.length).put(name);
        b.putShort((short) 0x000a).putShort((short) 4).putShort((short) 2).putShort((short) 0x001d);
        b.putShort((short) 0x0033).putShort((short) 38).putShort((short) 36).putShort((short) 0x001d)
                .putShort((short) FIELD_LENGTH).put(keyShare);
        b.putShort((short) 0x002b).putShort((short) 3).put((byte) 2).putShort((short) 0x0304);
        b.putShort((short) 0x000d).putShort((short) 8).putShort((short) 6)
                .putShort((short) 0x0403).putShort((short) 0x0804).putShort((short) 0x0401);
        int padding = b.remaining() - 4;
        b.putShort((short) 0x0015).putShort((short) padding).put(new byte[padding]);
        b.putShort(extensionsAt, (short) (b.position() - extensionsAt - 2));
        byte[] record = b.array();
        byte[] random = FakeTlsHmac.overZeroedRandom(secret.key(), new byte[0], record);
        System.arraycopy(random, 0, record, FakeTlsHmac.RANDOM_OFFSET, FakeTlsHmac.RANDOM_LENGTH);
        int time = (int) unixTime;
        for (int i = 0; i < 4; i++) {
            record[FakeTlsHmac.TIME_OFFSET + i] ^= (byte) (time >>> (8 * i));
        }
        return new FakeTlsClientHello(record);
    }

    private static byte[] x25519PublicKey() {
        try {
            byte[] encoded = KeyPairGenerator.getInstance("X25519").generateKeyPair().getPublic().getEncoded();
            // X.509 SubjectPublicKeyInfo: a fixed 12-byte prefix, then the 32-byte u-coordinate (RFC 8410)
            return Arrays.copyOfRange(encoded, encoded.length - FIELD_LENGTH, encoded.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the runtime has no X25519 key pair generator", e);
        }
    }

    /**
     * Returns the whole record, as sent.
     *
     * @return a fresh copy
     */
    public byte[] bytes() {
        return record.clone();
    }

    /**
     * Returns the random field, which the server's reply HMAC covers.
     *
     * @return a fresh copy of the 32 bytes
     */
    public byte[] clientRandom() {
        return Arrays.copyOfRange(record, FakeTlsHmac.RANDOM_OFFSET, FakeTlsHmac.RANDOM_OFFSET + FakeTlsHmac.RANDOM_LENGTH);
    }

    /**
     * Returns the session id, which the server echoes.
     *
     * @return a fresh copy of the 32 bytes
     */
    public byte[] sessionId() {
        return Arrays.copyOfRange(record, SESSION_ID_OFFSET, SESSION_ID_OFFSET + FIELD_LENGTH);
    }

    /** Shows the length only; the random authenticates the client. */
    @Override
    public String toString() {
        return "FakeTlsClientHello[" + record.length + " bytes]";
    }
}
