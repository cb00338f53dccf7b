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
 * One file behind a {@link FileSessionStore} (the session file, or the peer cache file beside it): reads it
 * with every check (type, permissions, size, format), writes it atomically, and empties it. Holds no state
 * besides its configuration; the store caches and locks.
 *
 * @param <T> what the file holds
 */
final class SessionFile<T> {
    /** Larger session files are refused unread: a session file is a few kilobytes. */
    static final int MAX_SIZE = 16 * 1024 * 1024;

    /** Larger peer cache files are refused unread: about four million peers. */
    static final int MAX_PEERS_SIZE = 256 * 1024 * 1024;

    /** Temporary files younger than this may belong to a write in progress and are left alone. */
    static final Duration STALE_TEMP_FILE_AGE = Duration.ofMinutes(1);

    private static final int MAX_LINK_HOPS = 40;

    private final Path path;
    private final TextFileFormat<T> format;
    private final int maxSize;
    private final boolean allowInsecurePermissions;
    private final AtomicFileWriter writer;

    /**
     * Creates the file's handler; does no I/O.
     *
     * @param path the absolute, normalized path of the file
     * @param format its format
     * @param maxSize the largest file read
     * @param allowInsecurePermissions whether to read a file that group or others may access
     * @param writer how to replace the file
     */
    SessionFile(Path path, TextFileFormat<T> format, int maxSize, boolean allowInsecurePermissions,
            AtomicFileWriter writer) {
        this.path = path;
        this.format = format;
        this.maxSize = maxSize;
        this.allowInsecurePermissions = allowInsecurePermissions;
        this.writer = writer;
    }

    /** @return the file's path, as configured */
    Path path() {
        return path;
    }

    /**
     * Reads the file. A missing file is empty. Afterwards deletes stale temporary files.
     *
     * @return the contents
     * @throws SessionFilePermissionException if group or others have access and that is not allowed
     * @throws SessionFileCorruptException if the content is unusable
     * @throws SessionFileVersionException if the file has a newer format
     * @throws SessionFileException if the path is not a regular file or cannot be read
     */
    T read() {
        BasicFileAttributes attributes;
        try {
            attributes = OwnerOnlyPermissions.isPosix(path)
                    ? Files.readAttributes(path, PosixFileAttributes.class)
                    : Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            AtomicFileWriter.deleteTempFiles(tempFileTarget(), Instant.now().minus(STALE_TEMP_FILE_AGE));
            return format.empty();
        } catch (IOException e) {
            throw readFailure("cannot read its attributes", e);
        }
        if (!attributes.isRegularFile()) {
            throw new SessionFileException(path, format.description() + " " + path + " is "
                    + (attributes.isDirectory() ? "a directory" : "not a regular file")
                    + "; configure the path of a file (it is created on the first save).");
        }
        if (attributes instanceof PosixFileAttributes posix && !allowInsecurePermissions
                && OwnerOnlyPermissions.grantsOthers(posix.permissions())) {
            throw new SessionFilePermissionException(path, OwnerOnlyPermissions.describe(posix.permissions()));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(maxSize + 1);
        } catch (IOException e) {
            throw readFailure("cannot read it", e);
        }
        if (bytes.length > maxSize) {
            throw new SessionFileCorruptException(path, format.description() + " " + path + " cannot be used: it is"
                    + " larger than " + maxSize + " bytes, far more than such a file holds; check the configured path.");
        }
        T contents = format.decode(path, bytes);
        AtomicFileWriter.deleteTempFiles(tempFileTarget(), Instant.now().minus(STALE_TEMP_FILE_AGE));
        return contents;
    }

    /**
     * Replaces the file's content atomically, following a symbolic link to its target.
     *
     * @param contents what to store
     * @throws SessionFileException if writing fails; the file is then unchanged
     */
    void write(T contents) {
        writer.write(writeTarget(), format.encode(contents), path);
    }

    /**
     * Empties the file: replaces it with an empty one of its format (if it exists) and deletes all temporary
     * files, which may hold old keys. Works on a file that is damaged, has a newer format or loose
     * permissions, but refuses to touch a file that does not start like one of its format at all.
     *
     * @throws SessionFileCorruptException if the path holds something else
     * @throws SessionFileException if the file cannot be inspected or replaced
     */
    void clear() {
        if (Files.exists(path)) {
            if (!Files.isRegularFile(path)) {
                throw new SessionFileException(path, format.description() + " " + path
                        + " is not a regular file; not clearing it.");
            }
            byte[] start;
            try (InputStream in = Files.newInputStream(path)) {
                start = in.readNBytes(format.magicPrefixLength());
            } catch (IOException e) {
                throw readFailure("cannot read it", e);
            }
            if (!format.startsLikeThisFormat(start)) {
                throw new SessionFileCorruptException(path, format.description() + " " + path + " is not a "
                        + format.magic() + " file (it does not start with '" + format.magic() + "'), so clear() leaves"
                        + " it alone; check the configured path.");
            }
            write(format.empty());
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
            throw new SessionFileException(path, "Cannot save " + format.description().toLowerCase(java.util.Locale.ROOT) + " " + path
                    + ": it is a symbolic link that"
                    + " cannot be followed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").", e);
        }
    }

    /**
     * A file that belongs with this one: {@code <name><suffix>} beside the file, or beside the file a symbolic
     * link points to, so that two paths to one file share it (the lock file, the peer cache file).
     *
     * @param suffix for example {@code ".lock"}
     * @return the companion file's path
     */
    Path companion(String suffix) {
        Path target = tempFileTarget();
        return target.resolveSibling(target.getFileName() + suffix);
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
        return new SessionFileException(path, "Cannot load " + format.description().toLowerCase(java.util.Locale.ROOT)
                + " " + path + ": " + step + " ("
                + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ").", cause);
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
