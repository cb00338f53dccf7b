package dev.mtproto.client.proxy;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A user name and password for a proxy. {@link #toString()} shows the user name only.
 *
 * @param username the user name, 1..255 bytes in UTF-8 (the SOCKS5 limit, RFC 1929)
 * @param password the password, 1..255 bytes in UTF-8
 */
public record ProxyCredentials(String username, String password) {
    private static final int MAX_BYTES = 255;

    /**
     * @throws IllegalArgumentException if either is empty or longer than 255 bytes in UTF-8
     * @throws NullPointerException if either is null
     */
    public ProxyCredentials {
        checkLength("user name", Objects.requireNonNull(username, "username"));
        checkLength("password", Objects.requireNonNull(password, "password"));
    }

    private static void checkLength(String what, String value) {
        int length = value.getBytes(StandardCharsets.UTF_8).length;
        if (length == 0 || length > MAX_BYTES) {
            throw new IllegalArgumentException("proxy " + what + " must be 1.." + MAX_BYTES + " bytes in UTF-8, got " + length);
        }
    }

    /** Shows the user name, never the password. */
    @Override
    public String toString() {
        return "ProxyCredentials[username=" + username + ", password=***]";
    }
}
