package dev.mtproto.transport;

import dev.mtproto.crypto.RandomSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * The MTProxy side of the FakeTLS handshake, without I/O: read the first record's header
 * ({@link #recordLength}), then the whole ClientHello record, {@link #verify} it, and answer with
 * {@link #reply}. What a real MTProxy checks: the record starts {@code 16 03 01 02}; the first 28 bytes of
 * the random equal the HMAC of the secret over the hello with the random zeroed; the time in the last 4
 * bytes lies within the window; the SNI is the secret's domain. Replays of the client random are the
 * caller's to reject (it keeps the cache). Stateless.
 */
public final class FakeTlsServerHandshake {
    /** Bytes to read before {@link #recordLength} can tell the hello's length. */
    public static final int RECORD_HEADER = 5;
    private static final int HELLO_RANDOM_CHECKED = 28;

    private FakeTlsServerHandshake() {
    }

    /**
     * Checks the first 5 bytes of a connection and tells how long the ClientHello record is.
     *
     * @param header the first bytes, at least 5
     * @return the record's whole length (header included), 517 to 772
     * @throws FakeTlsException ({@code MALFORMED}) if they do not start {@code 16 03 01 02}
     */
    public static int recordLength(byte[] header) {
        if (header.length < RECORD_HEADER || header[0] != 0x16 || header[1] != 3 || header[2] != 1 || header[3] != 2) {
            throw new FakeTlsException(FakeTlsException.Reason.MALFORMED, "the first record does not start 16 03 01 02");
        }
        return RECORD_HEADER + 0x200 + (header[4] & 0xff);
    }

    /**
     * Verifies a ClientHello record.
     *
     * @param secret the proxy's {@code ee} secret
     * @param record the whole record, as {@link #recordLength} measured it
     * @param nowSeconds the server's current Unix time
     * @param window how far the client's time may be from {@code nowSeconds}, either way
     * @return what the reply needs
     * @throws FakeTlsException {@code MALFORMED} for a record that is not a ClientHello, {@code BAD_HMAC} if the
     *     random does not match the secret, {@code STALE_TIMESTAMP} outside the window, {@code WRONG_SERVER_NAME}
     *     if the SNI is missing or another domain
     * @throws IllegalArgumentException if the secret is not a FakeTLS secret
     */
    public static FakeTlsHello verify(MtproxySecret secret, byte[] record, long nowSeconds, Duration window) {
        String domain = secret.fakeTlsDomain().orElseThrow(() -> new IllegalArgumentException("not an ee secret"));
        if (record.length != recordLength(record)) {
            throw malformed("the record is " + record.length + " bytes, its header says " + recordLength(record));
        }
        byte[] hmac = FakeTlsHmac.overZeroedRandom(secret.key(), new byte[0], record);
        if (!FakeTlsHmac.sameBytes(hmac, 0, record, FakeTlsHmac.RANDOM_OFFSET, HELLO_RANDOM_CHECKED)) {
            throw new FakeTlsException(FakeTlsException.Reason.BAD_HMAC, "the ClientHello's HMAC does not match the secret");
        }
        long time = 0;
        for (int i = 3; i >= 0; i--) {
            time = (time << 8) | ((record[FakeTlsHmac.TIME_OFFSET + i] ^ hmac[HELLO_RANDOM_CHECKED + i]) & 0xff);
        }
        if (Math.abs(nowSeconds - time) > window.toSeconds()) {
            throw new FakeTlsException(FakeTlsException.Reason.STALE_TIMESTAMP, "the ClientHello's time is "
                    + (time - nowSeconds) + " s from ours, the window is " + window.toSeconds() + " s");
        }
        ByteBuffer b = ByteBuffer.wrap(record);
        b.position(FakeTlsHmac.RANDOM_OFFSET + FakeTlsHmac.RANDOM_LENGTH);
        try {
            byte[] sessionId = new byte[b.get() & 0xff];
            if (sessionId.length != FakeTlsClientHello.FIELD_LENGTH) {
                throw malformed("the ClientHello's session id is not 32 bytes");
            }
            b.get(sessionId);
            int suites = b.getShort() & 0xffff;
            b.position(b.position() + suites);
            int compression = b.get() & 0xff;
            b.position(b.position() + compression);
            int extensions = b.getShort() & 0xffff;
            int end = b.position() + extensions;
            String name = null;
            while (b.position() < end && name == null) {
                int type = b.getShort() & 0xffff;
                int length = b.getShort() & 0xffff;
                if (type == 0) {
                    name = serverName(b.slice(b.position(), length));
                }
                b.position(b.position() + length);
            }
            if (!domain.equals(name)) {
                throw new FakeTlsException(FakeTlsException.Reason.WRONG_SERVER_NAME,
                        name == null ? "the ClientHello has no server name" : "the ClientHello names another domain");
            }
            byte[] random = new byte[FakeTlsHmac.RANDOM_LENGTH];
            System.arraycopy(record, FakeTlsHmac.RANDOM_OFFSET, random, 0, random.length);
            return new FakeTlsHello(random, sessionId, time, name);
        } catch (RuntimeException e) {
            if (e instanceof FakeTlsException f) {
                throw f;
            }
            throw malformed("the ClientHello's fields overrun the record");
        }
    }

    private static String serverName(ByteBuffer ext) {
        ext.getShort(); // server_name_list length
        if (ext.get() != 0) {
            return null;
        }
        byte[] name = new byte[ext.getShort() & 0xffff];
        ext.get(name);
        return new String(name, StandardCharsets.US_ASCII);
    }

    /**
     * Builds the answer to a verified hello: a ServerHello (the session id echoed, a random key share),
     * change_cipher_spec, and one application-data record of 2500 to 3523 random bytes; the ServerHello's
     * random is {@code HMAC-SHA256(secret, client random || reply with it zeroed)}.
     *
     * @param secret the proxy's {@code ee} secret
     * @param hello the verified hello
     * @param random where the key share and the filler come from
     * @return the bytes to send
     * @throws NullPointerException if an argument is null
     */
    public static byte[] reply(MtproxySecret secret, FakeTlsHello hello, RandomSource random) {
        Objects.requireNonNull(hello, "hello");
        byte[] filler = new byte[2];
        random.nextBytes(filler, 0, 2);
        int fillerLength = 2500 + ((filler[0] & 0xff) << 2 | (filler[1] & 3));
        byte[] keyShare = new byte[FakeTlsClientHello.FIELD_LENGTH];
        random.nextBytes(keyShare, 0, keyShare.length);
        ByteBuffer b = ByteBuffer.allocate(RECORD_HEADER + 0x7a + 6 + RECORD_HEADER + fillerLength);
        b.put((byte) 0x16).putShort((short) 0x0303).putShort((short) 0x7a);
        b.put((byte) 0x02).put((byte) 0).putShort((short) 0x76).putShort((short) 0x0303).put(new byte[FakeTlsHmac.RANDOM_LENGTH]);
        b.put((byte) hello.sessionId().length).put(hello.sessionId()).putShort((short) 0x1301).put((byte) 0);
        b.putShort((short) 0x2e).putShort((short) 0x0033).putShort((short) 0x24).putShort((short) 0x001d)
                .putShort((short) keyShare.length).put(keyShare);
        b.putShort((short) 0x002b).putShort((short) 2).putShort((short) 0x0304);
        b.put(FakeTlsRecordLayer.CHANGE_CIPHER_SPEC);
        b.put((byte) 0x17).putShort((short) 0x0303).putShort((short) fillerLength);
        byte[] out = b.array();
        random.nextBytes(out, b.position(), fillerLength);
        byte[] mac = FakeTlsHmac.overZeroedRandom(secret.key(), hello.clientRandom(), out);
        System.arraycopy(mac, 0, out, FakeTlsHmac.RANDOM_OFFSET, FakeTlsHmac.RANDOM_LENGTH);
        return out;
    }

    private static FakeTlsException malformed(String detail) {
        return new FakeTlsException(FakeTlsException.Reason.MALFORMED, detail);
    }
}
