package dev.mtproto.testkit.world.files;

import dev.mtproto.testkit.world.calls.WorldErrors;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The file reference of every stored document and photo (https://core.telegram.org/api/file_reference): the
 * current one, handed out with the file wherever it is fetched, and the ones that expired, which uses answer
 * with {@code FILE_REFERENCE_EXPIRED} until the client fetches the file's origin again. Thread-safe.
 */
final class FileReferences {
    private static final int LENGTH = 20;

    private final SecureRandom random;
    private final Map<Long, byte[]> current = new HashMap<>();
    private final Map<Long, Set<String>> expired = new HashMap<>();

    FileReferences(SecureRandom random) {
        this.random = random;
    }

    /** @return the file's current reference, made if it has none yet */
    synchronized byte[] current(long fileId) {
        return current.computeIfAbsent(fileId, id -> fresh()).clone();
    }

    /** Expires the file's current reference; the next fetch hands out a new one. */
    synchronized void expire(long fileId) {
        byte[] old = current.remove(fileId);
        if (old != null) {
            expired.computeIfAbsent(fileId, id -> new HashSet<>()).add(Arrays.toString(old));
        }
    }

    /** Expires every file's current reference. */
    synchronized void expireAll() {
        for (Long id : Set.copyOf(current.keySet())) {
            expire(id);
        }
    }

    /**
     * @param fileId a file
     * @param reference the reference a client sent
     * @param method the function, for errors
     * @throws dev.mtproto.rpc.RpcException {@code FILE_REFERENCE_EMPTY}, {@code FILE_REFERENCE_EXPIRED}
     *     (one the file had), or {@code FILE_REFERENCE_INVALID} (one it never had)
     */
    synchronized void check(long fileId, byte[] reference, String method) {
        if (reference == null || reference.length == 0) {
            throw WorldErrors.of(400, "FILE_REFERENCE_EMPTY", method);
        }
        byte[] now = current.get(fileId);
        if (now != null && Arrays.equals(now, reference)) {
            return;
        }
        if (expired.getOrDefault(fileId, Set.of()).contains(Arrays.toString(reference))) {
            throw WorldErrors.of(400, "FILE_REFERENCE_EXPIRED", method);
        }
        throw WorldErrors.of(400, "FILE_REFERENCE_INVALID", method);
    }

    private byte[] fresh() {
        byte[] r = new byte[LENGTH];
        random.nextBytes(r);
        r[0] = 2; // never all zero, never empty
        return r;
    }
}
