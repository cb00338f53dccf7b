package dev.mtproto.testkit.world.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;

/**
 * A stored file's bytes, kept as the parts they were uploaded in (every chunk but the last holds
 * {@code chunkSize} bytes), never joined: a read copies only the bytes it answers with. Immutable: the
 * chunks are owned by this object and never written after it is made.
 */
public final class FileContent {
    private final byte[][] chunks;
    private final int chunkSize;
    private final long size;

    private FileContent(byte[][] chunks, int chunkSize, long size) {
        this.chunks = chunks;
        this.chunkSize = chunkSize;
        this.size = size;
    }

    /**
     * @param parts the parts in order, each of {@code partSize} bytes but the last, which holds 1 to
     *     {@code partSize}; owned by the result from now on (not copied)
     * @param partSize the size of every part but the last
     * @return the content
     * @throws IllegalArgumentException if a part's size does not fit
     */
    static FileContent ofParts(List<byte[]> parts, int partSize) {
        byte[][] chunks = parts.toArray(new byte[0][]);
        long size = 0;
        for (int i = 0; i < chunks.length; i++) {
            int n = chunks[i].length;
            if (i < chunks.length - 1 ? n != partSize : n < 1 || n > partSize) {
                throw new IllegalArgumentException("part " + i + " has " + n + " bytes; the part size is " + partSize);
            }
            size += n;
        }
        return new FileContent(chunks, Math.max(partSize, 1), size);
    }

    /**
     * @param bytes a whole file, owned by the result from now on (not copied)
     * @return the content, one chunk
     */
    public static FileContent of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return bytes.length == 0 ? new FileContent(new byte[0][], 1, 0) : new FileContent(new byte[][] {bytes}, bytes.length, bytes.length);
    }

    /** @return how many bytes the file has */
    public long size() {
        return size;
    }

    /**
     * @param offset where to start, 0 or more
     * @param limit how many bytes at most, 0 or more
     * @return the bytes from {@code offset}: {@code limit} of them, fewer at the end of the file, none at or
     *     past it
     * @throws IllegalArgumentException if the offset or the limit is negative
     */
    public byte[] read(long offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset " + offset + " and limit " + limit + " must not be negative");
        }
        if (offset >= size) {
            return new byte[0];
        }
        byte[] out = new byte[(int) Math.min(limit, size - offset)];
        int done = 0;
        int chunk = (int) (offset / chunkSize);
        int within = (int) (offset % chunkSize);
        while (done < out.length) {
            byte[] c = chunks[chunk];
            int n = Math.min(c.length - within, out.length - done);
            System.arraycopy(c, within, out, done, n);
            done += n;
            chunk++;
            within = 0;
        }
        return out;
    }

    /** @return every byte, joined (for small files: images to decode, tests) */
    public byte[] bytes() {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a file of " + size + " bytes does not fit one array");
        }
        return read(0, (int) size);
    }

    /**
     * @param algorithm a {@link MessageDigest} name such as {@code MD5} or {@code SHA-256}
     * @param offset where to start
     * @param length how many bytes (fewer at the end of the file)
     * @return the digest of those bytes, read in place
     */
    public byte[] digest(String algorithm, long offset, long length) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no " + algorithm, e);
        }
        long end = Math.min(size, offset + length);
        long at = offset;
        while (at < end) {
            int chunk = (int) (at / chunkSize);
            int within = (int) (at % chunkSize);
            int n = (int) Math.min(chunks[chunk].length - within, end - at);
            digest.update(chunks[chunk], within, n);
            at += n;
        }
        return digest.digest();
    }

    @Override
    public String toString() {
        return "FileContent{" + size + " bytes in " + chunks.length + " chunks}";
    }
}
