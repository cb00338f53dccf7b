package dev.mtproto.transport;

import dev.mtproto.crypto.RandomSource;
import java.util.Arrays;
import java.util.Objects;

/**
 * The client side of the FakeTLS handshake with an MTProxy, as a state machine over bytes without I/O:
 * send {@link #clientHello()}, then read at most {@link #wanted()} bytes at a time into {@link #receive}
 * until {@link #done()}. The server's reply is three records: a ServerHello ({@code 16 03 03}), a
 * change_cipher_spec ({@code 14 03 03 00 01 01}) and one application-data record ({@code 17 03 03}) of
 * random bytes. Once all three are in, the ServerHello's random is checked: it must be
 * {@code HMAC-SHA256(secret, client random || reply with that random zeroed)}. Reading no more than
 * {@code wanted()} means no byte after the reply is taken. Afterwards the connection carries
 * {@link FakeTlsRecordLayer#client() records}. Not thread-safe; one per connection.
 */
public final class FakeTlsClientHandshake {
    /** The largest record body accepted in the reply (TLS 1.3's ciphertext limit, 2^14 + 256). */
    static final int MAX_RECORD_BODY = 16_384 + 256;
    private static final int HEADER = 5;
    private static final byte[] RECORD_TYPES = {0x16, 0x14, 0x17};

    private final byte[] key;
    private final FakeTlsClientHello hello;
    private byte[] reply = new byte[0];
    private int records;
    private int recordStart;
    private int filled;
    private boolean inHeader = true;
    private boolean done;

    private FakeTlsClientHandshake(MtproxySecret secret, FakeTlsClientHello hello) {
        this.key = secret.key();
        this.hello = hello;
    }

    /**
     * Starts a handshake with a fresh ClientHello ({@link FakeTlsClientHello#generate}).
     *
     * @param secret the proxy's {@code ee} secret
     * @param unixTime the current time in seconds
     * @param random where the session id comes from
     * @return the handshake
     * @throws IllegalArgumentException if the secret is not a FakeTLS secret
     * @throws NullPointerException if an argument is null
     */
    public static FakeTlsClientHandshake start(MtproxySecret secret, long unixTime, RandomSource random) {
        return new FakeTlsClientHandshake(secret, FakeTlsClientHello.generate(secret, unixTime, random));
    }

    /**
     * Starts a handshake with a given hello (for known-answer tests).
     *
     * @param secret the proxy's {@code ee} secret, the one the hello was built with
     * @param hello the hello to send
     * @return the handshake
     * @throws NullPointerException if an argument is null
     */
    public static FakeTlsClientHandshake start(MtproxySecret secret, FakeTlsClientHello hello) {
        return new FakeTlsClientHandshake(Objects.requireNonNull(secret, "secret"), Objects.requireNonNull(hello, "hello"));
    }

    /**
     * Returns the bytes to send first.
     *
     * @return the ClientHello record
     */
    public byte[] clientHello() {
        return hello.bytes();
    }

    /**
     * Returns how many bytes may be read next without reading past the server's reply.
     *
     * @return a positive count while the reply is incomplete; 0 once done
     */
    public int wanted() {
        if (done) {
            return 0;
        }
        return (inHeader ? recordStart + HEADER : reply.length) - filled;
    }

    /**
     * Takes bytes of the server's reply.
     *
     * @param b the array holding them
     * @param off the index of the first byte
     * @param len how many, at most {@link #wanted()}
     * @throws FakeTlsException if a record is not the expected one ({@code MALFORMED}) or the server's HMAC
     *     does not match the secret ({@code BAD_HMAC}: a wrong secret, or a real TLS server)
     * @throws IllegalArgumentException if {@code len} is more than {@link #wanted()}
     * @throws IllegalStateException if the handshake is done
     */
    public void receive(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (done) {
            throw new IllegalStateException("the FakeTLS handshake is done");
        }
        if (len > wanted()) {
            throw new IllegalArgumentException(len + " bytes given, " + wanted() + " wanted");
        }
        if (filled + len > reply.length) {
            reply = Arrays.copyOf(reply, Math.max(filled + len, recordStart + HEADER));
        }
        System.arraycopy(b, off, reply, filled, len);
        filled += len;
        if (wanted() > 0) {
            return;
        }
        if (inHeader) {
            int body = checkHeader();
            reply = Arrays.copyOf(reply, recordStart + HEADER + body);
            inHeader = false;
            return;
        }
        records++;
        recordStart = filled;
        inHeader = true;
        if (records == RECORD_TYPES.length) {
            verify();
            done = true;
        }
    }

    private int checkHeader() {
        int type = reply[recordStart];
        int version = ((reply[recordStart + 1] & 0xff) << 8) | (reply[recordStart + 2] & 0xff);
        int body = ((reply[recordStart + 3] & 0xff) << 8) | (reply[recordStart + 4] & 0xff);
        if (type != RECORD_TYPES[records] || version != 0x0303 || body == 0 || body > MAX_RECORD_BODY
                || (type == 0x14 && body != 1) || (records == 0 && body < FakeTlsHmac.TIME_OFFSET)) {
            throw new FakeTlsException(FakeTlsException.Reason.MALFORMED, "the server's reply is not ServerHello,"
                    + " change_cipher_spec, application data: record " + (records + 1) + " has type 0x"
                    + Integer.toHexString(type & 0xff) + ", version 0x" + Integer.toHexString(version) + ", length " + body);
        }
        return body;
    }

    private void verify() {
        byte[] expected = FakeTlsHmac.overZeroedRandom(key, hello.clientRandom(), reply);
        if (!FakeTlsHmac.sameBytes(expected, 0, reply, FakeTlsHmac.RANDOM_OFFSET, FakeTlsHmac.RANDOM_LENGTH)) {
            throw new FakeTlsException(FakeTlsException.Reason.BAD_HMAC, "the ServerHello's HMAC does not match the"
                    + " secret (a wrong secret, or not an MTProxy)");
        }
    }

    /**
     * Tells whether the reply was received and verified.
     *
     * @return {@code true} once the next byte read is the first record of the obfuscated stream
     */
    public boolean done() {
        return done;
    }

    @Override
    public String toString() {
        return "FakeTlsClientHandshake[" + (done ? "done" : records + " of 3 records") + "]";
    }
}
