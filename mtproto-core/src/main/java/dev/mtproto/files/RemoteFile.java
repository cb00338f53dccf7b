package dev.mtproto.files;

import dev.mtproto.tl.api.InputFileLocationType;
import java.util.Objects;

/**
 * A file on a DC, as a download needs it.
 *
 * @param dcId the DC that stores it (the {@code dc_id} of its photo or document); a {@code FILE_MIGRATE} answer
 *     moves the download elsewhere anyway
 * @param location where it is on that DC
 * @param size its length in bytes, or -1 if unknown (the end is then found by a short part)
 * @param refresher gets a fresh reference when the DC says the one in the location expired; may be null (an
 *     expired reference then fails the download with a {@link FileReferenceException})
 */
public record RemoteFile(int dcId, InputFileLocationType location, long size, FileReferenceRefresher refresher) {
    /**
     * @throws IllegalArgumentException if the DC id is not positive or the size is below -1
     * @throws NullPointerException if the location is null
     */
    public RemoteFile {
        if (dcId <= 0) {
            throw new IllegalArgumentException("DC id must be positive, got " + dcId);
        }
        Objects.requireNonNull(location, "location");
        if (size < -1) {
            throw new IllegalArgumentException("size must be -1 (unknown) or at least 0, got " + size);
        }
    }

    /**
     * A file without a refresher.
     *
     * @param dcId the DC that stores it
     * @param location where it is
     * @param size its length, or -1 if unknown
     * @return the file
     */
    public static RemoteFile of(int dcId, InputFileLocationType location, long size) {
        return new RemoteFile(dcId, location, size, null);
    }
}
