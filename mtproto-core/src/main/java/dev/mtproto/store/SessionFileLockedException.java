package dev.mtproto.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A session file is already open in another {@link FileSessionStore}, in this process or another one.
 * Two stores on one file would each create their own authorization key and overwrite each other's, so
 * the second is refused. The holder is known from the lock file beside the session file, into which the
 * holding store wrote {@code pid@host}; it may be unknown (the holder had not written it yet, or the
 * platform does not let others read a locked file).
 */
public class SessionFileLockedException extends SessionFileException {
    private static final long serialVersionUID = 1L;

    /** The lock file beside the session file. */
    private final Path lockFile;
    /** {@code pid@host} of the holder, or {@code null} when unknown. */
    private final String holder;

    /**
     * Creates an exception about a file held by another store.
     *
     * @param file the session file
     * @param lockFile the lock file beside it
     * @param holder {@code pid@host} of the process holding it, or {@code null} when unknown
     * @param thisProcess whether the holder is another store of this process
     */
    public SessionFileLockedException(Path file, Path lockFile, String holder, boolean thisProcess) {
        super(file, message(file, lockFile, holder, thisProcess));
        this.lockFile = Objects.requireNonNull(lockFile, "lockFile");
        this.holder = holder;
    }

    private static String message(Path file, Path lockFile, String holder, boolean thisProcess) {
        String who = thisProcess
                ? "another FileSessionStore of this process (" + (holder == null ? "pid unknown" : holder) + ")"
                : holder == null ? "another process (the lock file " + lockFile + " does not say which)" : "process " + holder;
        String fix = thisProcess ? "close that store first" : "stop that process, or close its store, first";
        return "Session file " + file + " is already open in " + who + "; " + fix + ". Two stores on one file would each"
                + " create their own authorization key (lock file " + lockFile + ").";
    }

    /**
     * Returns the lock file beside the session file.
     *
     * @return the path of the lock file
     */
    public Path lockFile() {
        return lockFile;
    }

    /**
     * Returns who holds the file, as the holder wrote it into the lock file.
     *
     * @return {@code pid@host}, or empty when unknown
     */
    public Optional<String> holder() {
        return Optional.ofNullable(holder);
    }
}
