package dev.mtproto.keyexchange;

import dev.mtproto.crypto.AuthKey;
import java.util.Objects;

/**
 * What a successful client-side exchange produced.
 *
 * <p>{@code toString} shows the key id only (through {@link AuthKey#toString()}), never key bytes.
 *
 * @param authKey the new authorization key
 * @param firstServerSalt the salt to use until the server sends others:
 *     {@code new_nonce[0:8] XOR server_nonce[0:8]}, as the little-endian long written into messages
 * @param serverTime the {@code server_time} of {@code server_DH_inner_data}, Unix seconds
 * @param timeOffsetSeconds {@code server_time} minus the client's clock (Unix seconds) when the answer was
 *     processed; add it to the local time when generating {@code msg_id}s
 * @param lifetime permanent, or temporary with its expiry
 * @param dcId the DC id the client put in {@code p_q_inner_data_dc} / {@code p_q_inner_data_temp_dc}
 */
public record ClientKeyExchangeResult(AuthKey authKey, long firstServerSalt, int serverTime,
        long timeOffsetSeconds, KeyLifetime lifetime, int dcId) {

    /**
     * Creates a result.
     *
     * @param authKey the new authorization key
     * @param firstServerSalt the first salt
     * @param serverTime {@code server_time}, Unix seconds
     * @param timeOffsetSeconds server time minus local time, in seconds
     * @param lifetime permanent or temporary
     * @param dcId the DC id sent in {@code p_q_inner_data_dc}
     * @throws NullPointerException if {@code authKey} or {@code lifetime} is {@code null}
     */
    public ClientKeyExchangeResult {
        Objects.requireNonNull(authKey, "authKey");
        Objects.requireNonNull(lifetime, "lifetime");
    }
}
