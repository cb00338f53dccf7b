package dev.mtproto.client.proxy;

import dev.mtproto.transport.MtproxySecret;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An MTProxy as people share it: {@code tg://proxy?server=...&port=...&secret=...} or
 * {@code https://t.me/proxy?...} (https://core.telegram.org/api/links#mtproxy-links). The secret is in hex
 * or base64url (padded or not, {@code +/} accepted too), parameters may be percent-encoded, unknown ones are
 * ignored. Only the value: the MTProxy transport itself is not here yet.
 *
 * @param server the proxy's host name or IP literal (IPv6 without brackets)
 * @param port the proxy's port
 * @param secret the secret: plain 16 bytes, {@code dd} + 16 bytes, or {@code ee} + 16 bytes + the FakeTLS domain
 */
public record MtproxyLink(String server, int port, MtproxySecret secret) {
    /** Longer links are refused before any parsing. */
    public static final int MAX_LINK_LENGTH = 4096;
    private static final int MAX_HOST_LENGTH = 253;
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})+");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9_+/-]+={0,2}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:%-]+");

    /**
     * @throws IllegalArgumentException if the server is blank or the port is outside 1..65535
     * @throws NullPointerException if an argument is null
     */
    public MtproxyLink {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(secret, "secret");
        if (server.isBlank() || port <= 0 || port > 65535) {
            throw new IllegalArgumentException("MTProxy at " + server + ":" + port + ": blank server or port outside 1..65535");
        }
    }

    /**
     * Parses a link.
     *
     * @param link a {@code tg://proxy?...} or {@code https://t.me/proxy?...} link
     * @return the proxy it names
     * @throws InvalidProxyLinkException if the link is not an MTProxy link, a parameter is missing, repeated
     *     or malformed, or the secret is neither hex nor base64url or has none of the three shapes
     * @throws NullPointerException if {@code link} is null
     */
    public static MtproxyLink parse(String link) {
        Objects.requireNonNull(link, "link");
        String trimmed = link.strip();
        if (trimmed.length() > MAX_LINK_LENGTH) {
            throw new InvalidProxyLinkException("longer than " + MAX_LINK_LENGTH + " characters");
        }
        Map<String, String> params = parameters(query(trimmed));
        String server = required(params, "server");
        if (server.startsWith("[") && server.endsWith("]")) {
            server = server.substring(1, server.length() - 1);
        }
        if (server.length() > MAX_HOST_LENGTH || !HOST.matcher(server).matches()) {
            throw new InvalidProxyLinkException("server is not a host name or IP address");
        }
        return new MtproxyLink(server, port(required(params, "port")), secret(required(params, "secret")));
    }

    private static String query(String link) {
        int q = link.indexOf('?');
        String head = (q < 0 ? link : link.substring(0, q)).toLowerCase(Locale.ROOT);
        boolean tg = head.equals("tg://proxy") || head.equals("tg:proxy");
        boolean web = head.matches("(https?://)?(www\\.)?(t\\.me|telegram\\.me|telegram\\.dog)/proxy/?");
        if (!tg && !web) {
            if (head.equals("tg://socks") || head.matches("(https?://)?(t\\.me|telegram\\.me)/socks/?")) {
                throw new InvalidProxyLinkException("a SOCKS5 link, not an MTProxy link; use ProxyConfig.socks5");
            }
            throw new InvalidProxyLinkException("expected tg://proxy?... or https://t.me/proxy?..., got a link starting "
                    + (head.length() > 40 ? head.substring(0, 40) + "..." : head));
        }
        if (q < 0) {
            throw new InvalidProxyLinkException("no parameters (server, port, secret)");
        }
        String query = link.substring(q + 1);
        int fragment = query.indexOf('#');
        return fragment < 0 ? query : query.substring(0, fragment);
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), "a parameter name").toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), "parameter " + name);
            if (params.putIfAbsent(name, value) != null) {
                throw new InvalidProxyLinkException("parameter " + name + " appears twice");
            }
        }
        return params;
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidProxyLinkException("parameter " + name + " is missing or empty");
        }
        return value.strip();
    }

    private static int port(String value) {
        if (!value.matches("\\d{1,5}") || Integer.parseInt(value) == 0 || Integer.parseInt(value) > 65535) {
            throw new InvalidProxyLinkException("port is not a number in 1..65535");
        }
        return Integer.parseInt(value);
    }

    private static MtproxySecret secret(String value) {
        byte[] raw;
        if (HEX.matcher(value).matches()) {
            raw = HexFormat.of().parseHex(value);
        } else if (BASE64.matcher(value).matches()) {
            try {
                raw = Base64.getUrlDecoder().decode(value.replace('+', '-').replace('/', '_').replace("=", ""));
            } catch (IllegalArgumentException e) {
                throw new InvalidProxyLinkException("secret is not valid base64url");
            }
        } else {
            throw new InvalidProxyLinkException("secret is neither hex nor base64url");
        }
        try {
            return MtproxySecret.of(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidProxyLinkException("secret: " + e.getMessage().replaceFirst("^MTProxy secret: ", ""));
        }
    }

    /** Percent-decoding of a URL query part ({@code +} stays itself: base64 secrets carry it). */
    private static String decode(String s, String what) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (lo < 0) {
                throw new InvalidProxyLinkException(what + " has a bad percent-escape at character " + (i + 1));
            }
            out.write(hi * 16 + lo);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidProxyLinkException(what + " is not UTF-8 after percent-decoding");
        }
    }
}
