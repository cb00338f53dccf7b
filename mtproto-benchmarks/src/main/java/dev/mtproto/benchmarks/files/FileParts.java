package dev.mtproto.benchmarks.files;

import dev.mtproto.tl.api.storage.FilePartial;
import dev.mtproto.tl.api.upload.File;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark DC's file store: the {@code upload.file} answers to a file's parts, each built the first time
 * it is asked for and kept, as a DC keeps a file's parts, so that serving a part costs the DC what a real
 * one pays (serializing, encrypting, sending) and not a slice and a copy of the file per request. Keyed by
 * offset and limit; the values are immutable, so one answer can go to any number of requests. Thread-safe.
 */
final class FileParts {
    private final byte[] content;
    private final Map<Long, File> answers = new HashMap<>();

    /** @param content the file; not copied, and not to be changed afterwards */
    FileParts(byte[] content) {
        this.content = content;
    }

    /**
     * @param offset where the part starts
     * @param limit the most bytes it holds
     * @return the part, shorter than {@code limit} (down to empty) at the end of the file
     */
    synchronized File answer(long offset, int limit) {
        int from = (int) Math.min(offset, content.length);
        int to = (int) Math.min(offset + limit, content.length);
        return answers.computeIfAbsent(((long) from << 32) | (to - from),
                k -> new File(FilePartial.INSTANCE, 0, Arrays.copyOfRange(content, from, to)));
    }
}
