package dev.mtproto.files;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Reads an {@link UploadSource} part after part, from the start, each part into an array of exactly its
 * length that is reused for the next part of that length: the part's call copies what it sends, so a
 * transfer allocates one part buffer, not one per part. Used by one thread at a time.
 */
abstract class PartReader implements AutoCloseable {
    private byte[] part = new byte[0];

    /**
     * @param source what to read
     * @return a reader at its start
     * @throws IOException if a file cannot be opened
     */
    static PartReader open(UploadSource source) throws IOException {
        if (source instanceof PathUploadSource p) {
            return new ChannelReader(FileChannel.open(p.path(), StandardOpenOption.READ));
        }
        if (source instanceof BytesUploadSource b) {
            return new ArrayReader(b.bytes());
        }
        return new StreamReader(((StreamUploadSource) source).in());
    }

    /**
     * @param length how many bytes
     * @return the next bytes, valid until the next call
     * @throws EOFException if the source ends sooner
     * @throws IOException if reading fails
     */
    final byte[] read(int length) throws IOException {
        if (part.length != length) {
            part = new byte[length];
        }
        fill(part);
        return part;
    }

    /**
     * @param part fills all of it with the next bytes
     * @throws EOFException if the source ends sooner
     * @throws IOException if reading fails
     */
    abstract void fill(byte[] part) throws IOException;

    /**
     * Passes over bytes without keeping them (a part the DC already has).
     *
     * @param length how many bytes
     * @throws IOException if reading fails or the source ends sooner
     */
    abstract void skip(int length) throws IOException;

    @Override
    public void close() throws IOException {
    }

    /** A file, read from its channel. */
    private static final class ChannelReader extends PartReader {
        private final FileChannel channel;
        private long position;

        ChannelReader(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        void fill(byte[] part) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(part);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw new EOFException("the file ended " + buffer.remaining() + " bytes before the length it had when the upload started");
                }
            }
            position += part.length;
        }

        @Override
        void skip(int length) {
            position += length;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Bytes in memory. */
    private static final class ArrayReader extends PartReader {
        private final byte[] bytes;
        private int position;

        ArrayReader(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        void fill(byte[] part) throws IOException {
            if (part.length > bytes.length - position) {
                throw new EOFException("the array is shorter than the upload");
            }
            System.arraycopy(bytes, position, part, 0, part.length);
            position += part.length;
        }

        @Override
        void skip(int length) {
            position += length;
        }
    }

    /** A stream, read in order. */
    private static final class StreamReader extends PartReader {
        private final InputStream in;

        StreamReader(InputStream in) {
            this.in = in;
        }

        @Override
        void fill(byte[] part) throws IOException {
            int n = in.readNBytes(part, 0, part.length);
            if (n < part.length) {
                throw new EOFException("the stream ended " + (part.length - n) + " bytes before the size given for it");
            }
        }

        @Override
        void skip(int length) throws IOException {
            in.skipNBytes(length);
        }
    }
}
