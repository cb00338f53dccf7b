package dev.mtproto.transport;

import dev.mtproto.crypto.RandomSource;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The client end of one transport connection, sans-IO: a framing codec, optionally under an
 * obfuscated2 layer (with or without an MTProxy secret), and with a FakeTLS ({@code ee}) secret under
 * {@linkplain FakeTlsRecordLayer TLS records} too. Write {@link #connectionPreamble()} to the
 * socket once after connecting, then {@link #encode} each outgoing MTProto packet, and feed whatever the
 * socket delivers to {@link #decode}.
 *
 * <pre>{@code
 * ClientTransport t = ClientTransport.builder(TransportKind.PADDED_INTERMEDIATE)
 *         .mtproxySecret(MtproxySecret.fromHex("dd...")).dcId(2).build();
 * out.write(t.connectionPreamble());
 * t.encode(packet, 0, packet.length, false, out::write);
 * t.decode(readBuffer, 0, n, listener);
 * }</pre>
 *
 * <p>Threading: one thread may encode while another decodes; neither direction is safe for concurrent
 * use by several threads.
 */
public final class ClientTransport {

    private final TransportKind kind;
    private final ObfuscatedStream obfuscation;
    private final TransportStack stack;
    private final byte[] preamble;

    private ClientTransport(Builder b) {
        this.kind = b.kind;
        RandomSource random = b.random != null ? b.random : RandomSource.secure();
        FrameCodec codec = kind.newCodec(TransportSide.CLIENT, b.maxFrameLength, random);
        if (b.obfuscated) {
            Obfuscated2Header header = Obfuscated2Header.generate(kind, b.dcId, random);
            this.obfuscation = ObfuscatedStream.client(header, b.secret);
            boolean fakeTls = b.secret != null && b.secret.mode() == MtproxySecret.Mode.FAKE_TLS;
            this.stack = new TransportStack(codec, fakeTls ? List.of(obfuscation, FakeTlsRecordLayer.client())
                    : List.of(obfuscation));
            this.preamble = stack.preamble(new byte[0]);
        } else {
            this.obfuscation = null;
            this.stack = new TransportStack(codec, List.of());
            this.preamble = stack.preamble(kind.connectionTag());
        }
    }

    /**
     * Starts configuring a client transport.
     *
     * @param kind the framing to speak
     * @return a builder with defaults: no obfuscation, limit {@link FrameCodec#DEFAULT_MAX_FRAME_LENGTH},
     *     a new {@link RandomSource#secure()} for each transport built
     * @throws NullPointerException if {@code kind} is null
     */
    public static Builder builder(TransportKind kind) {
        return new Builder(kind);
    }

    /**
     * Returns the bytes to send once, before the first frame: the connection tag ({@code ef},
     * {@code eeeeeeee}, {@code dddddddd}, nothing for full), or the 64-byte obfuscated2 header; with a
     * FakeTLS secret, change_cipher_spec and that header in a TLS record (the ClientHello exchange,
     * {@link FakeTlsClientHandshake}, must be done on the connection before). Always the same bytes for
     * this connection.
     *
     * @return a fresh copy of the preamble
     */
    public byte[] connectionPreamble() {
        return preamble.clone();
    }

    /**
     * Frames (and, if obfuscated, encrypts) one MTProto packet and writes it to {@code out} in one
     * call. The payload array is not modified.
     *
     * @param payload the array holding the packet
     * @param off the index of its first byte
     * @param len its length: positive, a multiple of 4, at most the configured limit
     * @param quickAck ask the server for a quick ack (ignored by {@link TransportKind#FULL})
     * @param out where the wire bytes go; valid only during the call
     * @throws IllegalArgumentException if {@code len} is not acceptable
     * @throws IndexOutOfBoundsException if {@code off}/{@code len} do not fit {@code payload}
     */
    public void encode(byte[] payload, int off, int len, boolean quickAck, ByteSink out) {
        stack.encode(payload, off, len, quickAck, out);
    }

    /**
     * Consumes bytes received from the socket, in chunks of any size, reporting frames, quick-ack tokens
     * and transport errors to {@code listener}. When obfuscated, {@code in[off, off+len)} is decrypted in
     * place: the caller's read buffer is consumed.
     *
     * @param in the array holding the received bytes
     * @param off the index of the first byte
     * @param len the number of bytes
     * @param listener receives what was decoded (its default {@code onTransportError} throws)
     * @throws FrameTooLargeException if a frame announces a payload above the limit
     * @throws TransportException if the stream is malformed, or an earlier call failed
     * @throws IndexOutOfBoundsException if {@code off}/{@code len} do not fit {@code in}
     */
    public void decode(byte[] in, int off, int len, FrameListener listener) {
        stack.decode(in, off, len, listener);
    }

    /**
     * Returns the framing.
     *
     * @return the kind
     */
    public TransportKind kind() {
        return kind;
    }

    /**
     * Tells whether the stream is obfuscated.
     *
     * @return {@code true} with obfuscated2
     */
    public boolean obfuscated() {
        return obfuscation != null;
    }

    /**
     * Returns the largest payload sent or accepted.
     *
     * @return the limit in bytes
     */
    public int maxFrameLength() {
        return stack.codec().maxFrameLength();
    }

    @Override
    public String toString() {
        return "ClientTransport[" + kind + (obfuscation != null ? ", " + obfuscation.header() : "") + "]";
    }

    /** Configures a {@link ClientTransport}; not thread-safe, reusable. */
    public static final class Builder {
        private final TransportKind kind;
        private boolean obfuscated;
        private MtproxySecret secret;
        private OptionalInt dcId = OptionalInt.empty();
        private int maxFrameLength = FrameCodec.DEFAULT_MAX_FRAME_LENGTH;
        private RandomSource random;

        private Builder(TransportKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        /**
         * Wraps the framing in obfuscated2 (required through MTProxy, useful against DPI).
         *
         * @param obfuscated whether to obfuscate
         * @return this builder
         */
        public Builder obfuscated(boolean obfuscated) {
            this.obfuscated = obfuscated;
            return this;
        }

        /**
         * Connects through an MTProxy with this secret; implies obfuscation.
         *
         * @param secret the proxy's secret, or null for a direct connection
         * @return this builder
         */
        public Builder mtproxySecret(MtproxySecret secret) {
            this.secret = secret;
            if (secret != null) {
                this.obfuscated = true;
            }
            return this;
        }

        /**
         * Sets the DC id written into the obfuscated2 header, as computed by
         * {@link Obfuscated2Header#dcIdField} (negative for media DCs, +10000 for test DCs). An MTProxy
         * needs it to pick the DC.
         *
         * @param dcId the int16 field value
         * @return this builder
         * @throws IllegalArgumentException if {@code dcId} does not fit an int16
         */
        public Builder dcId(int dcId) {
            if (dcId < Short.MIN_VALUE || dcId > Short.MAX_VALUE) {
                throw new IllegalArgumentException("DC id does not fit an int16: " + dcId);
            }
            this.dcId = OptionalInt.of(dcId);
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
         * Sets where the obfuscated2 header and the padding come from.
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
         * Builds the transport; with obfuscation this draws the init header.
         *
         * @return a new transport for one connection
         * @throws IllegalArgumentException if the full transport is to be obfuscated, a {@code dd} or
         *     {@code ee} secret is combined with a framing other than padded intermediate, or a DC id is set
         *     without obfuscation
         */
        public ClientTransport build() {
            if (obfuscated && !kind.supportsObfuscation()) {
                throw new IllegalArgumentException("the full transport cannot be obfuscated");
            }
            if (secret != null && secret.mode() != MtproxySecret.Mode.SIMPLE && kind != TransportKind.PADDED_INTERMEDIATE) {
                throw new IllegalArgumentException("a dd or ee MTProxy secret requires the padded intermediate transport, not "
                        + kind.displayName());
            }
            if (!obfuscated && dcId.isPresent()) {
                throw new IllegalArgumentException("a DC id is only sent in an obfuscated2 header");
            }
            return new ClientTransport(this);
        }
    }
}
