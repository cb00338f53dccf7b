package dev.mtproto.files;

import java.util.concurrent.CancellationException;

/** A transfer was stopped by {@link TransferTask#cancel()} (or by closing its {@link FileTransfers}). */
public final class TransferCancelledException extends CancellationException {
    private static final long serialVersionUID = 1L;

    /** @param message which transfer */
    public TransferCancelledException(String message) {
        super(message);
    }
}
