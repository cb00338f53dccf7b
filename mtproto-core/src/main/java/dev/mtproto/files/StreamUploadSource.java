package dev.mtproto.files;

import java.io.InputStream;
import java.util.Objects;

/** A stream of known length to upload. */
record StreamUploadSource(InputStream in, long size, String fileName) implements UploadSource {
    StreamUploadSource {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(fileName, "fileName");
        if (size < 0) {
            throw new IllegalArgumentException("size must be at least 0, got " + size);
        }
    }
}
