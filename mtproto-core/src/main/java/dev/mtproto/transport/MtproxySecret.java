package dev.mtproto.transport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * An MTProxy secret: the 16-byte key mixed into the obfuscated2 keys, and what its prefix says about
 * the connection.
 *
 * <ul>
 *   <li>16 bytes: {@link Mode#SIMPLE}, any obfuscatable framing.</li>
 *   <li>{@code dd} + 16 bytes: {@link Mode#PADDED}, the client must use padded intermediate.</li>
 *   <li>{@code ee} + 16 bytes + ASCII domain: {@link Mode#FAKE_TLS}, the obfuscated stream travels in
 *       TLS records after a ClientHello for that domain (see {@link FakeTlsClientHello}).</li>
 * </ul>
 * Immutable. {@link #toString()} never shows the key.
 */
public final class MtproxySecret {

    /** What the secret's prefix asks of the client. */
    public enum Mode {
        /** A bare 16-byte secret. */
        SIMPLE,
        /** A {@code dd}-prefixed secret: padded intermediate framing. */
        PADDED,
        /** An {@code ee}-prefixed secret: FakeTLS with the domain that follows the key. */
        FAKE_TLS
    }

    /** The longest FakeTLS domain accepted: a DNS name's limit, which keeps the ClientHello at 512 bytes. */
    public static final int MAX_DOMAIN_LENGTH = 253;

    private static final int KEY_LENGTH = 16;

    private final Mode mode;
    private final byte[] key;
    private final String domain;

    private MtproxySecret(Mode mode, byte[] key, String domain) {
        this.mode = mode;
        this.key = key;
        this.domain = domain;
    }

    /**
     * Parses a secret from its raw bytes.
     *
     * @param raw 16 bytes, {@code 0xdd} + 16 bytes, or {@code 0xee} + 16 bytes + a printable ASCII domain of
     *     1 to {@value #MAX_DOMAIN_LENGTH} bytes
     * @return the secret
     * @throws IllegalArgumentException if {@code raw} has none of these shapes
     * @throws NullPointerException if {@code raw} is null
     */
    public static MtproxySecret of(byte[] raw) {
        Objects.requireNonNull(raw, "raw");
        if (raw.length == KEY_LENGTH) {
            return new MtproxySecret(Mode.SIMPLE, raw.clone(), null);
        }
        if (raw.length == KEY_LENGTH + 1 && (raw[0] & 0xff) == 0xdd) {
            return new MtproxySecret(Mode.PADDED, Arrays.copyOfRange(raw, 1, 1 + KEY_LENGTH), null);
        }
        if (raw.length > KEY_LENGTH + 1 && (raw[0] & 0xff) == 0xee) {
            byte[] domainBytes = Arrays.copyOfRange(raw, 1 + KEY_LENGTH, raw.length);
            if (domainBytes.length > MAX_DOMAIN_LENGTH) {
                throw new IllegalArgumentException("MTProxy secret: the FakeTLS domain is longer than "
                        + MAX_DOMAIN_LENGTH + " bytes");
            }
            for (byte b : domainBytes) {
                if (b < 0x21 || b > 0x7e) {
                    throw new IllegalArgumentException("MTProxy secret: the FakeTLS domain is not printable ASCII");
                }
            }
            return new MtproxySecret(Mode.FAKE_TLS, Arrays.copyOfRange(raw, 1, 1 + KEY_LENGTH),
                    new String(domainBytes, StandardCharsets.US_ASCII));
        }
        throw new IllegalArgumentException("MTProxy secret: expected 16 bytes, dd + 16 bytes or ee + 16 bytes"
                + " + domain, got " + raw.length + " bytes");
    }

    /**
     * Parses a secret written in hex, as in {@code tg://proxy} links and MTProxy configuration.
     *
     * @param hex the secret in hex, either case
     * @return the secret
     * @throws IllegalArgumentException if {@code hex} is not hex or has none of the shapes of {@link #of}
     * @throws NullPointerException if {@code hex} is null
     */
    public static MtproxySecret fromHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    /**
     * Returns what the secret's prefix asks of the client.
     *
     * @return the mode
     */
    public Mode mode() {
        return mode;
    }

    /**
     * Returns the 16-byte key (without any prefix or domain).
     *
     * @return a fresh copy of the key
     */
    public byte[] key() {
        return key.clone();
    }

    /**
     * Returns the FakeTLS domain of an {@code ee} secret.
     *
     * @return the domain, or empty for other modes
     */
    public Optional<String> fakeTlsDomain() {
        return Optional.ofNullable(domain);
    }

    /**
     * Returns the whole secret in hex, prefix and domain included, as {@code tg://proxy} links carry it. This
     * is the secret itself: never log it.
     *
     * @return lower-case hex
     */
    public String toHex() {
        String prefix = switch (mode) {
            case SIMPLE -> "";
            case PADDED -> "dd";
            case FAKE_TLS -> "ee";
        };
        String suffix = domain == null ? "" : HexFormat.of().formatHex(domain.getBytes(StandardCharsets.US_ASCII));
        return prefix + HexFormat.of().formatHex(key) + suffix;
    }

    /**
     * Mixes the key into a raw obfuscated2 key: {@code SHA-256(rawKey || key)}.
     *
     * @param sha256 a SHA-256 digest to use (reset before and after)
     * @param rawKey 32 bytes taken from the init header
     * @return the 32-byte AES key
     */
    byte[] mix(MessageDigest sha256, byte[] rawKey) {
        sha256.reset();
        sha256.update(rawKey);
        sha256.update(key);
        return sha256.digest();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MtproxySecret s && s.mode == mode && Arrays.equals(s.key, key)
                && Objects.equals(s.domain, domain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, Arrays.hashCode(key), domain);
    }

    /** Shows the mode and domain, never the key. */
    @Override
    public String toString() {
        return "MtproxySecret[" + mode + (domain != null ? ", " + domain : "") + "]";
    }
}
