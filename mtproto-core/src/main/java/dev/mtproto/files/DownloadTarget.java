package dev.mtproto.files;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

/** Where a download writes: a file (new, or a partial one to continue), a stream, or memory. */
public sealed interface DownloadTarget permits PathTarget, StreamTarget, BytesTarget {
    /**
     * @param path the file to write; replaced if it exists
     * @return the target
     */
    static DownloadTarget toPath(Path path) {
        return new PathTarget(Objects.requireNonNull(path, "path"), false);
    }

    /**
     * Continues a partial file: the bytes already there, rounded down to the part size, are kept and the
     * download starts after them (a file that does not exist yet is started).
     *
     * @param path the partial file
     * @return the target
     */
    static DownloadTarget resumePath(Path path) {
        return new PathTarget(Objects.requireNonNull(path, "path"), true);
    }

    /**
     * @param out gets the bytes in order; the download does not close it
     * @return the target
     */
    static DownloadTarget toStream(OutputStream out) {
        return new StreamTarget(Objects.requireNonNull(out, "out"));
    }

    /** @return a target that collects the bytes in {@link DownloadResult#content()} */
    static DownloadTarget toBytes() {
        return new BytesTarget();
    }
}
