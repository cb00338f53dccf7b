package dev.mtproto.keyexchange;

import dev.mtproto.crypto.AuthKey;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a successful server-side exchange produced, and how the client asked for it.
 *
 * <p>{@code toString} shows the key id only (through {@link AuthKey#toString()}), never key bytes.
 *
 * @param authKey the new authorization key
 * @param firstServerSalt {@code new_nonce[0:8] XOR server_nonce[0:8]} as a little-endian long, the salt
 *     the client will use first
 * @param lifetime permanent, or temporary with {@code expires_in} and its expiry in server time
 * @param clientDcId the {@code dc} the client sent, empty for the old forms without one
 * @param innerDataForm which {@code P_Q_inner_data} constructor the client sent
 * @param rsaScheme how the client encrypted it
 * @param reqPqMulti {@code true} if the exchange began with {@code req_pq_multi}, {@code false} for the
 *     old {@code req_pq}
 */
public record ServerKeyExchangeResult(AuthKey authKey, long firstServerSalt, KeyLifetime lifetime,
        OptionalInt clientDcId, PqInnerDataForm innerDataForm, RsaScheme rsaScheme, boolean reqPqMulti) {

    /**
     * Creates a result.
     *
     * @param authKey the new authorization key
     * @param firstServerSalt the first salt
     * @param lifetime permanent or temporary
     * @param clientDcId the client's {@code dc}, if sent
     * @param innerDataForm the {@code P_Q_inner_data} constructor
     * @param rsaScheme the RSA encoding
     * @param reqPqMulti whether {@code req_pq_multi} started the exchange
     * @throws NullPointerException if a reference component is {@code null}
     */
    public ServerKeyExchangeResult {
        Objects.requireNonNull(authKey, "authKey");
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(clientDcId, "clientDcId");
        Objects.requireNonNull(innerDataForm, "innerDataForm");
        Objects.requireNonNull(rsaScheme, "rsaScheme");
    }
}
