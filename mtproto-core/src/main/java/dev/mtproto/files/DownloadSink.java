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
 * download's pump).
 */
abstract class DownloadSink {

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
     * @param bytes an array
     * @param from its first byte to write
     * @param to the end (exclusive)
     * @throws IOException if writing fails
     */
    abstract void write(byte[] bytes, int from, int to) throws IOException;

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
        void write(byte[] bytes, int from, int to) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, from, to - from);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
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

    /** A caller's stream. */
    private static final class StreamSink extends DownloadSink {
        private final OutputStream out;

        StreamSink(OutputStream out) {
            this.out = out;
        }

        @Override
        long open(long rangeLength) {
            return 0;
        }

        @Override
        void write(byte[] bytes, int from, int to) throws IOException {
            out.write(bytes, from, to - from);
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

        @Override
        long open(long rangeLength) {
            out = new ByteArrayOutputStream(rangeLength < 0 ? 64 * 1024 : (int) Math.min(rangeLength, MAX_PRESIZE));
            return 0;
        }

        @Override
        void write(byte[] bytes, int from, int to) {
            out.write(bytes, from, to - from);
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
