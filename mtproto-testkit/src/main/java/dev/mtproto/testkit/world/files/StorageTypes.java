package dev.mtproto.testkit.world.files;

import dev.mtproto.tl.api.storage.FileGif;
import dev.mtproto.tl.api.storage.FileJpeg;
import dev.mtproto.tl.api.storage.FileMov;
import dev.mtproto.tl.api.storage.FileMp3;
import dev.mtproto.tl.api.storage.FileMp4;
import dev.mtproto.tl.api.storage.FilePartial;
import dev.mtproto.tl.api.storage.FilePdf;
import dev.mtproto.tl.api.storage.FilePng;
import dev.mtproto.tl.api.storage.FileType;
import dev.mtproto.tl.api.storage.FileUnknown;
import dev.mtproto.tl.api.storage.FileWebp;
import java.util.Locale;

/**
 * The {@code storage.FileType} of an {@code upload.file} (https://core.telegram.org/type/storage.FileType):
 * {@code storage.fileJpeg} for a photo size (the world stores them as JPEG); for a document, the type of its
 * MIME type when the answer holds the whole file, {@code storage.filePartial} when it holds a part of it,
 * {@code storage.fileUnknown} for a MIME type with no type of its own.
 */
final class StorageTypes {
    private StorageTypes() {
    }

    static FileType ofDocument(String mimeType, boolean whole) {
        if (!whole) {
            return FilePartial.INSTANCE;
        }
        return switch (mimeType.toLowerCase(Locale.ROOT)) {
            case "image/jpeg", "image/jpg" -> FileJpeg.INSTANCE;
            case "image/png" -> FilePng.INSTANCE;
            case "image/gif" -> FileGif.INSTANCE;
            case "image/webp" -> FileWebp.INSTANCE;
            case "application/pdf" -> FilePdf.INSTANCE;
            case "audio/mpeg", "audio/mp3" -> FileMp3.INSTANCE;
            case "video/quicktime" -> FileMov.INSTANCE;
            case "video/mp4" -> FileMp4.INSTANCE;
            default -> FileUnknown.INSTANCE;
        };
    }

    static FileType photo() {
        return FileJpeg.INSTANCE;
    }
}
