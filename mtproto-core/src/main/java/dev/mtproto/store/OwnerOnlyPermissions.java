package dev.mtproto.store;

import java.nio.file.Path;
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
