package dev.mtproto.transport;

import dev.mtproto.crypto.RandomSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The server end of one transport connection, sans-IO. It detects what the client speaks from the
 * first bytes (see below), then decodes the client's frames and encodes replies, quick-ack tokens and
 * transport errors in the same framing and obfuscation. Used by the testkit's DCs and proxies.
 *
 * <p>Detection: {@code ef} abridged, {@code eeeeeeee} intermediate, {@code dddddddd} padded
 * intermediate; otherwise, once 64 bytes are in, an obfuscated2 header whose decrypted protocol tag is
 * valid (decrypted with the configured MTProxy secret, if any); otherwise the full transport (first int
 * a plausible length, second int 0; a complete first frame with a valid CRC is accepted before 64 bytes
 * arrive). With a secret configured, only obfuscated2 with that secret is accepted. At most 64 bytes
 * are held while detecting.
 *
 * <p>Threading: one thread may encode while another decodes, once detection is done.
 */
public final class ServerTransport {

    private final int maxFrameLength;
    private final RandomSource random;
    private final TransportDetector detector;
    private final byte[] prefix = new byte[TransportDetector.MAX_PREFIX];
    private int prefixLength;
    private RuntimeException failure;
    private volatile Detected detected;

    private record Detected(TransportKind kind, ObfuscatedStream obfuscation, TransportStack stack) {
    }

    private ServerTransport(Builder b) {
        this.maxFrameLength = b.maxFrameLength;
        this.random = b.random != null ? b.random : RandomSource.secure();
        this.detector = new TransportDetector(b.secret, b.maxFrameLength);
    }

