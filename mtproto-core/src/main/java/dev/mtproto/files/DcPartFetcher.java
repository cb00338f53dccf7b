package dev.mtproto.files;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.DcRole;
import dev.mtproto.client.FileMigrateHandling;
import dev.mtproto.rpc.MigrateException;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.tl.api.InputFileLocationType;
import dev.mtproto.tl.api.upload.File;
import dev.mtproto.tl.api.upload.FileCdnRedirect;
import dev.mtproto.tl.api.upload.FileType;
import dev.mtproto.tl.api.upload.GetFile;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a file's parts with {@code upload.getFile} on its DC's download lanes
 * (https://core.telegram.org/api/files): follows {@code FILE_MIGRATE_X} to DC X itself, whatever the client's
 * configuration (the home DC stays); the first part goes alone and the others wait for its answer, so that
 * they go straight to DC X (or the CDN). It gets a fresh reference from the file's
 * {@link FileReferenceRefresher} when the DC answers {@code FILE_REFERENCE_EXPIRED} or {@code _INVALID} (once
 * per expiry, however many parts saw it), and hands the parts over to a {@link CdnPartFetcher} after an
 * {@code upload.fileCdnRedirect}; {@code FILE_TOKEN_INVALID} from the CDN side sends the download back here.
 */
final class DcPartFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(DcPartFetcher.class);
    private static final int MAX_MIGRATIONS = 3;
    private static final int MAX_REFRESHES_PER_PART = 2;
    private static final int MAX_CDN_TOKENS = 3;

    private final PartCaller caller;
    private final FileReferenceRefresher refresher;
    private final boolean cdnSupported;
    private final int lanes;

    /** Guarded by this. */
    private int dc;
    private InputFileLocationType location;
    private int version;
    private CompletableFuture<Void> refreshing;
    private CdnPartFetcher cdn;
    private int cdnTokens;
    private boolean cdnRefused;
    /** Completed when the first part's first answer came; null before the first part. */
    private CompletableFuture<Void> firstAnswer;

    DcPartFetcher(PartCaller caller, RemoteFile file, TransferSettings settings) {
        this.caller = caller;
        this.refresher = file.refresher();
        this.cdnSupported = settings.cdnSupported();
        this.lanes = settings.lanesPerDc();
        this.dc = file.dcId();
        this.location = file.location();
    }

    /**
     * @param job the download
     * @param index the part's index (picks the lane)
     * @param offset its offset, divisible by the limit
     * @param limit its size
     * @return the part's bytes (decrypted and checked if they came from a CDN), read-only: a view of the
     *     decoded answer's own bytes, not a copy
     */
    CompletableFuture<ByteBuffer> fetch(TransferJob<?> job, long index, long offset, int limit) {
        CompletableFuture<Void> gate;
        boolean first;
        synchronized (this) {
            first = firstAnswer == null;
            if (first) {
                firstAnswer = new CompletableFuture<>();
            }
            gate = firstAnswer;
        }
        if (first || gate.isDone()) {
            return fetch(job, index, offset, limit, 0, 0);
        }
        // the parts after the first wait for its answer, which tells where the file is (FILE_MIGRATE, CDN)
        return gate.thenCompose(v -> fetch(job, index, offset, limit, 0, 0));
    }

    private CompletableFuture<ByteBuffer> fetch(TransferJob<?> job, long index, long offset, int limit, int migrations, int refreshes) {
        CdnPartFetcher viaCdn;
        InputFileLocationType where;
        int usedVersion;
        boolean allowCdn;
        synchronized (this) {
            viaCdn = cdn;
            where = location;
            usedVersion = version;
            allowCdn = cdnSupported && !cdnRefused;
        }
        if (viaCdn != null) {
            return viaCdn.fetch(job, index, offset, limit).exceptionallyCompose(e -> {
                if (!isError(e, "FILE_TOKEN_INVALID")) {
                    return CompletableFuture.failedFuture(PartFailure.unwrap(e));
                }
                dropCdn(viaCdn, job);
                return fetch(job, index, offset, limit, migrations, refreshes);
            });
        }
        GetFile method = new GetFile(false, allowCdn, where, offset, limit);
        return caller.call(job, "offset " + offset, () -> lane(index), method, FileMigrateHandling.CALLER_FOLLOWS)
                .whenComplete((answer, error) -> learn(answer, error, job)).thenCompose(answer -> {
            if (answer instanceof File part) {
                return CompletableFuture.completedFuture(part.bytesBuffer());
            }
            return fetch(job, index, offset, limit, migrations, refreshes);
        }).exceptionallyCompose(error -> {
            Throwable e = PartFailure.unwrap(error);
            if (e instanceof MigrateException m && m.kind() == MigrateException.Kind.FILE && migrations < MAX_MIGRATIONS) {
                return fetch(job, index, offset, limit, migrations + 1, refreshes);
            }
            if (isError(e, "FILE_REFERENCE_EXPIRED") || isError(e, "FILE_REFERENCE_INVALID")) {
                if (refreshes >= MAX_REFRESHES_PER_PART) {
                    return CompletableFuture.failedFuture(new FileReferenceException(
                            "the DC refused the file reference again after " + refreshes + " refreshes", e));
                }
                return refresh(usedVersion, e, job).thenCompose(v -> fetch(job, index, offset, limit, migrations, refreshes + 1));
            }
            return CompletableFuture.failedFuture(e);
        });
    }

    /**
     * Takes in where an answer says the file is (another DC, a CDN DC), then lets the parts waiting for the
     * first answer go.
     */
    private void learn(FileType answer, Throwable error, TransferJob<?> job) {
        try {
            if (answer instanceof FileCdnRedirect redirect) {
                redirected(redirect, job);
            } else if (PartFailure.unwrap(error) instanceof MigrateException m && m.kind() == MigrateException.Kind.FILE) {
                moveTo(m.targetDc(), job);
            }
        } finally {
            CompletableFuture<Void> gate;
            synchronized (this) {
                gate = firstAnswer;
            }
            gate.complete(null);
        }
    }

    private synchronized ConnectionId lane(long index) {
        return new ConnectionId(dc, DcRole.DOWNLOAD, (int) (index % lanes));
    }

    private synchronized void moveTo(int target, TransferJob<?> job) {
        if (dc != target) {
            LOG.debug("{}: DC {} answered FILE_MIGRATE_{}; the download goes on there", job.name(), dc, target);
            dc = target;
        }
    }

    private synchronized void redirected(FileCdnRedirect redirect, TransferJob<?> job) {
        if (cdn != null && cdn.sameFile(redirect)) {
            return;
        }
        if (cdnTokens >= MAX_CDN_TOKENS) {
            throw new FilePartException(0, "the master DC redirected to a CDN " + (cdnTokens + 1) + " times");
        }
        cdnTokens++;
        LOG.debug("{}: DC {} redirects to CDN DC {}", job.name(), dc, redirect.dcId());
        cdn = new CdnPartFetcher(caller, redirect, lanes, i -> lane(i));
    }

    private synchronized void dropCdn(CdnPartFetcher stale, TransferJob<?> job) {
        if (cdn == stale) {
            LOG.debug("{}: CDN DC {} no longer takes the file token; back to DC {}", job.name(), stale.cdnDc(), dc);
            cdn = null;
            if (cdnTokens >= MAX_CDN_TOKENS) {
                cdnRefused = true;
            }
        }
    }

    /** Gets a fresh reference, once for all the parts that saw the same stale one. */
    private CompletableFuture<Void> refresh(int usedVersion, Throwable refused, TransferJob<?> job) {
        InputFileLocationType stale;
        CompletableFuture<Void> mine;
        synchronized (this) {
            if (version != usedVersion) {
                return CompletableFuture.completedFuture(null);
            }
            if (refreshing != null) {
                return refreshing;
            }
            if (refresher == null) {
                return CompletableFuture.failedFuture(new FileReferenceException(
                        "the DC refused the file reference and the file has no refresher", refused));
            }
            stale = location;
            mine = new CompletableFuture<>();
            refreshing = mine;
        }
        LOG.debug("{}: the file reference expired; refreshing it", job.name());
        CompletableFuture<InputFileLocationType> fresh;
        try {
            fresh = refresher.refresh(stale);
        } catch (RuntimeException e) {
            fresh = CompletableFuture.failedFuture(e);
        }
        fresh.whenComplete((loc, error) -> {
            synchronized (this) {
                refreshing = null;
                if (error == null && loc != null) {
                    location = loc;
                    version++;
                }
            }
            if (error != null || loc == null) {
                mine.completeExceptionally(new FileReferenceException("refreshing the file reference failed",
                        error == null ? new NullPointerException("the refresher gave no location") : PartFailure.unwrap(error)));
            } else {
                mine.complete(null);
            }
        });
        return mine;
    }

    private static boolean isError(Throwable error, String name) {
        return PartFailure.unwrap(error) instanceof RpcException rpc && name.equals(rpc.errorName());
    }
}
