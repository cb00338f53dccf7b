package dev.mtproto.transport;

import java.util.Objects;

/**
 * The decoding state machine every framing shares: read a header of a length the first byte decides,
 * let the framing turn it into a body length (or a complete event), read the body, hand it over.
 *
 * <p>Accepts arbitrary chunking. A body that lies entirely inside one input chunk is handed to the
 * framing as a view into that chunk (no copy); otherwise it is assembled in a reusable buffer that
 * grows with the bytes actually received up to 64 KiB, so a hostile length costs no memory before its bytes
 * arrive; once 64 KiB of a larger body have arrived, the buffer takes the body's whole (checked) length at
 * once rather than doubling its way there (a 1 MiB file part would otherwise be copied four more times).
 * Any exception (from the framing or the listener) leaves the reader failed: later calls throw.
 */
abstract class FrameReader {

    /** {@link #bodyLength} result: the header was a complete event and has been reported. */
    static final int HEADER_ONLY = -1;
    /** {@link #bodyLength} result: the stream ended (a raw transport error); ignore all further bytes. */
    static final int END_OF_STREAM = -2;

    private static final int MAX_HEADER = 8;
    private static final int INITIAL_BODY_CHUNK = 4096;
    /** Up to this, a partial body's buffer grows by doubling, with the bytes received. */
    private static final int GROWN_BY_DOUBLING = 64 * 1024;
    /**
     * A body buffer grown past this is let go after its frame, so that a connection keeps at most room for
     * one file part (a 1 MiB download part with its headers) and a transfer does not allocate one per part.
     */
    private static final int KEPT_BODY_BUFFER = (1 << 20) + 64 * 1024;

    private final String transport;
    private final byte[] head = new byte[MAX_HEADER];
    private int headHave;
    private int headNeed;
    private boolean inBody;
    private int bodyLen;
    private int bodyHave;
    private byte[] body = new byte[0];
    private boolean ended;
    private RuntimeException failure;

    FrameReader(String transport) {
        this.transport = transport;
    }

    /** Returns the header length (1..8) for a frame whose first byte is {@code firstByte} (0..255). */
    abstract int headerLength(int firstByte);

    /**
     * Interprets a complete header. Returns the body length to read (at least 1), or {@link #HEADER_ONLY}
     * after reporting the event the header was, or {@link #END_OF_STREAM}.
     *
     * @throws TransportException if the header is invalid
     */
    abstract int bodyLength(byte[] header, int headerLen, FrameListener listener);

    /** Handles a complete body; {@code header} still holds the frame's header. */
    abstract void frame(byte[] header, byte[] buf, int off, int len, FrameListener listener);

    final void decode(byte[] in, int off, int len, FrameListener listener) {
        Objects.checkFromIndexSize(off, len, in.length);
        Objects.requireNonNull(listener, "listener");
        if (failure != null) {
            throw new TransportException(transport + ": the stream already failed: " + failure.getMessage(), failure);
        }
        try {
            run(in, off, off + len, listener);
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    private void run(byte[] in, int off, int end, FrameListener listener) {
        while (off < end && !ended) {
            if (!inBody) {
                if (headHave == 0) {
                    headNeed = headerLength(in[off] & 0xff);
                }
                int n = Math.min(headNeed - headHave, end - off);
                System.arraycopy(in, off, head, headHave, n);
                headHave += n;
                off += n;
                if (headHave < headNeed) {
                    return;
                }
                headHave = 0;
                int length = bodyLength(head, headNeed, listener);
                if (length == END_OF_STREAM) {
                    ended = true;
                } else if (length != HEADER_ONLY) {
                    inBody = true;
                    bodyLen = length;
                    bodyHave = 0;
                }
            } else if (bodyHave == 0 && end - off >= bodyLen) {
                inBody = false;
                int start = off;
                off += bodyLen;
                frame(head, in, start, bodyLen, listener);
            } else {
                int n = Math.min(bodyLen - bodyHave, end - off);
                ensureBody(bodyHave + n);
                System.arraycopy(in, off, body, bodyHave, n);
                bodyHave += n;
                off += n;
                if (bodyHave == bodyLen) {
                    inBody = false;
                    frame(head, body, 0, bodyLen, listener);
                    if (body.length > KEPT_BODY_BUFFER) {
                        body = new byte[0];
                    }
                }
            }
        }
    }

    private void ensureBody(int needed) {
        if (body.length < needed) {
            long grown = body.length >= GROWN_BY_DOUBLING ? bodyLen : Math.max((long) body.length * 2, INITIAL_BODY_CHUNK);
            body = java.util.Arrays.copyOf(body, (int) Math.max(needed, Math.min(grown, bodyLen)));
        }
    }

    /** Builds the exception for a malformed stream, prefixed with the transport's name. */
    final TransportException malformed(String what) {
        return new TransportException(transport + ": " + what);
    }
}
