package dev.mtproto.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * A {@link SessionStore} kept in one file; the default for users. The file is a small versioned text
 * format with a SHA-256 checksum (see the package documentation).
 *
 * <pre>{@code
 * SessionStore store = FileSessionStore.open(Path.of("bot.session"));
 * }</pre>
 *
 * <h2>Reading and caching</h2>
 * Building a store does no I/O. The first call reads the file (a missing file is an empty store) and
 * caches its content; later reads are served from memory, so changes made to the file by anything else
 * are not seen. A failed read is not cached: the next call reads again, so fixing the file (for example
 * its permissions) needs no restart. While the file cannot be read, every method except {@link #clear()}
 * throws, and nothing overwrites it.
 *
 * <h2>Writing</h2>
 * Every change rewrites the whole file atomically: the new content goes to a temporary file
 * {@code .<name>.<random>.tmp} in the same directory, is flushed to the device ({@code force}), and is
 * renamed over the file with {@code ATOMIC_MOVE}; then the directory is flushed. A crash or an error at
 * any point leaves either the old or the new file, never a mix, and a failed save leaves the cache as it
 * was. Temporary files left by a crash are ignored when reading and deleted (once older than a minute) by
 * the first read. Where the file system refuses {@code ATOMIC_MOVE} (some network or non-POSIX file
 * systems), the store falls back to a plain replace, which is not atomic there. A change that does not
 * change anything (saving an equal value) writes nothing. If the path is a symbolic link, its target is
 * replaced.
 *
 * <h2>Permissions</h2>
 * On POSIX file systems the file is created {@code rw-------} (600) from the start (the temporary file is
 * opened with that mode, so there is no moment when others could read it) and missing parent directories
 * are created {@code rwx------} (700); existing directories are left as they are. An existing file that
 * grants anything to group or others is refused with a {@link SessionFilePermissionException} that says
 * how to fix it, unless the store was built with {@link Builder#allowInsecurePermissions()} (the next save
 * then writes the file as 600). On file systems without POSIX permissions (Windows) nothing is set or
 * checked: the file gets the access rules it inherits from its directory, which for a directory under the
 * user's profile normally means only that user.
 *
 * <h2>Concurrency</h2>
 * Thread-safe: reads are served from an immutable snapshot without locking; changes are serialized by a
 * lock held while the file is written. Two processes using the same file are not supported: each works
 * on its own cache and the last writer wins, but the file is never corrupted, since every write is an
 * atomic rename of a complete file.
 */
public final class FileSessionStore implements SessionStore {
    private final Path file;
    private final SessionFile sessionFile;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile StoreContents contents;

    private FileSessionStore(Builder builder) {
        this.file = builder.file;
        this.sessionFile = new SessionFile(builder.file, builder.allowInsecurePermissions,
                new AtomicFileWriter(builder.move));
    }

    /**
     * Starts building a store for a file.
     *
     * @param file the session file; it and missing parent directories are created on the first save. A
     *     relative path is resolved against the current directory now.
     * @return a builder with default options
     * @throws NullPointerException if {@code file} is null
     * @throws IllegalArgumentException if the path has no file name (for example a root directory)
     */
    public static Builder builder(Path file) {
        return new Builder(file);
    }

    /**
     * Creates a store for a file with the default options; the same as {@code builder(file).build()}.
     *
     * @param file the session file; it and missing parent directories are created on the first save
     * @return the store (no I/O happens yet)
     * @throws NullPointerException if {@code file} is null
     * @throws IllegalArgumentException if the path has no file name
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
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code dcId} is out of range
     * @throws SessionFileException (or a subclass) if the file cannot be read or used
     */
    @Override
    public Optional<DcAuthorization> loadAuthorization(int dcId) {
        StoreContents.requireDcId(dcId);
        return contents().authorization(dcId);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code dcId} is out of range
     * @throws NullPointerException if {@code authorization} is null
     * @throws SessionFileException (or a subclass) if the file cannot be read, used or written
     */
    @Override
    public void saveAuthorization(int dcId, DcAuthorization authorization) {
        StoreContents.requireDcId(dcId);
        Objects.requireNonNull(authorization, "authorization");
        change(current -> current.withAuthorization(dcId, authorization));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code dcId} is out of range
     * @throws SessionFileException (or a subclass) if the file cannot be read, used or written
     */
    @Override
    public void deleteAuthorization(int dcId) {
        StoreContents.requireDcId(dcId);
        change(current -> current.withoutAuthorization(dcId));
    }

    /**
     * {@inheritDoc}
     *
     * @throws SessionFileException (or a subclass) if the file cannot be read or used
     */
    @Override
    public OptionalInt loadHomeDc() {
        return contents().homeDc();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code dcId} is out of range
     * @throws SessionFileException (or a subclass) if the file cannot be read, used or written
     */
    @Override
    public void saveHomeDc(int dcId) {
        StoreContents.requireDcId(dcId);
        change(current -> current.withHomeDc(dcId));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Replaces the file with an empty store and deletes every temporary file left next to it (they may
     * hold old keys). Unlike the other methods this works even when the file is damaged, has a newer
     * format version or loose permissions, because forgetting everything is what was asked; it still
     * refuses a file that does not start like a session file at all, in case the path is wrong.
     *
     * @throws SessionFileCorruptException if the path holds something other than a session file
     * @throws SessionFileException if the file cannot be replaced
     */
    @Override
    public void clear() {
        writeLock.lock();
        try {
            sessionFile.clear();
            contents = StoreContents.EMPTY;
        } finally {
            writeLock.unlock();
        }
    }

    /** Shows the file's path only. */
    @Override
    public String toString() {
        return "FileSessionStore[" + file + "]";
    }

    private StoreContents contents() {
        StoreContents current = contents;
        if (current != null) {
            return current;
        }
        writeLock.lock();
        try {
            return loadedContents();
        } finally {
            writeLock.unlock();
        }
    }

    /** Returns the cached contents, reading the file first if needed; call with the lock held. */
    private StoreContents loadedContents() {
        StoreContents current = contents;
        if (current == null) {
            current = sessionFile.read();
            contents = current;
        }
        return current;
    }

    private void change(UnaryOperator<StoreContents> change) {
        writeLock.lock();
        try {
            StoreContents current = loadedContents();
            StoreContents next = change.apply(current);
            if (!next.equals(current)) {
                sessionFile.write(next);
                contents = next;
            }
        } finally {
            writeLock.unlock();
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
         * Creates the store. Does no I/O: the file is read on first use.
         *
         * @return the store
         */
        public FileSessionStore build() {
            return new FileSessionStore(this);
        }
    }
}
