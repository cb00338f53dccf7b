package dev.mtproto.store;

import java.nio.file.Path;

/**
 * A session file was written in a format version newer than this library reads, typically by a newer
 * release of mtproto-spring. The store does not touch the file; upgrade the library or use another file.
 */
public class SessionFileVersionException extends SessionFileException {
    private static final long serialVersionUID = 1L;

    /** The format version the file declares. */
    private final int foundVersion;
    /** The newest format version this library reads. */
    private final int supportedVersion;

    /**
     * Creates an exception about a file in an unsupported format version.
     *
     * @param file the session file
     * @param foundVersion the format version the file declares
     * @param supportedVersion the newest format version this library reads
     */
    public SessionFileVersionException(Path file, int foundVersion, int supportedVersion) {
        super(file, "Session file " + file + " uses format version " + foundVersion
                + ", but this version of mtproto-spring reads format versions up to " + supportedVersion
                + "; it was probably written by a newer release. Upgrade mtproto-spring, or configure another"
                + " session file (the existing one is left untouched).");
        this.foundVersion = foundVersion;
        this.supportedVersion = supportedVersion;
    }

    /**
     * Returns the format version the file declares.
     *
     * @return the file's version
     */
    public int foundVersion() {
        return foundVersion;
    }

    /**
     * Returns the newest format version this library reads.
     *
     * @return the supported version
     */
    public int supportedVersion() {
        return supportedVersion;
    }
}
