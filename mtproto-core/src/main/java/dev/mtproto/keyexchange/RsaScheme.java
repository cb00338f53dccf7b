package dev.mtproto.keyexchange;

/** How a client encrypted {@code p_q_inner_data} for the server's RSA key. */
public enum RsaScheme {
    /** RSA_PAD (temporary AES key, AES-256-IGE, SHA-256), the current scheme of the auth_key page. */
    RSA_PAD,
    /** The older scheme: {@code SHA1(data) + data + padding} to 255 bytes, then raw RSA. */
    LEGACY
}
