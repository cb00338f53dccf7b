package dev.mtproto.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The POSIX permissions a session store uses for what it creates ({@code rw-------} files,
 * {@code rwx------} directories), and the check that an existing file grants nothing to group or others.
 */
final class OwnerOnlyPermissions {
    /** {@code rw-------} (600). */
    static final Set<PosixFilePermission> FILE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    /** {@code rwx------} (700). */
    static final Set<PosixFilePermission> DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private static final Set<PosixFilePermission> GROUP_AND_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnlyPermissions() {
    }

    /**
     * Tells whether the file system of a path has POSIX permissions.
     *
     * @param path any path on the file system in question
     * @return true where permissions can be set and checked (Linux, macOS, ...), false elsewhere (Windows)
     */
    static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * @param path a file about to be created
     * @return the attributes that create it owner-only ({@code 600}) where permissions exist, none elsewhere
     */
    static FileAttribute<?>[] ownerOnlyFile(Path path) {
        return isPosix(path)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }

    /**
     * Creates a directory and its missing parents, owner-only ({@code 700}) on POSIX file systems; existing
     * directories are left as they are.
     *
     * @param directory the directory
     * @throws IOException if it cannot be created; a {@link FileSystemException} saying so when the path (or a
     *     parent) exists but is not a directory
     */
    static void createDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            if (isPosix(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } else {
                Files.createDirectories(directory);
            }
        } catch (FileAlreadyExistsException e) {
            throw new FileSystemException(directory.toString(), null, "exists but is not a directory (or one of its parents is not)");
        }
    }

    /**
     * Tells whether permissions grant anything to group or others.
     *
     * @param permissions a file's permissions
     * @return true if any group or others bit is set
     */
    static boolean grantsOthers(Set<PosixFilePermission> permissions) {
        return permissions.stream().anyMatch(GROUP_AND_OTHERS::contains);
    }

    /**
     * Formats permissions like {@code ls -l} does.
     *
     * @param permissions a file's permissions
     * @return for example {@code rw-r--r--}
     */
    static String describe(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.toString(permissions);
    }
}
