package dev.mtproto.testkit;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.keyexchange.KeyLifetime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The authorization keys clients created on one test DC, with what the DC keeps of each: the first salt,
 * whether it was made for a test DC, its lifetime and the layer its client announced. A temporary key is
 * forgotten once it expires, as Telegram keeps them in memory only (https://core.telegram.org/api/pfs).
 * Thread-safe.
 */
final class DcKeys {
    /** A key created by the key exchange, and the layer its client announced (kept with the authorization). */
    static final class KeyRecord {
        final AuthKey key;
        final long firstSalt;
        /** Whether the client named this DC with the test offset (+10000) in the key exchange. */
        final boolean testMode;
        final KeyLifetime lifetime;
        volatile int layer;

        KeyRecord(AuthKey key, long firstSalt, boolean testMode, KeyLifetime lifetime) {
            this.key = key;
            this.firstSalt = firstSalt;
            this.testMode = testMode;
            this.lifetime = lifetime;
        }

        boolean expiredAt(long nowMillis) {
            return lifetime instanceof KeyLifetime.Temporary t && nowMillis / 1000 >= t.expiresAtEpochSecond();
        }
    }

    private final Map<Long, KeyRecord> keys = new ConcurrentHashMap<>();
    private final LongSupplier nowMillis;

    /** @param nowMillis the DC's time */
    DcKeys(LongSupplier nowMillis) {
        this.nowMillis = nowMillis;
    }

    void add(AuthKey key, long firstSalt, boolean testMode, KeyLifetime lifetime) {
        keys.put(key.id(), new KeyRecord(key, firstSalt, testMode, lifetime));
    }

    /** @return the key, or null if there is none or it was temporary and has expired (then it is forgotten) */
    KeyRecord get(long authKeyId) {
        KeyRecord record = keys.get(authKeyId);
        if (record != null && record.expiredAt(nowMillis.getAsLong())) {
            keys.remove(authKeyId, record);
            return null;
        }
        return record;
    }

    int count() {
        return keys.size();
    }

    /** @return the ids of every key held now (expired temporary ones may be among them until asked for) */
    Set<Long> ids() {
        return Set.copyOf(keys.keySet());
    }

    void clear() {
        keys.clear();
    }

    /** Forgets the temporary keys, keeping the permanent ones. */
    void clearTemporary() {
        keys.values().removeIf(record -> record.lifetime.isTemporary());
    }
}
