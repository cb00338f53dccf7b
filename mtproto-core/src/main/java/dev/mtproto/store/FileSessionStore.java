package dev.mtproto.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * A {@link SessionStore} kept in files; the default for users. The session file holds keys, home DC,
 * account, update state and channel pts; the peer cache lives beside it in {@code <name>.peers}, so that
 * the frequent small saves (salts, update state) do not rewrite thousands of peers. Both are small
 * versioned text formats with a SHA-256 checksum (see the package documentation).
 *
 * <pre>{@code
 * try (FileSessionStore store = FileSessionStore.open(Path.of("bot.session"))) {
 *     ... // give it to the client; close it after the client
 * }
 * }</pre>
 *
 * <h2>Opening: one store per file</h2>
 * {@link #open(Path)} (and {@link Builder#build()}) locks the file, then reads and checks it, so that a
 * bad file is reported there and not on first use: a missing file is an empty store; a damaged one, one
 * of a newer format, one that others may read, or a path that is not a regular file fails with the
 * matching {@link SessionFileException} (and the lock is let go again). The lock is an exclusive
 * operating-system lock ({@link java.nio.channels.FileChannel#tryLock()}) on a lock file beside the
 * session file, {@code <name>.lock}, into which the store writes {@code pid@host}: while it is held, a
 * second store on the same file, in this process or in another one, is refused with a
 * {@link SessionFileLockedException} that names the file and, when the lock file says it, the holder. Two
 * stores on one file would otherwise each create their own authorization key. A symbolic link and its
 * target share one lock. The store holds the lock until {@link #close()}; if the process ends without
 * closing, the operating system releases it. Missing parent directories are created {@code rwx------}
 * (700) when the store is opened, for the lock file; the session file itself is created on the first save.
 *
 * <h2>Caching</h2>
 * What the files held when the store was opened is cached; later reads are served from memory, and
 * every change writes the file it concerns and then the cache.
 *
 * <h2>Writing</h2>
 * A change of peers rewrites the peer cache file; any other change rewrites the session file; a change of
 * both ({@link #deleteAccount()}, {@link #clear()}, {@link #restore}) writes the peer cache first (if the
 * session file then cannot be written, the old peer cache is put back, best effort). A save of 10,000
 * peers costs about a 600 KB file write (see docs/sessions.md for measured figures). Every write replaces
 * the whole file atomically: the new content goes to a temporary file
 * {@code .<name>.<random>.tmp} in the same directory, is flushed to the device ({@code force}), and is
 * renamed over the file with {@code ATOMIC_MOVE}; then the directory is flushed. A crash or an error at
 * any point leaves either the old or the new file, never a mix, and a failed save leaves the cache as it
 * was. Temporary files left by a crash are ignored when reading and deleted (once older than a minute) by
 * the next opening. Where the file system refuses {@code ATOMIC_MOVE} (some network or non-POSIX file
 * systems), the store falls back to a plain replace, which is not atomic there. A change that does not
 * change anything (saving an equal value) writes nothing. If the path is a symbolic link, its target is
 * replaced.
 *
 * <h2>Permissions</h2>
 * On POSIX file systems the file (and the lock file) is created {@code rw-------} (600) from the start
 * (the temporary file is opened with that mode, so there is no moment when others could read it). An
 * existing file that grants anything to group or others is refused with a
 * {@link SessionFilePermissionException} that says how to fix it, unless the store was built with
 * {@link Builder#allowInsecurePermissions()} (the next save then writes the file as 600). On file systems
 * without POSIX permissions (Windows) nothing is set or checked: the file gets the access rules it
 * inherits from its directory, which for a directory under the user's profile normally means only that
 * user.
 *
 * <h2>Concurrency</h2>
 * Thread-safe: reads are served from an immutable snapshot without locking; changes are serialized by a
 * lock held while the file is written. After {@link #close()} every method but {@code close} and
 * {@code toString} throws {@link IllegalStateException}.
 */
public final class FileSessionStore extends SnapshotSessionStore {
    private final Path file;
    private final SessionFile<SessionSnapshot> sessionFile;
    private final SessionFile<PeerTable> peerFile;
    private final SessionFileLock fileLock;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile SessionSnapshot contents;
    private volatile boolean closed;

    private FileSessionStore(Builder builder) {
        this.file = builder.file;
        AtomicFileWriter writer = new AtomicFileWriter(builder.move);
        this.sessionFile = new SessionFile<>(builder.file, SessionFileFormat.INSTANCE, SessionFile.MAX_SIZE,
                builder.allowInsecurePermissions, writer);
        this.peerFile = new SessionFile<>(sessionFile.companion(".peers"), PeerFileFormat.INSTANCE,
                SessionFile.MAX_PEERS_SIZE, builder.allowInsecurePermissions, writer);
        this.fileLock = SessionFileLock.acquire(file, sessionFile.companion(".lock"));
        try {
            this.contents = sessionFile.read().withPeers(peerFile.read());
        } catch (RuntimeException | Error e) {
            fileLock.release();
            throw e;
        }
    }

    /**
     * Starts building a store for a file.
     *
     * @param file the session file; created on the first save if missing. A relative path is resolved
     *     against the current directory now.
     * @return a builder with default options
     * @throws NullPointerException if {@code file} is null
     * @throws IllegalArgumentException if the path has no file name (for example a root directory)
     */
    public static Builder builder(Path file) {
        return new Builder(file);
    }

    /**
     * Opens a store on a file with the default options: locks it and reads it (see "Opening" above); the
     * same as {@code builder(file).build()}.
     *
     * @param file the session file; created on the first save if missing
     * @return the open store, which holds the file's lock until {@link #close()}
     * @throws NullPointerException if {@code file} is null
     * @throws IllegalArgumentException if the path has no file name
     * @throws SessionFileLockedException if another store, in this process or another, has the file open
     * @throws SessionFilePermissionException if group or others may access the file
     * @throws SessionFileCorruptException if the file's content cannot be used
     * @throws SessionFileVersionException if the file has a newer format version
     * @throws SessionFileException if the path is not a regular file, or the file or its lock file cannot be
     *     read or created
     */
    public static FileSessionStore open(Path file) {
        return builder(file).build();
    }

    /**
     * Returns the file this store keeps its data in.
     *
     * @return the absolute, normalized path
     */
    public Path file() {
        return file;
    }

    /**
     * Returns the file this store keeps its peer cache in: {@code <name>.peers} beside the session file (or
     * beside the file a symbolic link points to); created on the first save of peers.
     *
     * @return its absolute path
     */
    public Path peerFile() {
        return peerFile.path();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Replaces both files with empty ones and deletes every temporary file left next to them (they may
     * hold old keys). This works even when a file was damaged, replaced by one of a newer format version
     * or given loose permissions since the store was opened, because forgetting everything is what was
     * asked; it still refuses a file that does not start like a session file at all, in case something
     * else now lives at the path.
     *
     * @throws SessionFileCorruptException if the path holds something other than a session file
     * @throws SessionFileException if a file cannot be replaced
     * @throws IllegalStateException if the store was closed
     */
    @Override
    public void clear() {
        writeLock.lock();
        try {
            requireOpen();
            peerFile.clear();
            sessionFile.clear();
            contents = SessionSnapshot.EMPTY;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Releases the file's lock, so that another store can open the file. Saved data stays in the file; a
     * second call does nothing. Close the store after the client that uses it.
     */
    @Override
    public void close() {
        writeLock.lock();
        try {
            if (!closed) {
                closed = true;
                fileLock.release();
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Shows the file's path only. */
    @Override
    public String toString() {
        return "FileSessionStore[" + file + "]";
    }

    @Override
    protected SessionSnapshot current() {
        requireOpen();
        return contents;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    @Override
    protected void change(UnaryOperator<SessionSnapshot> change) {
        writeLock.lock();
        try {
            requireOpen();
            SessionSnapshot current = contents;
            SessionSnapshot next = change.apply(current);
            boolean peersChanged = !next.peers().equals(current.peers());
            boolean restChanged = !next.withPeers(current.peers()).equals(current);
            if (peersChanged) {
                peerFile.write(next.peers());
            }
            if (restChanged) {
                writeSessionFile(next, peersChanged ? current.peers() : null);
            }
            contents = next;
        } finally {
            writeLock.unlock();
        }
    }

    /** Writes the session file; if that fails and {@code oldPeers} is given, puts the old peer cache back. */
    private void writeSessionFile(SessionSnapshot next, PeerTable oldPeers) {
        try {
            sessionFile.write(next);
        } catch (SessionStoreException e) {
            if (oldPeers != null) {
                try {
                    peerFile.write(oldPeers);
                } catch (SessionStoreException rollback) {
                    e.addSuppressed(rollback);
                }
            }
            throw e;
        }
    }

    /** Options of a {@link FileSessionStore}. Not thread-safe; build once. */
    public static final class Builder {
        private final Path file;
        private boolean allowInsecurePermissions;
        private AtomicFileWriter.FileMove move = AtomicFileWriter.ATOMIC_REPLACE;

        private Builder(Path file) {
            Path absolute = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
            if (absolute.getFileName() == null) {
                throw new IllegalArgumentException("session file path must name a file, not " + file);
            }
            this.file = absolute;
        }

        /**
         * Lets the store read an existing file that group or others may access (on POSIX file systems),
         * instead of refusing it. Use only when that access is intended, for example a file shared through a
         * group-readable volume; anyone who can read the file can use the account. The store still writes
         * the file owner-only.
         *
         * @return this builder
         */
        public Builder allowInsecurePermissions() {
            this.allowInsecurePermissions = true;
            return this;
        }

        /** Replaces the step that moves the written temporary file into place; for tests that simulate failures. */
        Builder fileMove(AtomicFileWriter.FileMove fileMove) {
            this.move = Objects.requireNonNull(fileMove, "fileMove");
            return this;
        }

        /**
         * Opens the store: locks the file and reads it, as {@link FileSessionStore#open(Path)} does.
         *
         * @return the open store, which holds the file's lock until {@link FileSessionStore#close()}
         * @throws SessionFileLockedException if another store, in this process or another, has the file open
         * @throws SessionFilePermissionException if group or others may access the file and that is not allowed
         * @throws SessionFileCorruptException if the file's content cannot be used
         * @throws SessionFileVersionException if the file has a newer format version
         * @throws SessionFileException if the path is not a regular file, or the file or its lock file cannot
         *     be read or created
         */
        public FileSessionStore build() {
            return new FileSessionStore(this);
        }
    }
}
