package dev.mtproto.files;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * How to go on with an interrupted upload: the random file id the parts were sent under, their size and the
 * parts the DC confirmed. Resuming with it sends only the other parts (the DC keeps parts for a while, see
 * https://core.telegram.org/api/files); the source must be the same content.
 *
 * @param fileId the {@code file_id} of the parts
 * @param partSize the part size in bytes
 * @param size the length of the whole file
 * @param confirmedParts the numbers (from 0) of the parts the DC confirmed; an unmodifiable sorted copy
 */
public record UploadResume(long fileId, int partSize, long size, Set<Integer> confirmedParts) {
    /**
     * @throws IllegalArgumentException if the part size breaks the part rules, the size is negative or a part
     *     number is outside the file
     */
    public UploadResume {
        PartRules.checkUploadPartSize(partSize);
        if (size < 0) {
            throw new IllegalArgumentException("size must be at least 0, got " + size);
        }
        int parts = PartRules.partCount(size, partSize);
        TreeSet<Integer> copy = new TreeSet<>(confirmedParts);
        if (!copy.isEmpty() && (copy.first() < 0 || copy.last() >= parts)) {
            throw new IllegalArgumentException("confirmed parts must be in 0.." + (parts - 1) + ", got " + copy);
        }
        confirmedParts = Collections.unmodifiableSortedSet(copy);
    }

    /** @return how many parts the file has */
    public int totalParts() {
        return PartRules.partCount(size, partSize);
    }
}
