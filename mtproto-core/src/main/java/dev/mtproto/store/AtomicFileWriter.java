package dev.mtproto.store;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Replaces a file's content so that readers (and a crash) see either the old or the new content, never a
 * mix: the new bytes go to a temporary file in the same directory, created owner-only ({@code 600}) on
 * POSIX file systems, which is flushed to the device and then renamed over the target; finally the
 * directory itself is flushed so the rename survives a power loss. Directories it has to create are
 * owner-only ({@code 700}).
 *
 * <p>Temporary files are named {@code .<target name>.<16 hex digits>.tmp}; a crash can leave one behind,
 * which {@link #deleteTempFiles} removes.
 */
final class AtomicFileWriter {

    /** The step that puts the finished temporary file in place of the target; replaceable for tests. */
    @FunctionalInterface
    interface FileMove {
        /**
         * Moves {@code source} over {@code target}.
         *
         * @param source the finished temporary file
         * @param target the file to replace
         * @throws IOException if the move fails; the target must then be unchanged
         */
        void move(Path source, Path target) throws IOException;
    }

    /**
     * The real move: an atomic rename; where the file system refuses {@code ATOMIC_MOVE} (some network and
     * non-POSIX file systems), a plain replace, which is not atomic there.
     */
    static final FileMove ATOMIC_REPLACE = (source, target) -> {
        try {
            Files.move(source, target, ATOMIC_MOVE, REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, REPLACE_EXISTING);
        }
    };

    private static final Set<StandardOpenOption> CREATE_NEW_FOR_WRITING =
            EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    private static final int MAX_NAME_ATTEMPTS = 16;

    private final FileMove move;

    /**
     * Creates a writer.
     *
     * @param move how the finished temporary file replaces the target ({@link #ATOMIC_REPLACE} outside tests)
     */
    AtomicFileWriter(FileMove move) {
        this.move = move;
    }

    /**
     * Replaces the content of {@code target} (creating it and its missing parent directories if needed).
     * On failure the target is unchanged and the temporary file is removed.
     *
     * @param target the absolute path of the file to write; not a symbolic link
     * @param content the new content
     * @param reportedFile the store's file, named in exceptions
     * @throws SessionFileException if a step fails; the message names the step and the file
     */
    void write(Path target, byte[] content, Path reportedFile) {
        Path directory = target.getParent();
        createOwnerOnlyDirectories(directory, reportedFile);
        OpenTempFile temp = createTempFile(target, reportedFile);
        try {
            try (FileChannel channel = temp.channel()) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            } catch (IOException e) {
                throw failure(reportedFile, "cannot write temporary file " + temp.path(), e);
            }
            try {
                move.move(temp.path(), target);
            } catch (IOException e) {
                throw failure(reportedFile, "cannot move temporary file " + temp.path() + " over it", e);
            }
        } catch (SessionFileException e) {
            try {
                Files.deleteIfExists(temp.path());
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        flushDirectory(directory);
    }

    /**
     * Deletes temporary files this writer left next to {@code target}, best effort: a file that cannot
     * be listed or deleted is skipped, because a leftover never affects reading the target.
     *
     * @param target the file whose temporary files to delete
     * @param modifiedBefore only files last modified before this instant (so that a write in progress in
     *     another process is not disturbed); {@link Instant#MAX} for all of them
     */
    static void deleteTempFiles(Path target, Instant modifiedBefore) {
        Path directory = target.getParent();
        if (!Files.isDirectory(directory)) {
            return;
        }
        Pattern names = tempFileNames(target);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
                entry -> names.matcher(entry.getFileName().toString()).matches())) {
            for (Path entry : entries) {
                try {
                    FileTime modified = Files.getLastModifiedTime(entry);
                    if (modified.toInstant().isBefore(modifiedBefore)) {
                        Files.deleteIfExists(entry);
                    }
                } catch (IOException e) {
                    // skipped: a leftover temporary file is ignored when reading
                }
            }
        } catch (IOException e) {
            // skipped: a leftover temporary file is ignored when reading
        }
    }

    /**
     * Returns the pattern of temporary file names for a target.
     *
     * @param target the file being written
     * @return a pattern matching names {@code .<target name>.<16 hex digits>.tmp}
     */
    static Pattern tempFileNames(Path target) {
        return Pattern.compile(Pattern.quote("." + target.getFileName() + ".") + "[0-9a-f]{16}\\.tmp");
    }

    private static void createOwnerOnlyDirectories(Path directory, Path reportedFile) {
        try {
            OwnerOnlyPermissions.createDirectories(directory);
        } catch (IOException e) {
            throw failure(reportedFile, "cannot create its directory " + directory, e);
        }
    }

    private static OpenTempFile createTempFile(Path target, Path reportedFile) {
        Path directory = target.getParent();
        FileAttribute<?>[] ownerOnly = OwnerOnlyPermissions.ownerOnlyFile(directory);
        IOException last = null;
        for (int attempt = 0; attempt < MAX_NAME_ATTEMPTS; attempt++) {
            String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            Path temp = directory.resolve("." + target.getFileName() + "." + suffix + ".tmp");
            try {
                return new OpenTempFile(temp, FileChannel.open(temp, CREATE_NEW_FOR_WRITING, ownerOnly));
            } catch (FileAlreadyExistsException e) {
                last = e;
            } catch (IOException e) {
                throw failure(reportedFile, "cannot create a temporary file in directory " + directory
                        + " (is it writable?)", e);
            }
        }
        throw failure(reportedFile, "cannot find a free temporary file name in " + directory, last);
    }

    /** A temporary file just created, open for writing. */
    private record OpenTempFile(Path path, FileChannel channel) {
    }

    /** Makes the rename durable; a no-op where directories cannot be opened (Windows). */
    private static void flushDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the platform does not flush directories this way; the rename is still atomic
        }
    }

    private static SessionFileException failure(Path reportedFile, String step, IOException cause) {
        String reason = cause == null ? "" : " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        return new SessionFileException(reportedFile, "Cannot save session file " + reportedFile + ": " + step
                + reason + ". The previous content of the file, if any, is unchanged.", cause);
    }
}
