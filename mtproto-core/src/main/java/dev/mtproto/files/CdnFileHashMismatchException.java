package dev.mtproto.files;

/**
 * A part fetched from a CDN DC does not have the SHA-256 its master DC gave for it
 * (https://core.telegram.org/cdn): the CDN sent damaged or forged content, and nothing of it was written.
 */
public final class CdnFileHashMismatchException extends FileTransferException {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final int cdnDc;

    /**
     * @param cdnDc the CDN DC that sent it
     * @param offset the offset of the hash range that did not match
     * @param length the length of that range
     */
    public CdnFileHashMismatchException(int cdnDc, long offset, int length) {
        super("CDN DC " + cdnDc + " sent " + length + " bytes at offset " + offset + " whose SHA-256 does not match the master DC's hash");
        this.offset = offset;
        this.cdnDc = cdnDc;
    }

    /** @return the offset of the range that did not match */
    public long offset() {
        return offset;
    }

    /** @return the CDN DC */
    public int cdnDc() {
        return cdnDc;
    }
}
