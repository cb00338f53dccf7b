package dev.mtproto.auth;

import java.time.Instant;
import java.util.Base64;

/**
 * A login token to show as a QR code: scanning it in a signed-in Telegram app (Settings, Devices, Link
 * Desktop Device) signs this client in as that account (https://core.telegram.org/api/qr-login). The token
 * is a secret while it is valid: {@link #toString()} never shows it.
 *
 * @param token the token bytes
 * @param expires when it expires (the flow is given a new one before then)
 */
public record QrLogin(byte[] token, Instant expires) {
    /** @param token the token bytes (copied) @param expires when it expires */
    public QrLogin {
        token = token.clone();
    }

    @Override
    public byte[] token() {
        return token.clone();
    }

    /** @return the {@code tg://login?token=...} link, the token in base64url without padding */
    public String link() {
        return "tg://login?token=" + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QrLogin q && java.util.Arrays.equals(token, q.token) && expires.equals(q.expires);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(token) * 31 + expires.hashCode();
    }

    @Override
    public String toString() {
        return "QrLogin{token=***, expires=" + expires + "}";
    }
}
