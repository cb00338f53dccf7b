package dev.mtproto.telegram.media;

import dev.mtproto.files.UploadSource;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A file to send, with what sending needs to know before the upload: its name, its first bytes (to sniff the
 * MIME type) and, for an image, its dimensions read from the header.
 */
abstract sealed class MediaFile {
    /** How many first bytes are looked at: enough for any magic number and most image headers. */
    static final int HEAD = 64 * 1024;

    private final String fileName;

    private MediaFile(String fileName) {
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        if (fileName.isBlank()) {
            throw new IllegalArgumentException("a file to send needs a name that is not blank");
        }
    }

    static MediaFile of(Path path) {
        Objects.requireNonNull(path, "path");
        Path name = path.getFileName();
        if (name == null) {
            throw new IllegalArgumentException("the path has no file name: " + path);
        }
        return new OnDisk(path, name.toString());
    }

    static MediaFile of(byte[] bytes, String fileName) {
        return new InMemory(Objects.requireNonNull(bytes, "bytes").clone(), fileName);
    }

    static MediaFile of(InputStream in, long size, String fileName) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be at least 0, got " + size);
        }
        return new Streamed(Objects.requireNonNull(in, "in"), size, fileName);
    }

    /** @return the name sent with the file */
    final String fileName() {
        return fileName;
    }

    /** @return the file's first bytes, at most {@link #HEAD} */
    abstract byte[] head();

    /** @return the image's dimensions, from its header */
    abstract Optional<Dimensions> imageDimensions();

    /** @return the source an upload reads (the name in its {@code InputFile} is the file's own) */
    abstract UploadSource upload();

    /** @return the length in bytes */
    abstract long size();

    /** A file on disk. */
    static final class OnDisk extends MediaFile {
        private final Path path;

        private OnDisk(Path path, String fileName) {
            super(fileName);
            this.path = path;
        }

        @Override
        byte[] head() {
            try (InputStream in = Files.newInputStream(path)) {
                return in.readNBytes(HEAD);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }

        @Override
        Optional<Dimensions> imageDimensions() {
            return ImageHeaders.of(path);
        }

        @Override
        UploadSource upload() {
            return UploadSource.of(path);
        }

        @Override
        long size() {
            try {
                return Files.size(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the length of " + path, e);
            }
        }
    }

    /** Bytes in memory (a private copy). */
    static final class InMemory extends MediaFile {
        private final byte[] bytes;

        private InMemory(byte[] bytes, String fileName) {
            super(fileName);
            this.bytes = bytes;
        }

        @Override
        byte[] head() {
            return Arrays.copyOf(bytes, Math.min(bytes.length, HEAD));
        }

        @Override
        Optional<Dimensions> imageDimensions() {
            return ImageHeaders.of(bytes);
        }

        @Override
        UploadSource upload() {
            return UploadSource.of(bytes, fileName());
        }

        @Override
        long size() {
            return bytes.length;
        }
    }

    /** A stream of known length, read once: its head is peeked through a buffer and read again by the upload. */
    static final class Streamed extends MediaFile {
        private final BufferedInputStream in;
        private final long size;
        private byte[] head;

        private Streamed(InputStream in, long size, String fileName) {
            super(fileName);
            this.in = new BufferedInputStream(in, HEAD);
            this.size = size;
        }

        @Override
        synchronized byte[] head() {
            if (head == null) {
                try {
                    in.mark(HEAD);
                    head = in.readNBytes(HEAD);
                    in.reset();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the stream of " + fileName(), e);
                }
            }
            return head.clone();
        }

        @Override
        Optional<Dimensions> imageDimensions() {
            return ImageHeaders.of(head());
        }

        @Override
        UploadSource upload() {
            return UploadSource.of(in, size, fileName());
        }

        @Override
        long size() {
            return size;
        }
    }
}
