package dev.mtproto.keyexchange;

/** How a server answers a valid {@code set_client_DH_params}. */
public enum DhGenAnswer {
    /** {@code dh_gen_ok}: the key is accepted. */
    OK,
    /** {@code dh_gen_retry}: the client must try again with a new {@code b} (normally: the key id collides). */
    RETRY,
    /** {@code dh_gen_fail}: the exchange is over without a key. */
    FAIL
}
