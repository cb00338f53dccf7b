package dev.mtproto.files;

import java.nio.file.Path;
import java.util.Objects;

/** A file on disk to upload. */
record PathUploadSource(Path path, String fileName, long size) implements UploadSource {
    PathUploadSource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fileName, "fileName");
    }
}
