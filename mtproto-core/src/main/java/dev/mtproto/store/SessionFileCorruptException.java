package dev.mtproto.store;

import java.nio.file.Path;

/**
 * A session file's content cannot be used: it is not a session file at all, it is truncated, its checksum
 * does not match (a changed byte), or a line is malformed. The message says which, naming the file and,
 * where it helps, the line number and entry name, but never a value from the file.
 *
 * <p>A store never overwrites such a file. To start over (and log in again), move or delete it.
 */
public class SessionFileCorruptException extends SessionFileException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception about a file whose content is unusable.
     *
     * @param file the session file
     * @param message what is wrong with it; names the file, never contains file content
     */
    public SessionFileCorruptException(Path file, String message) {
        super(file, message);
    }
}
