package dev.mtproto.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Writes a download's bytes, in order, to its {@link DownloadTarget}. Used by one thread at a time (the
 * download's pump). Parts come as read-only views of the decoded answers' bytes, so nothing is copied on
 * the way here; a stream or memory target takes them through one small reused chunk array.
 */
abstract class DownloadSink {
    /** The size of the array a part is passed through to an {@code OutputStream}. */
    static final int CHUNK = 64 * 1024;

    /**
     * @param target where to write
     * @param partSize the download's part size (a resumed file keeps what it has, rounded down to it)
     * @return the sink, not yet opened
     */
    static DownloadSink of(DownloadTarget target, int partSize) {
        if (target instanceof PathTarget p) {
            return new FileSink(p.path(), p.resume(), partSize);
        }
        if (target instanceof StreamTarget s) {
            return new StreamSink(s.out());
        }
        return new BytesSink();
    }

    /**
     * Opens the target.
     *
     * @param rangeLength the length of the range to write, or -1 if unknown
     * @return how many bytes of the range the target has already (a resumed file), to be skipped
     * @throws IOException if the file cannot be opened
     */
    abstract long open(long rangeLength) throws IOException;

    /**
     * @param bytes the bytes to write, from its position to its limit; the position is moved to the limit
     * @throws IOException if writing fails
     */
    abstract void write(ByteBuffer bytes) throws IOException;

    /**
     * Flushes and closes (not a stream the caller gave).
     *
     * @param written the bytes written by this download
     * @return the result
     * @throws IOException if that fails
     */
    abstract DownloadResult finish(long written) throws IOException;

    /** Closes after a failure, keeping what was written (a file can be resumed). */
    abstract void abort();

    /** A file on disk, new or continued. */
    private static final class FileSink extends DownloadSink {
        private final Path path;
        private final boolean resume;
        private final int partSize;
        private FileChannel channel;

        FileSink(Path path, boolean resume, int partSize) {
            this.path = path;
            this.resume = resume;
            this.partSize = partSize;
        }

        @Override
        long open(long rangeLength) throws IOException {
            if (!resume) {
                channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                return 0;
            }
            long have = Files.exists(path) ? Files.size(path) : 0;
            long keep = have - have % partSize;
            if (rangeLength >= 0 && keep > rangeLength) {
                keep = rangeLength;
            }
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.truncate(keep);
            channel.position(keep);
            return keep;
        }

        @Override
        void write(ByteBuffer bytes) throws IOException {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }

        @Override
        DownloadResult finish(long written) throws IOException {
            channel.close();
            return new DownloadResult(written, Optional.of(path), Optional.empty());
        }

        @Override
        void abort() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // what was written stays; the failure that ended the download is what matters
                }
            }
        }
    }

    /**
     * Passes a buffer to a stream: straight from its array when it has an accessible one, else through
     * {@code chunk} (a read-only view must not hand its array to a stream that could keep or change it).
     */
    static void copy(ByteBuffer bytes, OutputStream out, byte[] chunk) throws IOException {
        if (bytes.hasArray()) {
            out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            bytes.position(bytes.limit());
            return;
        }
        while (bytes.hasRemaining()) {
            int n = Math.min(chunk.length, bytes.remaining());
            bytes.get(chunk, 0, n);
            out.write(chunk, 0, n);
        }
    }

    /** A caller's stream. */
    private static final class StreamSink extends DownloadSink {
        private final OutputStream out;
        private final byte[] chunk = new byte[CHUNK];

        StreamSink(OutputStream out) {
            this.out = out;
        }

        @Override
        long open(long rangeLength) {
            return 0;
        }

        @Override
        void write(ByteBuffer bytes) throws IOException {
            copy(bytes, out, chunk);
        }

        @Override
        DownloadResult finish(long written) throws IOException {
            out.flush();
            return new DownloadResult(written, Optional.empty(), Optional.empty());
        }

        @Override
        void abort() {
        }
    }

    /** Memory. */
    private static final class BytesSink extends DownloadSink {
        private static final int MAX_PRESIZE = 64 * 1024 * 1024;
        private ByteArrayOutputStream out;
        private final byte[] chunk = new byte[CHUNK];

        @Override
        long open(long rangeLength) {
            out = new ByteArrayOutputStream(rangeLength < 0 ? 64 * 1024 : (int) Math.min(rangeLength, MAX_PRESIZE));
            return 0;
        }

        @Override
        void write(ByteBuffer bytes) throws IOException {
            copy(bytes, out, chunk);
        }

        @Override
        DownloadResult finish(long written) {
            byte[] content = out.toByteArray();
            return new DownloadResult(written, Optional.empty(), Optional.of(content));
        }

        @Override
        void abort() {
        }
    }
}
