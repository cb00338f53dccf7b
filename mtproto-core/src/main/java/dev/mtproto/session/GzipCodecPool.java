package dev.mtproto.session;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link GzipCodec}s shared by every session of the JVM: a codec holds native zlib state (a deflater of a
 * few hundred KB), too much to keep one per idle session. A codec is borrowed for one gzip or gunzip and
 * given back; at most {@link #KEPT} idle ones are kept. Thread-safe.
 */
final class GzipCodecPool {
    /** How many idle codecs are kept; more borrowed at once are made and freed as needed. */
    static final int KEPT = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);

    private static final ConcurrentLinkedQueue<GzipCodec> IDLE = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger IDLE_COUNT = new AtomicInteger();

    private GzipCodecPool() {
    }

    /**
     * Decompresses gzip data with a pooled codec.
     *
     * @param gz the gzip bytes
     * @return the decompressed bytes, at most {@link ClientSession#MAX_INFLATED_SIZE}
     * @throws dev.mtproto.tl.TlDecodeException as {@link GzipCodec#gunzip}
     */
    static byte[] gunzip(byte[] gz) {
        GzipCodec codec = borrow();
        try {
            return codec.gunzip(gz);
        } finally {
            giveBack(codec);
        }
    }

    /**
     * Compresses with a pooled codec.
     *
     * @param data the source
     * @param offset first byte
     * @param length how many bytes
     * @return the gzip bytes
     */
    static byte[] gzip(byte[] data, int offset, int length) {
        GzipCodec codec = borrow();
        try {
            return codec.gzip(data, offset, length);
        } finally {
            giveBack(codec);
        }
    }

    /**
     * Compresses with a pooled codec if that pays; see {@link GzipCodec#gzipIfSmaller}.
     *
     * @param data the source
     * @param offset first byte
     * @param length how many bytes
     * @return the gzip bytes, or {@code null} if gzip does not make the data smaller
     */
    static byte[] gzipIfSmaller(byte[] data, int offset, int length) {
        GzipCodec codec = borrow();
        try {
            return codec.gzipIfSmaller(data, offset, length);
        } finally {
            giveBack(codec);
        }
    }

    private static GzipCodec borrow() {
        GzipCodec codec = IDLE.poll();
        if (codec == null) {
            return new GzipCodec(ClientSession.MAX_INFLATED_SIZE);
        }
        IDLE_COUNT.decrementAndGet();
        return codec;
    }

    private static void giveBack(GzipCodec codec) {
        if (IDLE_COUNT.incrementAndGet() <= KEPT) {
            IDLE.offer(codec);
        } else {
            IDLE_COUNT.decrementAndGet();
            codec.close();
        }
    }
}
