package dev.mtproto.store.jdbc;

import dev.mtproto.store.SessionStoreException;

/**
 * The database's session tables were created or migrated by a newer release of mtproto-spring, whose
 * schema this release does not know. The store leaves them untouched; upgrade the library.
 */
public class SessionSchemaVersionException extends SessionStoreException {
    private static final long serialVersionUID = 1L;

    /** The version the tables have. */
    private final int foundVersion;
    /** The newest version this release works with. */
    private final int supportedVersion;

    /**
     * Creates the exception.
     *
     * @param foundVersion the version the tables have
     * @param supportedVersion the newest version this release works with
     */
    public SessionSchemaVersionException(int foundVersion, int supportedVersion) {
        super("The session tables have schema version " + foundVersion + ", but this version of mtproto-spring"
                + " works with schema versions up to " + supportedVersion + "; they were migrated by a newer release."
                + " Upgrade mtproto-spring (the tables are left untouched).");
        this.foundVersion = foundVersion;
        this.supportedVersion = supportedVersion;
    }

    /**
     * Returns the version the tables have.
     *
     * @return the found version
     */
    public int foundVersion() {
        return foundVersion;
    }

    /**
     * Returns the newest version this release works with.
     *
     * @return the supported version
     */
    public int supportedVersion() {
        return supportedVersion;
    }
}
