package dev.mtproto.crypto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The RSA public keys a client trusts, by fingerprint. Immutable; {@link #with} returns a new ring.
 * Key exchange picks the first fingerprint of {@code resPQ.server_public_key_fingerprints} that the ring
 * knows.
 */
public final class RsaKeyRing {
    private final Map<Long, RsaPublicKey> keys;

    private RsaKeyRing(Map<Long, RsaPublicKey> keys) {
        this.keys = keys;
    }

    /**
     * Creates a ring holding the given keys.
     *
     * @param keys the trusted keys
     * @return the ring
     */
    public static RsaKeyRing of(RsaPublicKey... keys) {
        Map<Long, RsaPublicKey> map = new LinkedHashMap<>();
        for (RsaPublicKey key : keys) {
            map.put(Objects.requireNonNull(key, "key").fingerprint(), key);
        }
        return new RsaKeyRing(Collections.unmodifiableMap(map));
    }

    /**
     * Returns a ring that also trusts {@code key} (for example the key of a private test server).
     *
     * @param key the extra key
     * @return a new ring
     */
    public RsaKeyRing with(RsaPublicKey key) {
        Map<Long, RsaPublicKey> map = new LinkedHashMap<>(keys);
        map.put(Objects.requireNonNull(key, "key").fingerprint(), key);
        return new RsaKeyRing(Collections.unmodifiableMap(map));
    }

    /**
     * Looks a key up by fingerprint.
     *
     * @param fingerprint the fingerprint as read from the wire
     * @return the key, if trusted
     */
    public Optional<RsaPublicKey> find(long fingerprint) {
        return Optional.ofNullable(keys.get(fingerprint));
    }

    /**
     * Picks the first of the server's fingerprints that this ring trusts.
     *
     * @param serverFingerprints {@code resPQ.server_public_key_fingerprints}, in the server's order
     * @return the key to encrypt {@code p_q_inner_data} with
     * @throws SecurityCheckException if none of the fingerprints is trusted
     */
    public RsaPublicKey select(long... serverFingerprints) {
        for (long fingerprint : serverFingerprints) {
            RsaPublicKey key = keys.get(fingerprint);
            if (key != null) {
                return key;
            }
        }
        throw new SecurityCheckException("none of the server's " + serverFingerprints.length
                + " RSA key fingerprints is a trusted key");
    }

    /**
     * Returns the trusted keys in the order they were added.
     *
     * @return an unmodifiable list
     */
    public List<RsaPublicKey> keys() {
        return Collections.unmodifiableList(new ArrayList<>(keys.values()));
    }

    @Override
    public String toString() {
        return "RsaKeyRing" + keys.values();
    }
}
