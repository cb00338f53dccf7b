package dev.mtproto.transport;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * What the four framings share: argument checks, the reusable output buffer, side checks and
 * little-endian access. Subclasses supply the header layout and a {@link FrameReader}.
 */
abstract class AbstractFrameCodec implements FrameCodec {

    static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    /** Largest configurable limit: leaves room for headers, trailers and padding in an int. */
    static final int LARGEST_LIMIT = Integer.MAX_VALUE - 32;

    private final TransportKind kind;
    private final TransportSide side;
    private final int maxFrameLength;
    private final FrameReader reader;
    private byte[] out = new byte[512];

    AbstractFrameCodec(TransportKind kind, TransportSide side, int maxFrameLength) {
        this.kind = kind;
        this.side = Objects.requireNonNull(side, "side");
        this.maxFrameLength = checkedLimit(maxFrameLength);
        this.reader = newReader();
    }

    /**
     * @param maxFrameLength a configured frame limit
     * @return the limit
     * @throws IllegalArgumentException if it is not in {@code 1..}{@link #LARGEST_LIMIT}
     */
    static int checkedLimit(int maxFrameLength) {
        if (maxFrameLength <= 0 || maxFrameLength > LARGEST_LIMIT) {
            throw new IllegalArgumentException("maxFrameLength must be in 1.." + LARGEST_LIMIT + ": " + maxFrameLength);
        }
        return maxFrameLength;
    }

    /** Creates the decoder state machine; called once from the constructor. */
    abstract FrameReader newReader();

    /** Writes the frame for a checked payload; quickAck is only ever true on the client side. */
    abstract void writeFrame(byte[] payload, int off, int len, boolean quickAck, ByteSink sink);

    /**
     * Writes a checked quick-ack token (server side, kinds that support it). By default the token's 4
     * little-endian bytes, as the intermediate framings send it.
     */
    void writeQuickAck(int token, ByteSink sink) {
        byte[] o = outBuffer(4);
        INT_LE.set(o, 0, token);
        sink.write(o, 0, 4);
    }

    @Override
    public final TransportKind kind() {
        return kind;
    }

    @Override
    public final TransportSide side() {
        return side;
    }

    @Override
    public final int maxFrameLength() {
        return maxFrameLength;
    }

    @Override
    public final void encode(byte[] payload, int off, int len, boolean quickAck, ByteSink sink) {
        Objects.checkFromIndexSize(off, len, payload.length);
        Objects.requireNonNull(sink, "sink");
        if (len <= 0 || (len & 3) != 0) {
            throw new IllegalArgumentException(kind.displayName()
                    + ": payload length must be a positive multiple of 4, got " + len);
        }
        if (len > maxFrameLength) {
            throw new IllegalArgumentException(kind.displayName() + ": payload length " + len
                    + " exceeds the limit " + maxFrameLength);
        }
        if (quickAck && side == TransportSide.SERVER) {
            throw new IllegalStateException("only a client requests quick acks");
        }
        writeFrame(payload, off, len, quickAck, sink);
    }

    @Override
    public final void encodeQuickAck(int token, ByteSink sink) {
        Objects.requireNonNull(sink, "sink");
        requireServer("quick-ack tokens");
        if (!kind.supportsQuickAck()) {
            throw new IllegalStateException(kind.displayName() + " has no quick acks");
        }
        if (token >= 0) {
            throw new IllegalArgumentException("a quick-ack token has its most significant bit set: 0x"
                    + Integer.toHexString(token));
        }
        writeQuickAck(token, sink);
    }

    @Override
    public void encodeTransportError(int code, ByteSink sink) {
        Objects.requireNonNull(sink, "sink");
        requireServer("transport errors");
        if (code >= 0) {
            throw new IllegalArgumentException("a transport error code is negative: " + code);
        }
        byte[] body = new byte[4];
        INT_LE.set(body, 0, code);
        writeFrame(body, 0, 4, false, sink);
    }

    @Override
    public final void decode(byte[] in, int off, int len, FrameListener listener) {
        reader.decode(in, off, len, listener);
    }

    /** Returns the output buffer, grown to at least {@code size} bytes. */
    final byte[] outBuffer(int size) {
        if (out.length < size) {
            out = new byte[(int) Math.max(size, Math.min(Integer.MAX_VALUE - 16, out.length * 2L))];
        }
        return out;
    }

    private void requireServer(String what) {
        if (side != TransportSide.SERVER) {
            throw new IllegalStateException("only a server sends " + what);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + side + ", max " + maxFrameLength + "]";
    }
}
