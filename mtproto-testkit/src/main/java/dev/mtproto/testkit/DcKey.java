package dev.mtproto.testkit;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.keyexchange.KeyLifetime;
import java.util.Objects;

/**
 * An authorization key a client created on a test DC. {@code toString} names the key id only.
 *
 * @param authKey the key
 * @param lifetime permanent, or temporary with its expiry in the DC's time
 * @param testMode whether the client named the DC with the test offset (+10000) in the key exchange
 */
public record DcKey(AuthKey authKey, KeyLifetime lifetime, boolean testMode) {
    /**
     * Checks the components.
     *
     * @param authKey the key
     * @param lifetime permanent or temporary
     * @param testMode whether it was made for a test DC
     * @throws NullPointerException if the key or the lifetime is null
     */
    public DcKey {
        Objects.requireNonNull(authKey, "authKey");
        Objects.requireNonNull(lifetime, "lifetime");
    }

    /** @return whether the key is temporary (made with {@code p_q_inner_data_temp_dc}, for perfect forward secrecy) */
    public boolean temporary() {
        return lifetime.isTemporary();
    }
}
