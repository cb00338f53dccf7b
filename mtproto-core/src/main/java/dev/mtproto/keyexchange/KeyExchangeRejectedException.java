package dev.mtproto.keyexchange;

/**
 * The server refused the exchange with an authenticated answer: {@code server_DH_params_fail} whose
 * {@code new_nonce_hash} matched, or {@code dh_gen_fail} whose {@code new_nonce_hash3} matched. Unlike
 * other {@link KeyExchangeException}s this is not a sign of tampering; the client may start a new exchange
 * from {@code req_pq_multi}.
 */
public class KeyExchangeRejectedException extends KeyExchangeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param step the answer that refused the exchange ({@code "dh_gen_fail"}, {@code "server_DH_params_fail"})
     * @param check what the server said
     */
    public KeyExchangeRejectedException(String step, String check) {
        super(step, check);
    }
}
