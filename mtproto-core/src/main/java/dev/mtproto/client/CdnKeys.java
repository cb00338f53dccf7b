package dev.mtproto.client;

import dev.mtproto.crypto.RsaKeyRing;
import dev.mtproto.crypto.RsaPublicKey;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.tl.api.CdnConfig;
import dev.mtproto.tl.api.CdnPublicKey;
import dev.mtproto.tl.api.CdnPublicKeyType;
import dev.mtproto.tl.api.help.GetCdnConfig;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a client's connections to CDN DCs use instead of an account's keys (https://core.telegram.org/cdn):
 * the CDN DCs' RSA keys, from {@code help.getCdnConfig} (asked once, again only when a CDN DC is missing
 * from the answer), and their authorization keys, created per CDN DC and kept in memory only: never in the
 * session store, never authorized as a user.
 */
final class CdnKeys {
    private static final Logger LOG = LoggerFactory.getLogger(CdnKeys.class);

    private final AuthKeys authKeys = new AuthKeys(new MemorySessionStore());
    private final Map<Integer, RsaPublicKey> rsa = new ConcurrentHashMap<>();
    private volatile CompletableFuture<Void> loading;

    /** @return the CDN DCs' authorization keys (in memory) */
    AuthKeys authKeys() {
        return authKeys;
    }

    /**
     * @param cdnDc a CDN DC
     * @return the ring with its RSA key
     * @throws IllegalStateException if the key is not known yet (see {@link #ready})
     */
    RsaKeyRing ring(int cdnDc) {
        RsaPublicKey key = rsa.get(cdnDc);
        if (key == null) {
            throw new IllegalStateException("no RSA key of CDN DC " + cdnDc + " is known (help.getCdnConfig did not list it)");
        }
        return RsaKeyRing.of(key);
    }

    /**
     * @param cdnDc a CDN DC
     * @param config asks the client's home DC for {@code help.getCdnConfig}
     * @return completes when the DC's RSA key is known; fails if {@code help.getCdnConfig} fails or does not list it
     */
    CompletableFuture<Void> ready(int cdnDc, Supplier<CompletableFuture<CdnConfig>> config) {
        if (rsa.containsKey(cdnDc)) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> current;
        synchronized (this) {
            current = loading;
            if (current == null || current.isDone()) {
                current = config.get().thenAccept(this::take);
                loading = current;
            }
        }
        return current.thenRun(() -> {
            if (!rsa.containsKey(cdnDc)) {
                throw new IllegalStateException("help.getCdnConfig lists no RSA key of CDN DC " + cdnDc);
            }
        });
    }

    /**
     * Destroys the CDN DCs' authorization keys: the in-memory store's (this client's alone) and the copies
     * kept for connections that waited for one; the client is closed.
     */
    void close() {
        authKeys.close();
        authKeys.store().snapshot().authorizations().values().forEach(a -> a.authKey().destroy());
    }

    private void take(CdnConfig config) {
        for (CdnPublicKeyType k : config.publicKeys()) {
            CdnPublicKey key = (CdnPublicKey) k;
            try {
                rsa.put(key.dcId(), RsaPublicKey.fromPem(key.publicKey()));
            } catch (RuntimeException e) {
                LOG.warn("CDN DC {}: its RSA key from help.getCdnConfig is unreadable: {}", key.dcId(), e.getMessage());
            }
        }
    }
}
