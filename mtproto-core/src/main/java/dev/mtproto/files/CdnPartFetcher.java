package dev.mtproto.files;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.DcRole;
import dev.mtproto.tl.api.upload.CdnFile;
import dev.mtproto.tl.api.upload.CdnFileReuploadNeeded;
import dev.mtproto.tl.api.upload.FileCdnRedirect;
import dev.mtproto.tl.api.upload.GetCdnFile;
import dev.mtproto.tl.api.upload.GetCdnFileHashes;
import dev.mtproto.tl.api.upload.ReuploadCdnFile;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a file's parts from the CDN DC its master DC redirected to (https://core.telegram.org/cdn):
 * {@code upload.getCdnFile} on the CDN DC's lanes (its own key, no authorization); on
 * {@code upload.cdnFileReuploadNeeded}, {@code upload.reuploadCdnFile} on the master DC and the part again; each
 * part decrypted and checked against the master DC's hashes, fetching more with
 * {@code upload.getCdnFileHashes} as the download gets past those known.
 */
final class CdnPartFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(CdnPartFetcher.class);
    private static final int MAX_REUPLOADS = 3;
    private static final int MAX_HASH_FETCHES_PER_PART = 64;

    private final PartCaller caller;
    private final int cdnDc;
    private final byte[] token;
    private final CdnCipher cipher;
    private final CdnHashes hashes = new CdnHashes();
    private final int lanes;
    private final IntFunction<ConnectionId> masterLane;
    private CompletableFuture<Void> keys;

    /**
     * @param caller sends the calls
     * @param redirect the master DC's answer
     * @param lanes how many CDN connections to spread parts over
     * @param masterLane the master DC's connection for a part index (for reuploads and hashes)
     */
    CdnPartFetcher(PartCaller caller, FileCdnRedirect redirect, int lanes, IntFunction<ConnectionId> masterLane) {
        this.caller = caller;
        this.cdnDc = redirect.dcId();
        this.token = redirect.fileToken().clone();
        this.cipher = new CdnCipher(redirect.encryptionKey(), redirect.encryptionIv());
        this.hashes.add(redirect.fileHashes());
        this.lanes = lanes;
        this.masterLane = masterLane;
    }

    /** @return the CDN DC */
    int cdnDc() {
        return cdnDc;
    }

    /**
     * @param other a redirection
     * @return whether it names the same CDN file as this one
     */
    boolean sameFile(FileCdnRedirect other) {
        return other.dcId() == cdnDc && java.util.Arrays.equals(other.fileToken(), token);
    }

    /**
     * @param job the download
     * @param index the part's index (picks the lane)
     * @param offset its offset
     * @param limit its size
     * @return the decrypted, checked bytes
     */
    CompletableFuture<ByteBuffer> fetch(TransferJob<?> job, long index, long offset, int limit) {
        return fetch(job, index, offset, limit, 0).thenApply(ByteBuffer::wrap);
    }

    private CompletableFuture<byte[]> fetch(TransferJob<?> job, long index, long offset, int limit, int reuploads) {
        ConnectionId lane = new ConnectionId(cdnDc, DcRole.CDN, (int) (index % lanes));
        return keys().thenCompose(v -> caller.call(job, "offset " + offset, () -> lane, new GetCdnFile(token, offset, limit))).thenCompose(answer -> {
            if (answer instanceof CdnFile part) {
                int sent = part.bytesBuffer().remaining();
                if (sent > limit) {
                    throw new FilePartException(offset, "the CDN sent " + sent + " bytes for a limit of " + limit);
                }
                byte[] plain = cipher.decrypt(part.bytes(), offset);
                return checked(job, index, offset, plain, plain.length < limit, 0);
            }
            if (reuploads >= MAX_REUPLOADS) {
                throw new FilePartException(offset, "the CDN asked for a reupload " + (reuploads + 1) + " times");
            }
            LOG.debug("{} offset {}: CDN DC {} asks for a reupload (attempt {})", job.name(), offset, cdnDc, reuploads + 1);
            byte[] request = ((CdnFileReuploadNeeded) answer).requestToken();
            return caller.call(job, "reupload", () -> masterLane.apply((int) index), new ReuploadCdnFile(token, request))
                    .thenCompose(more -> {
                        hashes.add(more);
                        return fetch(job, index, offset, limit, reuploads + 1);
                    });
        });
    }

    /** @return completes when the client can open connections to the CDN DC (its RSA key is known) */
    private synchronized CompletableFuture<Void> keys() {
        if (keys == null || keys.isCompletedExceptionally()) {
            keys = caller.client().prepareCdn(cdnDc);
        }
        return keys;
    }

    private CompletableFuture<byte[]> checked(TransferJob<?> job, long index, long offset, byte[] plain, boolean fileEnds, int hashFetches) {
        long missing = hashes.check(cdnDc, offset, plain, fileEnds);
        if (missing < 0) {
            return CompletableFuture.completedFuture(plain);
        }
        if (hashFetches >= MAX_HASH_FETCHES_PER_PART) {
            throw new FilePartException(missing, "the master DC gave no hash for this range");
        }
        return caller.call(job, "hashes at " + missing, () -> masterLane.apply((int) index), new GetCdnFileHashes(token, missing))
                .thenCompose(more -> {
                    hashes.add(more);
                    if (!hashes.has(missing)) {
                        throw new FilePartException(missing, "the master DC gave no hash for this range");
                    }
                    return checked(job, index, offset, plain, fileEnds, hashFetches + 1);
                });
    }
}
