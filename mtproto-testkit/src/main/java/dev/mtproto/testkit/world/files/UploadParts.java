package dev.mtproto.testkit.world.files;

import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.tl.api.InputFile;
import dev.mtproto.tl.api.InputFileBig;
import dev.mtproto.tl.api.InputFileType;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The parts uploaded on every DC and not yet used up, by DC, uploader and {@code file_id}
 * (https://core.telegram.org/api/files#uploading-files), kept for a retention period after the last part
 * (so that an interrupted upload can go on where it stopped) and within a byte budget (the oldest upload
 * goes first). Checks every part as Telegram does, and turns an {@code InputFile} into the file's content.
 * Thread-safe.
 */
final class UploadParts {
    /** How long parts are kept after the last one came, by default. Telegram's docs give no figure; a day. */
    static final Duration DEFAULT_RETENTION = Duration.ofHours(24);
    /** How many bytes of parts not yet used all uploads may hold together, by default. */
    static final long DEFAULT_BUDGET = 1L << 30;
    /** The most parts of one file ({@code upload_max_fileparts_default}). */
    static final int MAX_PARTS = 4000;
    /** Files bigger than this must be uploaded with {@code upload.saveBigFilePart}: 10 MiB. */
    static final long BIG_FILE_THRESHOLD = 10L * 1024 * 1024;

    private record Key(int dcId, long ownerId, long fileId) {
    }

    private final Clock clock;
    private final LinkedHashMap<Key, PartUpload> uploads = new LinkedHashMap<>(16, 0.75f, true);
    private Duration retention = DEFAULT_RETENTION;
    private long budget = DEFAULT_BUDGET;
    private long held;
    private long savedParts;

    UploadParts(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    synchronized void retention(Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the retention must be positive, got " + retention);
        }
        this.retention = retention;
    }

    synchronized void budget(long bytes) {
        if (bytes < PartUpload.MAX_PART_SIZE) {
            throw new IllegalArgumentException("the budget must hold at least one part of 512 KiB, got " + bytes);
        }
        this.budget = bytes;
    }

    /** Puts the retention and the budget back to their defaults. */
    synchronized void resetSettings() {
        retention = DEFAULT_RETENTION;
        budget = DEFAULT_BUDGET;
    }

    /** Forgets every part not used yet, as if the retention had passed. */
    synchronized void clear() {
        uploads.clear();
        held = 0;
    }

    /** @return how many bytes the parts not used yet hold */
    synchronized long heldBytes() {
        return held;
    }

    /** @return how many parts were saved since the world started, on every DC */
    synchronized long savedParts() {
        return savedParts;
    }

    /**
     * {@code upload.saveFilePart} ({@code totalParts} 0) or {@code upload.saveBigFilePart}.
     *
     * @throws dev.mtproto.rpc.RpcException {@code FILE_PART_EMPTY}, {@code FILE_PART_TOO_BIG},
     *     {@code FILE_PART_INVALID} (number out of range, or past the total), {@code FILE_PARTS_INVALID}
     *     (a total out of range, or changed), or a size error from {@link PartUpload}
     */
    synchronized void save(int dcId, long ownerId, long fileId, int part, boolean big, int totalParts, byte[] data, String method) {
        if (data.length == 0) {
            throw WorldErrors.of(400, "FILE_PART_EMPTY", method);
        }
        if (data.length > PartUpload.MAX_PART_SIZE) {
            throw WorldErrors.of(400, "FILE_PART_TOO_BIG", method);
        }
        if (big && (totalParts < 1 || totalParts > MAX_PARTS)) {
            throw WorldErrors.of(400, "FILE_PARTS_INVALID", method);
        }
        if (part < 0 || part >= MAX_PARTS || (big && part >= totalParts)) {
            throw WorldErrors.of(400, "FILE_PART_INVALID", method);
        }
        long now = clock.millis();
        expire(now);
        Key key = new Key(dcId, ownerId, fileId);
        PartUpload upload = uploads.get(key);
        if (upload != null && (upload.big() != big || upload.totalParts() != totalParts)) {
            throw WorldErrors.of(400, upload.big() == big ? "FILE_PARTS_INVALID" : "FILE_PART_INVALID", method);
        }
        if (upload == null) {
            upload = new PartUpload(big, totalParts, now);
            uploads.put(key, upload);
        }
        long before = upload.bytes();
        upload.save(part, data, now, method);
        held += upload.bytes() - before;
        savedParts++;
        evictOverBudget(key);
    }

    /**
     * @param dcId the DC the file is used on
     * @param ownerId who uploaded it
     * @param file the file, as the client names it
     * @param method the function using it, for errors
     * @return its content
     * @throws dev.mtproto.rpc.RpcException {@code FILE_PART_0_MISSING} if nothing was uploaded under that
     *     id here (or it was forgotten), {@code FILE_PARTS_INVALID} for a wrong count or a small file over
     *     10 MiB, {@code MD5_CHECKSUM_INVALID} if a given MD5 does not match, or a part error
     */
    synchronized FileContent content(int dcId, long ownerId, InputFileType file, String method) {
        long now = clock.millis();
        expire(now);
        long id;
        int parts;
        boolean big;
        String md5 = "";
        if (file instanceof InputFile f) {
            id = f.id();
            parts = f.parts();
            big = false;
            md5 = f.md5Checksum();
        } else if (file instanceof InputFileBig f) {
            id = f.id();
            parts = f.parts();
            big = true;
        } else {
            throw WorldErrors.of(400, "FILE_PARTS_INVALID", method);
        }
        PartUpload upload = uploads.get(new Key(dcId, ownerId, id));
        if (upload == null) {
            throw WorldErrors.of(400, "FILE_PART_0_MISSING", method);
        }
        if (upload.big() != big) {
            throw WorldErrors.of(400, "FILE_PARTS_INVALID", method);
        }
        FileContent content = upload.content(parts, now, method);
        if (!big && content.size() > BIG_FILE_THRESHOLD) {
            throw WorldErrors.of(400, "FILE_PARTS_INVALID", method);
        }
        if (!md5.isEmpty() && !md5.equalsIgnoreCase(HexFormat.of().formatHex(content.digest("MD5", 0, content.size())))) {
            throw WorldErrors.of(400, "MD5_CHECKSUM_INVALID", method);
        }
        return content;
    }

    /** Forgets the uploads untouched for longer than the retention: the oldest come first, in access order. */
    private void expire(long now) {
        long keep = retention.toMillis();
        for (Iterator<PartUpload> it = uploads.values().iterator(); it.hasNext(); ) {
            PartUpload u = it.next();
            if (now - u.touchedMillis() <= keep) {
                return;
            }
            held -= u.bytes();
            it.remove();
        }
    }

    /** Forgets the uploads used longest ago until the parts fit the budget; never the one just saved. */
    private void evictOverBudget(Key keep) {
        for (Iterator<Map.Entry<Key, PartUpload>> it = uploads.entrySet().iterator(); held > budget && it.hasNext(); ) {
            Map.Entry<Key, PartUpload> e = it.next();
            if (!e.getKey().equals(keep)) {
                held -= e.getValue().bytes();
                it.remove();
            }
        }
    }
}
