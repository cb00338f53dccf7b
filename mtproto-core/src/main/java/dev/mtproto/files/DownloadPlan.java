package dev.mtproto.files;

/**
 * The {@code upload.getFile} requests a byte range needs (https://core.telegram.org/api/files#downloading-files):
 * every request has the same {@code limit} (divisible by 4 KiB, dividing 1 MiB) and an offset divisible by it,
 * so a range that starts or ends inside a part is fetched with the aligned parts around it, and each answer
 * trimmed to the range. Sans-IO; immutable.
 */
final class DownloadPlan {
    private final long from;
    private final long end;
    private final long fileSize;
    private final int limit;
    private final long alignedStart;

    /**
     * @param from the first byte wanted
     * @param length how many bytes, or -1 for all to the end of the file
     * @param fileSize the file's length, or -1 if unknown
     * @param limit the request size
     */
    DownloadPlan(long from, long length, long fileSize, int limit) {
        PartRules.checkDownloadPartSize(limit);
        if (from < 0 || length < -1 || fileSize < -1) {
            throw new IllegalArgumentException("bad range: from " + from + ", length " + length + ", file size " + fileSize);
        }
        long wantedEnd = length < 0 ? -1 : from + length;
        if (fileSize >= 0) {
            wantedEnd = wantedEnd < 0 ? fileSize : Math.min(wantedEnd, fileSize);
        }
        this.from = fileSize >= 0 ? Math.min(from, fileSize) : from;
        this.end = wantedEnd < 0 ? -1 : Math.max(wantedEnd, this.from);
        this.fileSize = fileSize;
        this.limit = limit;
        this.alignedStart = this.from - this.from % limit;
    }

    /** @return the request size */
    int limit() {
        return limit;
    }

    /** @return the end of the range (exclusive), or -1 while unknown (to the end of a file of unknown length) */
    long end() {
        return end;
    }

    /** @return how many bytes the range has, or -1 while unknown */
    long length() {
        return end < 0 ? -1 : end - from;
    }

    /** @return how many requests the range needs, or -1 if unknown (they go on until a short answer) */
    long requestCount() {
        if (end < 0) {
            return -1;
        }
        return end == from ? 0 : (end - alignedStart + limit - 1) / limit;
    }

    /**
     * @param index a request, from 0
     * @return its offset
     */
    long requestOffset(long index) {
        return alignedStart + index * limit;
    }

    /**
     * @param index a request
     * @return how many bytes its answer must have when the file's length is known (the last one may be
     *     short), or -1 if it is not
     */
    long expectedLength(long index) {
        if (fileSize < 0) {
            return -1;
        }
        return Math.max(0, Math.min(limit, fileSize - requestOffset(index)));
    }

    /**
     * @param index a request
     * @param answerLength how many bytes the DC gave for it
     * @return the first byte of the answer that belongs to the range
     */
    int trimStart(long index, int answerLength) {
        return (int) Math.min(answerLength, Math.max(0, from - requestOffset(index)));
    }

    /**
     * @param index a request
     * @param answerLength how many bytes the DC gave for it
     * @return the end (exclusive) of the answer's bytes that belong to the range
     */
    int trimEnd(long index, int answerLength) {
        if (end < 0) {
            return answerLength;
        }
        return (int) Math.max(0, Math.min(answerLength, end - requestOffset(index)));
    }

    /**
     * Checks an answer against the part rules.
     *
     * @param index the request
     * @param answerLength how many bytes the DC gave
     * @return whether the answer is the file's last (shorter than the limit)
     * @throws FilePartException if it is longer than the limit, or shorter than a file of known length needs
     */
    boolean check(long index, int answerLength) {
        long offset = requestOffset(index);
        if (answerLength > limit) {
            throw new FilePartException(offset, "the DC sent " + answerLength + " bytes for a limit of " + limit);
        }
        long expected = expectedLength(index);
        if (expected >= 0 && answerLength < expected) {
            throw new FilePartException(offset, "the DC sent " + answerLength + " bytes where the file of " + fileSize
                    + " bytes has " + expected);
        }
        return answerLength < limit;
    }
}
