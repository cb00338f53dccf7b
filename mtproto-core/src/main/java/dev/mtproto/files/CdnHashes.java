package dev.mtproto.files;

import dev.mtproto.tl.api.FileHash;
import dev.mtproto.tl.api.FileHashType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The SHA-256 hashes of a CDN file's ranges, as the master DC gave them (with the redirection, then from
 * {@code upload.reuploadCdnFile} and {@code upload.getCdnFileHashes}), and the check of a decrypted part against
 * them. Thread-safe.
 */
final class CdnHashes {
    private final ConcurrentSkipListMap<Long, FileHash> byOffset = new ConcurrentSkipListMap<>();

    /** @param hashes more hashes (a range already known is replaced) */
    void add(List<? extends FileHashType> hashes) {
        for (FileHashType h : hashes) {
            FileHash hash = (FileHash) h;
            byOffset.put(hash.offset(), hash);
        }
    }

    /**
     * @param offset a range's offset
     * @return whether the hash of the range starting there is known
     */
    boolean has(long offset) {
        return byOffset.containsKey(offset);
    }

    /**
     * Checks a decrypted part.
     *
     * @param cdnDc the CDN DC that sent it, for the error
     * @param offset its offset in the file
     * @param plain its bytes
     * @param fileEnds whether the part is the file's last (shorter than asked for): its last hash range may then
     *     reach past the end, and covers the bytes up to the end
     * @return -1 if every range of the part matched its hash; otherwise the offset of the first range whose hash
     *     is not known yet (fetch hashes from there and check again)
     * @throws CdnFileHashMismatchException if a range does not match its hash
     * @throws FilePartException if a known range crosses the part's end or is empty
     */
    long check(int cdnDc, long offset, byte[] plain, boolean fileEnds) {
        long end = offset + plain.length;
        long pos = offset;
        MessageDigest sha256 = sha256();
        while (pos < end) {
            FileHash hash = byOffset.get(pos);
            if (hash == null) {
                return pos;
            }
            if (hash.limit() <= 0 || (pos + hash.limit() > end && !fileEnds)) {
                throw new FilePartException(pos, "the hash range of " + hash.limit() + " bytes does not fit the part of "
                        + plain.length + " bytes at offset " + offset);
            }
            int length = (int) Math.min(hash.limit(), end - pos);
            sha256.update(plain, (int) (pos - offset), length);
            if (!MessageDigest.isEqual(sha256.digest(), hash.hash())) {
                throw new CdnFileHashMismatchException(cdnDc, pos, length);
            }
            pos += length;
        }
        return -1;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
