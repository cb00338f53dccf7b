package dev.mtproto.store.string;

/**
 * A session string was written in a format version newer than this library reads, typically by a newer
 * release of mtproto-spring. Upgrade the library, or export the session again with this one.
 */
public class SessionStringVersionException extends SessionStringException {
    private static final long serialVersionUID = 1L;

    /** The format version the string declares. */
    private final int foundVersion;
    /** The newest format version this library reads. */
    private final int supportedVersion;

    /**
     * Creates an exception about a string in an unsupported version.
     *
     * @param foundVersion the version the string declares
     * @param supportedVersion the newest version this library reads
     */
    public SessionStringVersionException(int foundVersion, int supportedVersion) {
        super("The session string uses format version " + foundVersion + ", but this version of mtproto-spring reads"
                + " session strings up to version " + supportedVersion + "; it was probably exported by a newer"
                + " release. Upgrade mtproto-spring.");
        this.foundVersion = foundVersion;
        this.supportedVersion = supportedVersion;
    }

    /**
     * Returns the version the string declares.
     *
     * @return the string's version
     */
    public int foundVersion() {
        return foundVersion;
    }

    /**
     * Returns the newest version this library reads.
     *
     * @return the supported version
     */
    public int supportedVersion() {
        return supportedVersion;
    }
}