    /**
     * Starts configuring a server transport.
     *
     * @return a builder with defaults: no MTProxy secret, limit {@link FrameCodec#DEFAULT_MAX_FRAME_LENGTH},
     *     a new {@link RandomSource#secure()} for each transport built
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Consumes bytes received from the client, in chunks of any size. The first bytes decide the
     * transport; the rest are decoded as frames and reported to {@code listener} (with the client's
     * quick-ack request flag). When obfuscated, {@code in[off, off+len)} is decrypted in place.
     *
     * @param in the array holding the received bytes
     * @param off the index of the first byte
     * @param len the number of bytes
     * @param listener receives the client's frames
     * @throws TransportException if the first bytes name no supported transport (HTTP, FakeTLS, a
     *     plain tag while a secret is required, an unknown obfuscated2 tag, garbage), if a frame is
     *     malformed, or if an earlier call failed
     * @throws FrameTooLargeException if a frame announces a payload above the limit
     * @throws IndexOutOfBoundsException if {@code off}/{@code len} do not fit {@code in}
     */
    public void decode(byte[] in, int off, int len, FrameListener listener) {
        Objects.checkFromIndexSize(off, len, in.length);
        Objects.requireNonNull(listener, "listener");
        Detected d = detected;
        if (d != null) {
            d.stack().decode(in, off, len, listener);
            return;
        }
        if (failure != null) {
            throw new TransportException("transport detection already failed: " + failure.getMessage(), failure);
        }
        int take = Math.min(prefix.length - prefixLength, len);
        System.arraycopy(in, off, prefix, prefixLength, take);
        prefixLength += take;
        TransportDetector.Detection found;
        try {
            found = detector.detect(prefix, prefixLength);
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
        if (found == null) {
            return;
        }
        FrameCodec codec = found.kind().newCodec(TransportSide.SERVER, maxFrameLength, random);
        List<StreamLayer> layers = found.obfuscation() == null ? List.of() : List.of(found.obfuscation());
        d = new Detected(found.kind(), found.obfuscation(), new TransportStack(codec, layers));
        detected = d;
        d.stack().decode(prefix, found.consumed(), prefixLength - found.consumed(), listener);
        d.stack().decode(in, off + take, len - take, listener);
    }

    /**
     * Tells whether the client's transport has been detected.
     *
     * @return {@code true} once enough bytes have arrived
     */
    public boolean isDetected() {
        return detected != null;
    }

    /**
     * Returns the framing the client speaks.
     *
     * @return the kind
     * @throws IllegalStateException before detection
     */
    public TransportKind kind() {
        return requireDetected().kind();
    }

    /**
     * Tells whether the client obfuscates its stream.
     *
     * @return {@code true} with obfuscated2
     * @throws IllegalStateException before detection
     */
    public boolean obfuscated() {
        return requireDetected().obfuscation() != null;
    }

    /**
     * Returns the client's obfuscated2 init header, decrypted.
     *
     * @return the header, or empty without obfuscation
     * @throws IllegalStateException before detection
     */
    public Optional<Obfuscated2Header> obfuscationHeader() {
        return Optional.ofNullable(requireDetected().obfuscation()).map(ObfuscatedStream::header);
    }

    /**
     * Returns the int16 at {@code [60:62]} of the client's obfuscated2 header: the DC id it asked for if
     * it wrote one (random otherwise; a direct client need not write it).
     *
     * @return the field, or empty without obfuscation
     * @throws IllegalStateException before detection
     */
    public OptionalInt dcId() {
        ObfuscatedStream o = requireDetected().obfuscation();
        return o == null ? OptionalInt.empty() : OptionalInt.of(o.header().dcId());
    }

    /**
     * Frames (and, if obfuscated, encrypts) one reply packet and writes it to {@code out}.
     *
     * @param payload the array holding the packet (not modified)
     * @param off the index of its first byte
     * @param len its length: positive, a multiple of 4, at most the limit
     * @param out where the wire bytes go; valid only during the call
     * @throws IllegalStateException before detection
     * @throws IllegalArgumentException if {@code len} is not acceptable
     * @throws IndexOutOfBoundsException if {@code off}/{@code len} do not fit {@code payload}
     */
    public void encode(byte[] payload, int off, int len, ByteSink out) {
        requireDetected().stack().encode(payload, off, len, false, out);
    }

    /**
     * Sends a quick-ack token for a frame the client flagged.
     *
     * @param token the token, most significant bit set
     * @param out where the wire bytes go
     * @throws IllegalStateException before detection, or for the full transport
     * @throws IllegalArgumentException if the token's most significant bit is clear
     */
    public void encodeQuickAck(int token, ByteSink out) {
        requireDetected().stack().encodeQuickAck(token, out);
    }

    /**
     * Sends a transport error (the connection should be closed afterwards).
     *
     * @param code the negative error code, e.g. -404
     * @param out where the wire bytes go
     * @throws IllegalStateException before detection
     * @throws IllegalArgumentException if {@code code} is not negative
     */
    public void encodeTransportError(int code, ByteSink out) {
        requireDetected().stack().encodeTransportError(code, out);
    }

    private Detected requireDetected() {
        Detected d = detected;
        if (d == null) {
            throw new IllegalStateException("the client's transport has not been detected yet");
        }
        return d;
    }

    @Override
    public String toString() {
        Detected d = detected;
        return "ServerTransport[" + (d == null ? "detecting" : d.kind() + (d.obfuscation() != null
                ? ", " + d.obfuscation().header() : "")) + "]";
    }

    /** Configures a {@link ServerTransport}; not thread-safe, reusable. */
    public static final class Builder {
        private MtproxySecret secret;
        private int maxFrameLength = FrameCodec.DEFAULT_MAX_FRAME_LENGTH;
        private RandomSource random;

        private Builder() {
        }

        /**
         * Acts as an MTProxy with this secret: clients must send obfuscated2 keyed with it.
         *
         * @param secret the secret, or null for a plain DC endpoint
         * @return this builder
         * @throws UnsupportedOperationException for a FakeTLS ({@code ee}) secret: DCs do not speak FakeTLS, an
         *     MTProxy front runs {@link FakeTlsServerHandshake} and {@link FakeTlsRecordLayer} itself
         */
        public Builder mtproxySecret(MtproxySecret secret) {
            if (secret != null && secret.mode() == MtproxySecret.Mode.FAKE_TLS) {
                throw new UnsupportedOperationException("a DC endpoint does not speak FakeTLS (ee secrets); an MTProxy front does");
            }
            this.secret = secret;
            return this;
        }

        /**
         * Sets the largest payload sent or accepted.
         *
         * @param maxFrameLength the limit in bytes, in {@code 1..Integer.MAX_VALUE-32}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxFrameLength(int maxFrameLength) {
            this.maxFrameLength = AbstractFrameCodec.checkedLimit(maxFrameLength);
            return this;
        }

        /**
         * Sets where padding bytes come from (padded intermediate replies).
         *
         * @param random the source; it is used from the encoding thread, so a source that is not
         *     thread-safe must not be shared between transports
         * @return this builder
         * @throws NullPointerException if {@code random} is null
         */
        public Builder random(RandomSource random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Builds a transport for one accepted connection.
         *
         * @return a new server transport, detecting
         */
        public ServerTransport build() {
            return new ServerTransport(this);
        }
    }
}
