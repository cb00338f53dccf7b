package dev.mtproto.transport;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Objects;

/**
 * A framing codec under zero or more stream layers, wired once: outbound bytes run codec, layer 0,
 * layer 1, ..., socket; inbound bytes the reverse. Layer 0 is the one nearest the codec. The sinks
 * between stages are built at construction, so a call allocates nothing.
 */
final class TransportStack {

    private final FrameCodec codec;
    private final List<StreamLayer> layers;
    private final ByteSink outboundEntry;
    private final ByteSink inboundEntry;
    private ByteSink socket;
    private FrameListener listener;

    TransportStack(FrameCodec codec, List<StreamLayer> layers) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.layers = List.copyOf(layers);
        ByteSink down = (b, off, len) -> socket.write(b, off, len);
        for (int i = this.layers.size() - 1; i >= 0; i--) {
            StreamLayer layer = this.layers.get(i);
            ByteSink next = down;
            down = (b, off, len) -> layer.outbound(b, off, len, next);
        }
        this.outboundEntry = down;
        ByteSink up = (b, off, len) -> codec.decode(b, off, len, listener);
        for (StreamLayer layer : this.layers) {
            ByteSink next = up;
            up = (b, off, len) -> layer.inbound(b, off, len, next);
        }
        this.inboundEntry = up;
    }

    FrameCodec codec() {
        return codec;
    }

    /**
     * Computes what goes on the wire before the first frame: starting from {@code inner} (the codec's
     * connection tag, or nothing when a layer announces the framing itself), each layer from the codec
     * outwards prepends its own preamble to the inner bytes it has transformed.
     */
    byte[] preamble(byte[] inner) {
        byte[] bytes = inner.clone();
        for (StreamLayer layer : layers) {
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            wire.writeBytes(layer.preamble());
            layer.outbound(bytes, 0, bytes.length, wire::write);
            bytes = wire.toByteArray();
        }
        return bytes;
    }

    void encode(byte[] payload, int off, int len, boolean quickAck, ByteSink out) {
        Objects.requireNonNull(out, "out");
        socket = out;
        try {
            codec.encode(payload, off, len, quickAck, outboundEntry);
        } finally {
            socket = null;
        }
    }

    void encodeQuickAck(int token, ByteSink out) {
        Objects.requireNonNull(out, "out");
        socket = out;
        try {
            codec.encodeQuickAck(token, outboundEntry);
        } finally {
            socket = null;
        }
    }

    void encodeTransportError(int code, ByteSink out) {
        Objects.requireNonNull(out, "out");
        socket = out;
        try {
            codec.encodeTransportError(code, outboundEntry);
        } finally {
            socket = null;
        }
    }

    void decode(byte[] in, int off, int len, FrameListener l) {
        Objects.checkFromIndexSize(off, len, in.length);
        listener = Objects.requireNonNull(l, "listener");
        try {
            inboundEntry.write(in, off, len);
        } finally {
            listener = null;
        }
    }
}
