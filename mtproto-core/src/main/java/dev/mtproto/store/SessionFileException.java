package dev.mtproto.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A {@link FileSessionStore} could not read, write or delete its file (for example the directory is not
 * writable, or the path is a directory). The message names the file and the step that failed; the
 * subclasses cover a file with unusable content ({@link SessionFileCorruptException},
 * {@link SessionFileVersionException}) and a file that others may read
 * ({@link SessionFilePermissionException}).
 */
public class SessionFileException extends SessionStoreException {
    private static final long serialVersionUID = 1L;

    /** The session file concerned. */
    private final Path file;

    /**
     * Creates an exception about a file.
     *
     * @param file the session file concerned
     * @param message what went wrong; it should name the file
     */
    public SessionFileException(Path file, String message) {
        super(message);
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * Creates an exception about a file, with the underlying cause.
     *
     * @param file the session file concerned
     * @param message what went wrong; it should name the file
     * @param cause the failure that led to this one
     */
    public SessionFileException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * Returns the session file this exception is about.
     *
     * @return the path of the store's file, as the store was configured (absolute)
     */
    public Path file() {
        return file;
    }
}
