package dev.mtproto.client;

import dev.mtproto.crypto.AuthKey;
import java.time.Instant;

/**
 * A temporary authorization key (https://core.telegram.org/api/pfs): what encrypts a connection's
 * messages under perfect forward secrecy, bound to the DC's permanent key, never stored.
 *
 * @param key the key
 * @param firstSalt the salt its key exchange gave
 * @param timeOffsetMillis server minus local time, from its key exchange
 * @param expiresAt when the DC forgets it
 */
record TempKey(AuthKey key, long firstSalt, long timeOffsetMillis, Instant expiresAt) {
    @Override
    public String toString() {
        return "TempKey{id=" + Long.toHexString(key.id()) + ", expiresAt=" + expiresAt + "}";
    }
}
