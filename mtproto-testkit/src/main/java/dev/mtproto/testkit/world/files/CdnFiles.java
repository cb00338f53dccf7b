package dev.mtproto.testkit.world.files;

import dev.mtproto.tl.api.FileHash;
import dev.mtproto.tl.api.FileHashType;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Which files the CDN DC serves (https://core.telegram.org/cdn), and the redirects handed out for them: a
 * file token, key and IV per file, whether the master DC re-uploaded it to the CDN ({@code upload.reuploadCdnFile};
 * until then the CDN answers {@code upload.cdnFileReuploadNeeded}, unless a test turns that off), the
 * SHA-256 hash of every 128 KiB part of its plain bytes, and parts a test corrupted. Thread-safe.
 */
final class CdnFiles {
    /** The bytes each {@code fileHash} covers. */
    static final int HASH_PART = 128 * 1024;
    /** How many hashes one answer carries (1 MiB of the file). */
    static final int HASHES_PER_ANSWER = 8;

    /** One redirect: the file, its token, key, IV and request token, and what became of it. */
    static final class Redirect {
        final Located file;
        final byte[] token;
        final byte[] key;
        final byte[] iv;
        final byte[] requestToken;
        volatile boolean uploaded;

        Redirect(Located file, byte[] token, byte[] key, byte[] iv, byte[] requestToken) {
            this.file = file;
            this.token = token;
            this.key = key;
            this.iv = iv;
            this.requestToken = requestToken;
        }
    }

    private final SecureRandom random;
    private final IntSupplier cdnDcId;
    private final Set<Long> marked = ConcurrentHashMap.newKeySet();
    private final Map<Long, Set<Long>> corrupted = new ConcurrentHashMap<>();
    private final Map<FileContent, Redirect> byContent = new IdentityHashMap<>();
    private final Map<String, Redirect> byToken = new HashMap<>();
    private volatile long sizeThreshold = Long.MAX_VALUE;
    private volatile boolean reuploadRequired = true;

    /** @param cdnDcId the CDN DC's id, 0 while the cluster has none */
    CdnFiles(SecureRandom random, IntSupplier cdnDcId) {
        this.random = random;
        this.cdnDcId = cdnDcId;
    }

    int cdnDcId() {
        return cdnDcId.getAsInt();
    }

    void mark(long fileId) {
        requireCdn();
        marked.add(fileId);
    }

    void markOver(long size) {
        requireCdn();
        sizeThreshold = size;
    }

    void reuploadRequired(boolean required) {
        reuploadRequired = required;
    }

    boolean reuploadRequired() {
        return reuploadRequired;
    }

    void corrupt(long fileId, long offset) {
        corrupted.computeIfAbsent(fileId, id -> ConcurrentHashMap.newKeySet()).add(offset / HASH_PART);
    }

    /** The rules a test set go; redirects handed out stay valid. */
    void reset() {
        marked.clear();
        corrupted.clear();
        sizeThreshold = Long.MAX_VALUE;
        reuploadRequired = true;
    }

    private void requireCdn() {
        if (cdnDcId() == 0) {
            throw new IllegalStateException("the cluster has no CDN DC: build it with TestCluster.builder().cdnDc(true)");
        }
    }

    /** @return whether the file goes to clients that support CDNs by way of the CDN DC */
    boolean serves(Located file) {
        return cdnDcId() != 0 && (marked.contains(file.fileId()) || file.content().size() > sizeThreshold);
    }

    /** @return the file's redirect, made the first time */
    synchronized Redirect redirect(Located file) {
        return byContent.computeIfAbsent(file.content(), c -> {
            Redirect r = new Redirect(file, randomBytes(32), randomBytes(32), randomBytes(16), randomBytes(32));
            byToken.put(HexFormat.of().formatHex(r.token), r);
            return r;
        });
    }

    synchronized Optional<Redirect> byToken(byte[] token) {
        return Optional.ofNullable(byToken.get(HexFormat.of().formatHex(token)));
    }

    /** @return the hashes of the 128 KiB parts of the file from the one holding {@code offset}, at most 8 */
    static List<FileHashType> hashes(FileContent content, long offset) {
        List<FileHashType> out = new ArrayList<>();
        for (long at = offset / HASH_PART * HASH_PART; at < content.size() && out.size() < HASHES_PER_ANSWER; at += HASH_PART) {
            int limit = (int) Math.min(HASH_PART, content.size() - at);
            out.add(new FileHash(at, limit, content.digest("SHA-256", at, limit)));
        }
        return out;
    }

    /**
     * @param r a redirect
     * @param offset where the bytes lie in the file
     * @param bytes plain bytes of the file, changed in place where a test corrupted their part
     */
    void spoil(Redirect r, long offset, byte[] bytes) {
        for (long part : corrupted.getOrDefault(r.file.fileId(), Set.of())) {
            long at = part * HASH_PART - offset;
            if (at >= 0 && at < bytes.length) {
                bytes[(int) at] ^= 0x5a;
            } else if (at < 0 && at + HASH_PART > 0 && bytes.length > 0) {
                bytes[0] ^= 0x5a;
            }
        }
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
