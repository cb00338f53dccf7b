package dev.mtproto.telegram.media;

import dev.mtproto.MtprotoException;

/**
 * A photo's or document's origin, fetched again for a fresh file reference, no longer holds it: the message was
 * deleted or edited to other media, or the profile photo removed. The download it served fails with a
 * {@link dev.mtproto.files.FileReferenceException} caused by this.
 */
public final class FileOriginException extends MtprotoException {
    private static final long serialVersionUID = 1L;

    /** @param message what was fetched and what is missing */
    public FileOriginException(String message) {
        super(message);
    }
}
