package dev.mtproto.store;

import java.nio.file.Path;

/**
 * A session file can be accessed by users other than its owner (POSIX group or others permission bits
 * are set). The file holds authorization keys, which give full access to the account, so the store
 * refuses to use it, like ssh refuses a private key that others can read. The message says how to fix it:
 * {@code chmod 600 <file>}, or build the store with
 * {@link FileSessionStore.Builder#allowInsecurePermissions()} if the access is intended.
 */
public class SessionFilePermissionException extends SessionFileException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception about a file whose permissions are too open.
     *
     * @param file the session file
     * @param permissions the file's permissions in {@code rwxrwxrwx} form
     */
    public SessionFilePermissionException(Path file, String permissions) {
        super(file, "Permissions " + permissions + " of session file " + file + " are too open: it holds"
                + " authorization keys that give full access to the account, so only its owner may read or"
                + " write it. Fix with: chmod 600 '" + file + "' (or build the FileSessionStore with"
                + " allowInsecurePermissions() if other users are meant to have access).");
    }
}
