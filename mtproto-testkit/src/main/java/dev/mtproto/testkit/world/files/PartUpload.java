package dev.mtproto.testkit.world.files;

import dev.mtproto.testkit.world.calls.WorldErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The parts saved so far for one {@code file_id} (https://core.telegram.org/api/files#uploading-files): all
 * parts have the same size, a size Telegram accepts (divisible by 1 KiB, and 512 KiB divisible by it),
 * except the last, which may be smaller and of any size. A part that breaks this is refused as soon as it
 * can be told: {@code FILE_PART_SIZE_INVALID} for a size Telegram never accepts in a part that is not the
 * last, {@code FILE_PART_SIZE_CHANGED} for a valid size that differs from the parts before. A part saved
 * again replaces the one before (a retried part). Not thread-safe: {@link UploadParts} locks it.
 */
final class PartUpload {
    /** The largest part: 512 KiB. */
    static final int MAX_PART_SIZE = 512 * 1024;

    private final boolean big;
    private final int totalParts;
    private final TreeMap<Integer, byte[]> parts = new TreeMap<>();
    /** The size of every part but the last; 0 while no valid-sized part came. */
    private int partSize;
    /** How many stored parts have {@link #partSize}. */
    private int fullParts;
    /** The index of the one stored part smaller than the others, which must be the last; -1 if none. */
    private int lastCandidate = -1;
    private long bytes;
    private long touchedMillis;

    /**
     * @param big whether the parts come by {@code upload.saveBigFilePart}
     * @param totalParts the big file's {@code file_total_parts}; 0 for a small file
     * @param nowMillis the world's time
     */
    PartUpload(boolean big, int totalParts, long nowMillis) {
        this.big = big;
        this.totalParts = totalParts;
        this.touchedMillis = nowMillis;
    }

    boolean big() {
        return big;
    }

    int totalParts() {
        return totalParts;
    }

    long touchedMillis() {
        return touchedMillis;
    }

    /** @return the bytes the saved parts hold */
    long bytes() {
        return bytes;
    }

    static boolean validPartSize(int size) {
        return size > 0 && size % 1024 == 0 && MAX_PART_SIZE % size == 0;
    }

    /**
     * Saves one part, after the caller checked the part number and that the part is not empty or too big.
     *
     * @param index the part number
     * @param data the part
     * @param nowMillis the world's time
     * @param method the function, for errors
     * @throws dev.mtproto.rpc.RpcException {@code FILE_PART_SIZE_INVALID} or {@code FILE_PART_SIZE_CHANGED}
     */
    void save(int index, byte[] data, long nowMillis, String method) {
        byte[] old = parts.remove(index);
        if (old != null) {
            forget(index, old);
        }
        try {
            admit(index, data.length, method);
        } catch (RuntimeException e) {
            if (old != null) { // the retry is refused: the part saved before stays
                parts.put(index, old);
                bytes += old.length;
                count(index, old.length);
            }
            throw e;
        }
        parts.put(index, data);
        bytes += data.length;
        touchedMillis = nowMillis;
    }

    private void forget(int index, byte[] old) {
        bytes -= old.length;
        if (index == lastCandidate) {
            lastCandidate = -1;
        } else if (old.length == partSize) {
            fullParts--;
        }
    }

    /** Re-counts a part put back as it was. */
    private void count(int index, int size) {
        if (size == partSize) {
            fullParts++;
        } else {
            lastCandidate = index;
        }
    }

    /** Checks a part of {@code size} bytes at {@code index} against the stored parts, and counts it. */
    private void admit(int index, int size, String method) {
        int highest = parts.isEmpty() ? -1 : parts.lastKey();
        if (!validPartSize(size)) {
            requireLast(index, highest, "FILE_PART_SIZE_INVALID", method);
            if (partSize != 0 && size > partSize) {
                throw WorldErrors.of(400, "FILE_PART_SIZE_CHANGED", method);
            }
            lastCandidate = index;
            return;
        }
        if (lastCandidate >= 0 && index > lastCandidate) { // the smaller part before was not the last one
            String error = validPartSize(parts.get(lastCandidate).length) ? "FILE_PART_SIZE_CHANGED" : "FILE_PART_SIZE_INVALID";
            throw WorldErrors.of(400, error, method);
        }
        if (partSize == 0 || (fullParts == 0 && lastCandidate < 0)) {
            if (lastCandidate >= 0 && size < parts.get(lastCandidate).length) {
                throw WorldErrors.of(400, "FILE_PART_SIZE_CHANGED", method);
            }
            partSize = size;
            fullParts = 1;
        } else if (size == partSize) {
            fullParts++;
        } else if (size < partSize) {
            requireLast(index, highest, "FILE_PART_SIZE_CHANGED", method);
            lastCandidate = index;
        } else {
            growPartSize(index, size, highest, method);
        }
    }

    /**
     * A part bigger than the parts before: allowed only if the one part before was the last part, smaller
     * than the rest will be.
     */
    private void growPartSize(int index, int size, int highest, String method) {
        boolean onlyOneBefore = fullParts == 1 && lastCandidate < 0 && parts.get(highest).length == partSize;
        if (!onlyOneBefore || highest < index || (big && highest != totalParts - 1)) {
            throw WorldErrors.of(400, "FILE_PART_SIZE_CHANGED", method);
        }
        lastCandidate = highest;
        partSize = size;
        fullParts = 1;
    }

    private void requireLast(int index, int highest, String error, String method) {
        boolean last = big ? index == totalParts - 1 : index >= highest && (lastCandidate < 0 || lastCandidate == index);
        if (!last) {
            throw WorldErrors.of(400, error, method);
        }
    }

    /**
     * The file, as an {@code InputFile} names it.
     *
     * @param declaredParts the {@code parts} of the {@code InputFile}
     * @param nowMillis the world's time
     * @param method the function using the file, for errors
     * @return its content: the parts, not copied
     * @throws dev.mtproto.rpc.RpcException {@code FILE_PARTS_INVALID} if the count is wrong,
     *     {@code FILE_PART_X_MISSING} for the first part not saved, {@code FILE_PART_SIZE_CHANGED} or
     *     {@code FILE_PART_SIZE_INVALID} if the sizes do not fit
     */
    FileContent content(int declaredParts, long nowMillis, String method) {
        if (declaredParts < 1 || (big && declaredParts != totalParts) || (!parts.isEmpty() && parts.lastKey() >= declaredParts)) {
            throw WorldErrors.of(400, "FILE_PARTS_INVALID", method);
        }
        List<byte[]> list = new ArrayList<>(declaredParts);
        for (int i = 0; i < declaredParts; i++) {
            byte[] part = parts.get(i);
            if (part == null) {
                throw WorldErrors.of(400, "FILE_PART_" + i + "_MISSING", method);
            }
            list.add(part);
        }
        int size = list.get(0).length;
        if (declaredParts > 1 && !validPartSize(size)) {
            throw WorldErrors.of(400, "FILE_PART_SIZE_INVALID", method);
        }
        for (int i = 1; i < declaredParts; i++) {
            int n = list.get(i).length;
            if (i < declaredParts - 1 ? n != size : n > size) {
                throw WorldErrors.of(400, "FILE_PART_SIZE_CHANGED", method);
            }
        }
        touchedMillis = nowMillis;
        return FileContent.ofParts(list, size);
    }

    /** @return the saved part numbers and sizes, for logs */
    @Override
    public String toString() {
        return "PartUpload{" + (big ? "big, " + totalParts + " parts, " : "") + parts.size() + " saved, " + bytes + " bytes}";
    }
}
