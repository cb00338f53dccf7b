package dev.mtproto.files;

/**
 * The part sizes and offsets Telegram accepts (https://core.telegram.org/api/files): an upload part is at most
 * 512 KiB, divisible by 1 KiB, and 512 KiB is divisible by it; a download {@code limit} is divisible by 4 KiB
 * and 1 MiB is divisible by it, and the offset is divisible by the limit. Files above 10 MiB are "big"
 * ({@code upload.saveBigFilePart}).
 */
public final class PartRules {
    /** The largest upload part: 512 KiB. */
    public static final int MAX_UPLOAD_PART = 512 * 1024;
    /** The largest download limit: 1 MiB. */
    public static final int MAX_DOWNLOAD_PART = 1024 * 1024;
    /** Above this length a file is uploaded with {@code upload.saveBigFilePart}: 10 MiB. */
    public static final long BIG_FILE_THRESHOLD = 10L * 1024 * 1024;
    /** The most parts an upload may have (4000 for everyone, 8000 for premium accounts; the DC decides). */
    public static final int MAX_UPLOAD_PARTS = 8000;

    private PartRules() {
    }

    /**
     * @param partSize an upload part size
     * @throws IllegalArgumentException unless it is positive, at most 512 KiB, divisible by 1 KiB and divides 512 KiB
     */
    public static void checkUploadPartSize(int partSize) {
        if (partSize <= 0 || partSize > MAX_UPLOAD_PART || partSize % 1024 != 0 || MAX_UPLOAD_PART % partSize != 0) {
            throw new IllegalArgumentException("an upload part size must be at most 512 KiB, divisible by 1 KiB and divide 512 KiB, got " + partSize);
        }
    }

    /**
     * @param limit a download part size
     * @throws IllegalArgumentException unless it is positive, divisible by 4 KiB and divides 1 MiB
     */
    public static void checkDownloadPartSize(int limit) {
        if (limit <= 0 || limit % 4096 != 0 || MAX_DOWNLOAD_PART % limit != 0) {
            throw new IllegalArgumentException("a download part size must be divisible by 4 KiB and divide 1 MiB, got " + limit);
        }
    }

    /**
     * Chooses the upload part size for a file: 512 KiB, or for a file shorter than that the smallest power of
     * two KiB that holds it in one part.
     *
     * @param size the file's length
     * @return the part size
     * @throws IllegalArgumentException if the size is negative or needs more than {@link #MAX_UPLOAD_PARTS} parts
     */
    public static int uploadPartSize(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be at least 0, got " + size);
        }
        if (size > (long) MAX_UPLOAD_PARTS * MAX_UPLOAD_PART) {
            throw new IllegalArgumentException("a file of " + size + " bytes needs more than " + MAX_UPLOAD_PARTS + " parts of 512 KiB");
        }
        int part = 1024;
        while (part < MAX_UPLOAD_PART && part < size) {
            part *= 2;
        }
        return part;
    }

    /**
     * @param size a file's length
     * @param partSize the part size
     * @return how many parts it has (none for a 0-byte file)
     */
    public static int partCount(long size, int partSize) {
        return (int) ((size + partSize - 1) / partSize);
    }

    /**
     * @param size a file's length
     * @return whether it is uploaded as a big file
     */
    public static boolean big(long size) {
        return size > BIG_FILE_THRESHOLD;
    }
}
