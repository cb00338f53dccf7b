package dev.mtproto.transport;

import dev.mtproto.crypto.RandomSource;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The plain 64-byte init header of an obfuscated2 connection: random bytes, the framing's protocol tag
 * at {@code [56:60]} and optionally a DC id as int16 little-endian at {@code [60:62]}.
 *
 * <p>A client {@linkplain #generate generates} it; bytes {@code [0:56]} go on the wire as they are and
 * {@code [56:64]} encrypted (see {@link ObfuscatedStream#client}). A server recovers it from the received
 * header ({@link ObfuscatedStream#server}). Immutable.
 */
public final class Obfuscated2Header {

    /** Length of the header in bytes. */
    public static final int LENGTH = 64;

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int TAG_OFFSET = 56;
    private static final int DC_OFFSET = 60;
    private static final int MAX_ATTEMPTS = 1000;

    /** First ints a header must not start with: HTTP verbs, TLS, the intermediate tags. */
    private static final int[] FORBIDDEN_FIRST_INTS = {
        0x44414548, // "HEAD"
        0x54534f50, // "POST"
        0x20544547, // "GET "
        0x4954504f, // "OPTI"
        0x02010316, // 16 03 01 02: a TLS handshake record
        0xdddddddd, // padded intermediate tag
        0xeeeeeeee, // intermediate tag
    };

    private final byte[] init;

    private Obfuscated2Header(byte[] init) {
        this.init = init;
    }

    /**
     * Generates a client header: draws 64 random bytes until they obey the rules (first byte not
     * {@code 0xef}; first int not an HTTP verb, the TLS record start or an intermediate tag; second int
     * not 0), then writes the protocol tag and, if given, the DC id.
     *
     * @param kind the framing to announce
     * @param dcId the value for {@code [60:62]} (see {@link #dcIdField}), or empty to leave those bytes
     *     random
     * @param random where the bytes come from
     * @return the header
     * @throws IllegalArgumentException if {@code kind} cannot be obfuscated or {@code dcId} does not fit
     *     an int16
     * @throws IllegalStateException if {@code random} yields no acceptable header in 1000 draws (a broken
     *     source; a real one fails a draw with probability about 2^-24)
     * @throws NullPointerException if an argument is null
     */
    public static Obfuscated2Header generate(TransportKind kind, OptionalInt dcId, RandomSource random) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dcId, "dcId");
        Objects.requireNonNull(random, "random");
        if (!kind.supportsObfuscation()) {
            throw new IllegalArgumentException(kind.displayName() + " cannot be obfuscated");
        }
        if (dcId.isPresent() && (dcId.getAsInt() < Short.MIN_VALUE || dcId.getAsInt() > Short.MAX_VALUE)) {
            throw new IllegalArgumentException("DC id does not fit an int16: " + dcId.getAsInt());
        }
        byte[] init = new byte[LENGTH];
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            random.nextBytes(init, 0, LENGTH);
            if (hasAllowedStart(init)) {
                INT_LE.set(init, TAG_OFFSET, kind.obfuscationTag());
                if (dcId.isPresent()) {
                    SHORT_LE.set(init, DC_OFFSET, (short) dcId.getAsInt());
                }
                return new Obfuscated2Header(init);
            }
        }
        throw new IllegalStateException("the random source produced no acceptable obfuscated2 header in "
                + MAX_ATTEMPTS + " attempts");
    }

    /**
     * Wraps an existing plain header (for example one recovered by a server, or a test vector). The
     * start rules are not checked: a server must accept what clients send.
     *
     * @param init the 64 plain header bytes (copied)
     * @return the header
     * @throws IllegalArgumentException if {@code init} is not 64 bytes
     * @throws NullPointerException if {@code init} is null
     */
    public static Obfuscated2Header of(byte[] init) {
        Objects.requireNonNull(init, "init");
        if (init.length != LENGTH) {
            throw new IllegalArgumentException("an obfuscated2 header is 64 bytes, got " + init.length);
        }
        return new Obfuscated2Header(init.clone());
    }

    /**
     * Computes the int16 DC id written at {@code [60:62]}: the DC number, plus 10000 on the test
     * servers, negated for media-only DCs.
     *
     * @param dc the DC number, 1..5 on Telegram
     * @param media whether the connection is to the DC's media-only endpoint
     * @param test whether the DC is a test DC
     * @return the field value
     * @throws IllegalArgumentException if {@code dc} is not positive or the result does not fit an int16
     */
    public static int dcIdField(int dc, boolean media, boolean test) {
        if (dc <= 0 || dc > Short.MAX_VALUE - 10000) {
            throw new IllegalArgumentException("DC number out of range: " + dc);
        }
        int value = test ? dc + 10000 : dc;
        return media ? -value : value;
    }

    /**
     * Tells whether the first 8 bytes obey the client rules.
     *
     * @param b a header of at least 8 bytes
     * @return {@code true} if {@code b} may start an obfuscated2 stream
     */
    static boolean hasAllowedStart(byte[] b) {
        if ((b[0] & 0xff) == 0xef) {
            return false;
        }
        int first = (int) INT_LE.get(b, 0);
        for (int forbidden : FORBIDDEN_FIRST_INTS) {
            if (first == forbidden) {
                return false;
            }
        }
        return (int) INT_LE.get(b, 4) != 0;
    }

    /**
     * Returns the plain header bytes.
     *
     * @return a fresh copy of the 64 bytes
     */
    public byte[] bytes() {
        return init.clone();
    }

    /**
     * Returns the protocol tag at {@code [56:60]} as a little-endian int.
     *
     * @return the tag, e.g. {@code 0xeeeeeeee}
     */
    public int protocolTag() {
        return (int) INT_LE.get(init, TAG_OFFSET);
    }

    /**
     * Returns the framing the protocol tag names.
     *
     * @return the kind
     * @throws TransportException if the tag names no framing (garbage, or a wrong MTProxy secret)
     */
    public TransportKind kind() {
        return TransportKind.fromObfuscationTag(protocolTag()).orElseThrow(() -> new TransportException(
                "obfuscated2: unknown protocol tag 0x" + Integer.toHexString(protocolTag())));
    }

    /**
     * Returns the int16 at {@code [60:62]}: the DC id if the client wrote one, otherwise random.
     *
     * @return the field value, sign-extended
     */
    public int dcId() {
        return (short) SHORT_LE.get(init, DC_OFFSET);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Obfuscated2Header h && java.util.Arrays.equals(h.init, init);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(init);
    }

    /** Shows the tag and DC field only; the rest is key material. */
    @Override
    public String toString() {
        return "Obfuscated2Header[tag=" + HexFormat.of().toHexDigits(protocolTag()) + ", dc=" + dcId() + "]";
    }
}
