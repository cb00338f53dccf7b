package dev.mtproto.files;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a download wrote.
 *
 * @param bytes how many bytes the download fetched and wrote (for a resumed file, not counting those that were
 *     already there)
 * @param path the file, for a path target
 * @param content the bytes, for {@link DownloadTarget#toBytes()} (the array itself, not a copy)
 */
public record DownloadResult(long bytes, Optional<Path> path, Optional<byte[]> content) {
    /** @throws NullPointerException if an optional is null */
    public DownloadResult {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public String toString() {
        return "DownloadResult{bytes=" + bytes + ", path=" + path.map(Path::toString).orElse("-")
                + ", content=" + content.map(c -> c.length + " bytes").orElse("-") + "}";
    }
}
