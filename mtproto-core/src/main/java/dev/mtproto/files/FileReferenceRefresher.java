package dev.mtproto.files;

import dev.mtproto.tl.api.InputFileLocationType;
import java.util.concurrent.CompletableFuture;

/**
 * Gets a fresh file reference (https://core.telegram.org/api/file_reference) from the file's origin: the
 * message, the profile photo, the sticker set...
 */
@FunctionalInterface
public interface FileReferenceRefresher {
    /**
     * Called when the DC answers {@code FILE_REFERENCE_EXPIRED} or {@code FILE_REFERENCE_INVALID}.
     *
     * @param stale the location whose reference the DC refused
     * @return the same location with a fresh reference; a failed future fails the download with a
     *     {@link FileReferenceException}
     */
    CompletableFuture<InputFileLocationType> refresh(InputFileLocationType stale);
}
