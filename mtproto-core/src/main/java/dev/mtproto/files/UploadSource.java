package dev.mtproto.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an upload reads: a file, a byte array or a stream of known length. Every source is read once, from the
 * start, in order, holding no more than the parts in flight in memory.
 */
public sealed interface UploadSource permits PathUploadSource, BytesUploadSource, StreamUploadSource {
    /**
     * @param path a regular file; its name is the upload's file name
     * @return the source
     * @throws UncheckedIOException if the file's length cannot be read
     * @throws IllegalArgumentException if the path has no file name
     */
    static UploadSource of(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            throw new IllegalArgumentException("the path has no file name: " + path);
        }
        try {
            return new PathUploadSource(path, name.toString(), Files.size(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the length of " + path, e);
        }
    }

    /**
     * @param bytes the content (not copied: do not change it during the upload)
     * @param fileName the name to give the file
     * @return the source
     */
    static UploadSource of(byte[] bytes, String fileName) {
        return new BytesUploadSource(bytes, fileName);
    }

    /**
     * @param in the content, read sequentially; the upload does not close it
     * @param size exactly how many bytes it gives (a stream that ends sooner fails the upload)
     * @param fileName the name to give the file
     * @return the source
     * @throws IllegalArgumentException if the size is negative
     */
    static UploadSource of(InputStream in, long size, String fileName) {
        return new StreamUploadSource(in, size, fileName);
    }

    /** @return the name given to the file */
    String fileName();

    /** @return its length in bytes */
    long size();
}
