package dev.mtproto.crypto;

import dev.mtproto.MtprotoException;

/**
 * The Java runtime's cryptography provider could not do something every Java 17+ runtime must support
 * (AES, SHA-1, SHA-256, HMAC-SHA512, RSA). This points to a broken or unusual runtime, not to bad input.
 */
public class CryptoProviderException extends MtprotoException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception for a provider failure.
     *
     * @param message what the library tried to do, never a secret
     * @param cause the provider's exception
     */
    public CryptoProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
