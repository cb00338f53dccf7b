package dev.mtproto.files;

import dev.mtproto.MtprotoException;

/**
 * A file transfer failed for a reason of its own (not an RPC error passed on as it came): a DC's answer that
 * breaks the part rules, a CDN part whose hash does not match, a file reference that could not be refreshed.
 */
public abstract sealed class FileTransferException extends MtprotoException
        permits FilePartException, CdnFileHashMismatchException, FileReferenceException {
    private static final long serialVersionUID = 1L;

    FileTransferException(String message) {
        super(message);
    }

    FileTransferException(String message, Throwable cause) {
        super(message, cause);
    }
}
