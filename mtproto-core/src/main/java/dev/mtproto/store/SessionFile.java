package dev.mtproto.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Duration;
import java.time.Instant;

/**
 * The file behind a {@link FileSessionStore}: reads it with every check (type, permissions, size,
 * format), writes it atomically, and empties it. Holds no state besides its configuration; the store
 * caches and locks.
 */
final class SessionFile {
    /** Larger files are refused unread: a session file is a few kilobytes. */
    static final int MAX_SIZE = 16 * 1024 * 1024;

    /** Temporary files younger than this may belong to a write in progress and are left alone. */
    static final Duration STALE_TEMP_FILE_AGE = Duration.ofMinutes(1);

    private static final int MAX_LINK_HOPS = 40;

    private final Path path;
    private final boolean allowInsecurePermissions;
    private final AtomicFileWriter writer;

    /**
     * Creates the file's handler; does no I/O.
     *
     * @param path the absolute, normalized path of the session file
     * @param allowInsecurePermissions whether to read a file that group or others may access
     * @param writer how to replace the file
     */
    SessionFile(Path path, boolean allowInsecurePermissions, AtomicFileWriter writer) {
        this.path = path;
        this.allowInsecurePermissions = allowInsecurePermissions;
        this.writer = writer;
    }

    /**
     * Reads the file. A missing file is an empty store. Afterwards deletes stale temporary files.
     *
     * @return the contents
     * @throws SessionFilePermissionException if group or others have access and that is not allowed
     * @throws SessionFileCorruptException if the content is unusable
     * @throws SessionFileVersionException if the file has a newer format
     * @throws SessionFileException if the path is not a regular file or cannot be read
     */
    StoreContents read() {
        BasicFileAttributes attributes;
        try {
            attributes = OwnerOnlyPermissions.isPosix(path)
                    ? Files.readAttributes(path, PosixFileAttributes.class)
                    : Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            AtomicFileWriter.deleteTempFiles(tempFileTarget(), Instant.now().minus(STALE_TEMP_FILE_AGE));
            return StoreContents.EMPTY;
        } catch (IOException e) {
            throw readFailure("cannot read its attributes", e);
        }
        if (!attributes.isRegularFile()) {
            throw new SessionFileException(path, "Session file " + path + " is "
                    + (attributes.isDirectory() ? "a directory" : "not a regular file")
                    + "; configure the path of a file (it is created on the first save).");
        }
        if (attributes instanceof PosixFileAttributes posix && !allowInsecurePermissions
                && OwnerOnlyPermissions.grantsOthers(posix.permissions())) {
            throw new SessionFilePermissionException(path, OwnerOnlyPermissions.describe(posix.permissions()));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_SIZE + 1);
        } catch (IOException e) {
            throw readFailure("cannot read it", e);
        }
        if (bytes.length > MAX_SIZE) {
            throw new SessionFileCorruptException(path, "Session file " + path + " cannot be used: it is larger than "
                    + MAX_SIZE + " bytes, far more than a session file holds; check the configured path.");
        }
        StoreContents contents = SessionFileFormat.decode(path, bytes);
        AtomicFileWriter.deleteTempFiles(tempFileTarget(), Instant.now().minus(STALE_TEMP_FILE_AGE));
        return contents;
    }

    /**
     * Replaces the file's content atomically, following a symbolic link to its target.
     *
     * @param contents what to store
     * @throws SessionFileException if writing fails; the file is then unchanged
     */
    void write(StoreContents contents) {
        writer.write(writeTarget(), SessionFileFormat.encode(contents), path);
    }

    /**
     * Empties the store for a log-out: replaces the file with an empty store (if it exists) and deletes all
     * temporary files, which may hold old keys. Works on a file that is damaged, has a newer format or
     * loose permissions, but refuses to touch a file that does not start like a session file at all.
     *
     * @throws SessionFileCorruptException if the path holds something other than a session file
     * @throws SessionFileException if the file cannot be inspected or replaced
     */
    void clear() {
        if (Files.exists(path)) {
            if (!Files.isRegularFile(path)) {
                throw new SessionFileException(path, "Session file " + path + " is not a regular file; not clearing it.");
            }
            byte[] start;
            try (InputStream in = Files.newInputStream(path)) {
                start = in.readNBytes(SessionFileFormat.magicPrefixLength());
            } catch (IOException e) {
                throw readFailure("cannot read it", e);
            }
            if (!SessionFileFormat.startsLikeSessionFile(start)) {
                throw new SessionFileCorruptException(path, "Session file " + path + " is not a session store file"
                        + " (it does not start with '" + SessionFileFormat.MAGIC + "'), so clear() leaves it alone;"
                        + " check the configured path.");
            }
            write(StoreContents.EMPTY);
        }
        AtomicFileWriter.deleteTempFiles(tempFileTarget(), Instant.MAX);
    }

    /**
     * The path to replace: the file itself, or the file a symbolic link (chain) points to, which need not
     * exist yet. Replacing the link itself would turn it into a plain file.
     */
    private Path writeTarget() {
        try {
            return linkTarget();
        } catch (IOException e) {
            throw new SessionFileException(path, "Cannot save session file " + path + ": it is a symbolic link that"
                    + " cannot be followed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").", e);
        }
    }

    /**
     * The lock file a store holds while it is open: {@code <name>.lock} beside the file, or beside the file a
     * symbolic link points to, so that two paths to one file share one lock.
     *
     * @return the lock file's path
     */
    Path lockFile() {
        Path target = tempFileTarget();
        return target.resolveSibling(target.getFileName() + ".lock");
    }

    /** The path temporary files are named after: like {@link #writeTarget()}, but never failing. */
    private Path tempFileTarget() {
        try {
            return linkTarget();
        } catch (IOException e) {
            return path;
        }
    }

    private Path linkTarget() throws IOException {
        Path current = path;
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops == MAX_LINK_HOPS) {
                throw new FileSystemException(path.toString(), null, "more than " + MAX_LINK_HOPS + " symbolic links");
            }
            current = current.resolveSibling(Files.readSymbolicLink(current));
        }
        return current;
    }

    private SessionFileException readFailure(String step, IOException cause) {
        return new SessionFileException(path, "Cannot load session file " + path + ": " + step + " ("
                + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ").", cause);
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
