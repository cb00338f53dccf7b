package dev.mtproto.transport;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What a decoder can find in an inbound stream, as immutable values: a frame, a quick-ack token or a
 * transport error. The allocation-free path is {@link FrameListener}; these values are for code that
 * prefers to collect events (tests, the testkit, simple tools) via {@link #collectInto(List)}.
 */
public sealed interface InboundEvent permits InboundEvent.Frame, InboundEvent.QuickAck, InboundEvent.TransportError {

    /**
     * A complete frame.
     *
     * @param payload the payload (a private copy)
     * @param quickAckRequested whether the client asked for a quick ack (server side only)
     */
    record Frame(byte[] payload, boolean quickAckRequested) implements InboundEvent {
        /**
         * Copies the payload so the record stays immutable.
         *
         * @param payload the payload bytes
         * @param quickAckRequested whether a quick ack was requested
         * @throws NullPointerException if {@code payload} is null
         */
        public Frame {
            payload = payload.clone();
        }

        /**
         * Returns a copy of the payload.
         *
         * @return the payload bytes
         */
        @Override
        public byte[] payload() {
            return payload.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Frame f && f.quickAckRequested == quickAckRequested && Arrays.equals(f.payload, payload);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(payload) * 31 + Boolean.hashCode(quickAckRequested);
        }

        @Override
        public String toString() {
            String hex = HexFormat.of().formatHex(payload, 0, Math.min(payload.length, 32));
            return "Frame[" + payload.length + " bytes " + hex + (payload.length > 32 ? "..." : "")
                    + (quickAckRequested ? ", quick ack requested]" : "]");
        }
    }

    /**
     * A quick-ack token sent by the server.
     *
     * @param token the 32-bit token, most significant bit set
     */
    record QuickAck(int token) implements InboundEvent {
    }

    /**
     * A transport error sent by the server.
     *
     * @param code the negative error code
     */
    record TransportError(int code) implements InboundEvent {
    }

    /**
     * Returns a listener that appends every event to {@code events}, copying frame payloads. Transport
     * errors are recorded, not thrown.
     *
     * @param events the list to append to
     * @return a listener feeding {@code events}
     * @throws NullPointerException if {@code events} is null
     */
    static FrameListener collectInto(List<? super InboundEvent> events) {
        Objects.requireNonNull(events, "events");
        return new FrameListener() {
            @Override
            public void onFrame(byte[] buf, int off, int len, boolean quickAckRequested) {
                events.add(new Frame(Arrays.copyOfRange(buf, off, off + len), quickAckRequested));
            }

            @Override
            public void onQuickAck(int token) {
                events.add(new QuickAck(token));
            }

            @Override
            public void onTransportError(int code) {
                events.add(new TransportError(code));
            }
        };
    }
}
