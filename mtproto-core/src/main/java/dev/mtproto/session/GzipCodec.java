package dev.mtproto.session;

import dev.mtproto.tl.TlDecodeException;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * gzip for {@code gzip_packed} (RFC 1952 around raw deflate), with one {@link Deflater}, {@link Inflater}
 * and {@link CRC32} reused per connection. Inflating trusts no length: the size the trailer declares is
 * checked against a limit before anything is allocated, and inflating more than declared is an error, so a
 * compression bomb cannot exhaust memory. Not thread-safe.
 */
public final class GzipCodec {
    private static final int HEADER = 10;
    private static final int TRAILER = 8;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    /** Inputs longer than this are probed ({@link #gzipIfSmaller}) before the whole is compressed. */
    static final int PROBE_ABOVE = 64 * 1024;
    /** How much of a long input the probe compresses. */
    static final int PROBE_LENGTH = 8 * 1024;

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final int maxInflatedSize;
    private byte[] scratch = new byte[4096];

    /**
     * @param maxInflatedSize the largest decompressed size accepted
     */
    public GzipCodec(int maxInflatedSize) {
        this.maxInflatedSize = maxInflatedSize;
    }

    /**
     * Compresses {@code data} into gzip format if that makes it smaller: for {@code gzip_packed}, which costs
     * 8 bytes of its own. An input over {@value #PROBE_ABOVE} bytes is first probed: if its first
     * {@value #PROBE_LENGTH} bytes do not shrink by at least 1/32 (media, encrypted or already compressed
     * data, which deflate only slows down), the whole is not compressed.
     *
     * @param data the source
     * @param offset first byte
     * @param length how many bytes
     * @return the gzip bytes, at least 9 shorter than {@code length}, or {@code null} if gzip does not pay
     */
    public byte[] gzipIfSmaller(byte[] data, int offset, int length) {
        if (length > PROBE_ABOVE && !shrinks(data, offset, PROBE_LENGTH)) {
            return null;
        }
        byte[] gz = gzip(data, offset, length);
        return gz.length + 8 < length ? gz : null;
    }

    private boolean shrinks(byte[] data, int offset, int length) {
        deflater.reset();
        deflater.setInput(data, offset, length);
        deflater.finish();
        if (scratch.length < length) {
            scratch = new byte[length];
        }
        int target = length - length / 32;
        int p = 0;
        while (!deflater.finished() && p < target) {
            p += deflater.deflate(scratch, p, target - p);
        }
        return deflater.finished() && p < target;
    }

    /**
     * Compresses {@code data} into gzip format.
     *
     * @param data the source
     * @param offset first byte
     * @param length how many bytes
     * @return the gzip bytes
     */
    public byte[] gzip(byte[] data, int offset, int length) {
        deflater.reset();
        deflater.setInput(data, offset, length);
        deflater.finish();
        int need = HEADER + length + length / 1000 + 64 + TRAILER;
        if (scratch.length < need) {
            scratch = new byte[need];
        }
        byte[] out = scratch;
        out[0] = 0x1f;
        out[1] = (byte) 0x8b;
        out[2] = 8;        // deflate
        out[3] = 0;        // no flags
        out[4] = out[5] = out[6] = out[7] = 0; // no mtime
        out[8] = 0;
        out[9] = (byte) 0xff; // unknown OS
        int p = HEADER;
        while (!deflater.finished()) {
            if (p == out.length - TRAILER) {
                out = Arrays.copyOf(out, out.length * 2);
                scratch = out;
            }
            p += deflater.deflate(out, p, out.length - TRAILER - p);
        }
        crc.reset();
        crc.update(data, offset, length);
        writeIntLe(out, p, (int) crc.getValue());
        writeIntLe(out, p + 4, length);
        return Arrays.copyOf(out, p + TRAILER);
    }

    /**
     * Decompresses gzip data.
     *
     * @param gz the gzip bytes
     * @return the decompressed bytes
     * @throws TlDecodeException if the data is not valid gzip, declares more than the limit, inflates to a
     *     size other than declared, or fails its CRC
     */
    public byte[] gunzip(byte[] gz) {
        if (gz.length < HEADER + TRAILER || (gz[0] & 0xff) != 0x1f || (gz[1] & 0xff) != 0x8b || gz[2] != 8) {
            throw problem("not gzip data (bad magic or method)");
        }
        int flags = gz[3] & 0xff;
        int p = HEADER;
        if ((flags & FEXTRA) != 0) {
            if (p + 2 > gz.length) {
                throw problem("truncated gzip header");
            }
            p += 2 + ((gz[p] & 0xff) | (gz[p + 1] & 0xff) << 8);
        }
        if ((flags & FNAME) != 0) {
            p = skipZeroTerminated(gz, p);
        }
        if ((flags & FCOMMENT) != 0) {
            p = skipZeroTerminated(gz, p);
        }
        if ((flags & FHCRC) != 0) {
            p += 2;
        }
        if (p > gz.length - TRAILER) {
            throw problem("truncated gzip header");
        }
        int expectedCrc = readIntLe(gz, gz.length - 8);
        long declared = readIntLe(gz, gz.length - 4) & 0xffffffffL;
        if (declared > maxInflatedSize) {
            throw problem("gzip_packed declares " + declared + " bytes, more than the limit of " + maxInflatedSize);
        }
        byte[] out = new byte[(int) declared];
        inflater.reset();
        inflater.setInput(gz, p, gz.length - TRAILER - p);
        try {
            int n = 0;
            while (n < out.length) {
                int got = inflater.inflate(out, n, out.length - n);
                if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            if (n != out.length) {
                throw problem("gzip data inflates to " + n + " bytes, the trailer declares " + declared);
            }
            if (!inflater.finished()) {
                byte[] probe = new byte[1];
                if (inflater.inflate(probe) > 0 || !inflater.finished()) {
                    throw problem("gzip data inflates to more than the " + declared + " bytes its trailer declares");
                }
            }
        } catch (DataFormatException e) {
            throw problem("corrupt deflate data: " + e.getMessage());
        }
        crc.reset();
        crc.update(out, 0, out.length);
        if ((int) crc.getValue() != expectedCrc) {
            throw problem("gzip CRC32 mismatch");
        }
        return out;
    }

    private static int skipZeroTerminated(byte[] b, int p) {
        while (p < b.length && b[p] != 0) {
            p++;
        }
        return p + 1;
    }

    private static TlDecodeException problem(String what) {
        return new TlDecodeException(0, "gzip_packed: " + what);
    }

    private static void writeIntLe(byte[] b, int p, int v) {
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >>> 8);
        b[p + 2] = (byte) (v >>> 16);
        b[p + 3] = (byte) (v >>> 24);
    }

    private static int readIntLe(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
    }

    /** Releases the native memory of the deflater and inflater. */
    public void close() {
        deflater.end();
        inflater.end();
    }
}
