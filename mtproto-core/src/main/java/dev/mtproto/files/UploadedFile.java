package dev.mtproto.files;

import dev.mtproto.tl.api.InputFileType;
import java.util.Objects;

/**
 * A file whose parts the DC holds, ready to be attached to a message or a profile photo.
 *
 * @param inputFile {@code inputFile} (with the MD5 of the content) for a small file, {@code inputFileBig} for a
 *     big one
 * @param fileName the name given with the file
 * @param size its length in bytes
 * @param big whether it was sent with {@code upload.saveBigFilePart} (above 10 MiB)
 */
public record UploadedFile(InputFileType inputFile, String fileName, long size, boolean big) {
    /** @throws NullPointerException if the input file or the name is null */
    public UploadedFile {
        Objects.requireNonNull(inputFile, "inputFile");
        Objects.requireNonNull(fileName, "fileName");
    }
}
