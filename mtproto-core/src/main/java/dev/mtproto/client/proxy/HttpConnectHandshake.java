package dev.mtproto.client.proxy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client side of an HTTP {@code CONNECT} tunnel (RFC 9110, section 9.3.6,
 * https://www.rfc-editor.org/rfc/rfc9110#name-connect), with Basic authentication (RFC 7617) when
 * credentials are given. The response's status line is parsed; its headers are skipped up to the blank
 * line, at most {@value #MAX_RESPONSE_HEAD} bytes in all, so a hostile proxy cannot make it buffer more.
 */
final class HttpConnectHandshake implements ProxyHandshake {
    static final int MAX_RESPONSE_HEAD = 16 * 1024;
    private static final int MAX_STATUS_LINE = 1024;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3})(?: (.*))?");
    private static final byte[] END = {'\r', '\n', '\r', '\n'};

    private final String authority;
    private final Optional<ProxyCredentials> credentials;
    private final StringBuilder statusLine = new StringBuilder();
    private boolean statusLineEnded;
    private int headBytes;
    private int endMatched;
    private boolean done;

    /**
     * @param host the target's host name or IP literal (IPv6 without brackets)
     * @param port the target's port
     * @param credentials the credentials to send, if any
     */
    HttpConnectHandshake(String host, int port, Optional<ProxyCredentials> credentials) {
        Objects.requireNonNull(host, "host");
        this.authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public byte[] start() {
        StringBuilder request = new StringBuilder(128)
                .append("CONNECT ").append(authority).append(" HTTP/1.1\r\n")
                .append("Host: ").append(authority).append("\r\n");
        credentials.ifPresent(c -> request.append("Proxy-Authorization: Basic ").append(Base64.getEncoder().encodeToString(
                (c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8))).append("\r\n"));
        return request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Never more than the bytes left of {@code CRLF CRLF}, so the read stops at the blank line. */
    @Override
    public int wanted() {
        return done ? 0 : END.length - endMatched;
    }

    @Override
    public byte[] receive(byte[] data, int offset, int length) throws HandshakeFailure {
        if (length > wanted()) {
            throw new IllegalArgumentException("got " + length + " bytes, wanted at most " + wanted());
        }
        for (int i = 0; i < length; i++) {
            take(data[offset + i]);
        }
        if (endMatched == END.length) {
            status();
            done = true;
        }
        return new byte[0];
    }

    private void take(byte b) throws HandshakeFailure {
        if (++headBytes > MAX_RESPONSE_HEAD) {
            throw new HandshakeFailure(ProxyStep.PROTOCOL_ERROR, "the response head is longer than " + MAX_RESPONSE_HEAD + " bytes");
        }
        if (b == END[endMatched]) {
            endMatched++;
        } else {
            endMatched = b == END[0] ? 1 : 0;
        }
        if (statusLineEnded) {
            return;
        }
        if (b == '\n') {
            statusLineEnded = true;
        } else if (b != '\r') {
            if (statusLine.length() == MAX_STATUS_LINE) {
                throw new HandshakeFailure(ProxyStep.PROTOCOL_ERROR, "the status line is longer than " + MAX_STATUS_LINE + " bytes");
            }
            statusLine.append((char) (b & 0xff));
        }
    }

    private void status() throws HandshakeFailure {
        String line = statusLine.toString();
        Matcher m = STATUS_LINE.matcher(line);
        if (!m.matches()) {
            throw new HandshakeFailure(ProxyStep.PROTOCOL_ERROR, "not an HTTP status line: " + printable(line));
        }
        int code = Integer.parseInt(m.group(1));
        if (code / 100 == 2) {
            return;
        }
        String said = "the proxy answered CONNECT " + authority + " with " + printable(line.substring("HTTP/1.1 ".length()));
        if (code == 407 || code == 401) { // tinyproxy 1.11 answers a CONNECT with bad credentials 401
            throw new HandshakeFailure(ProxyStep.AUTH_REFUSED, said + (credentials.isPresent()
                    ? ": it refused the user name and password" : ": it wants a user name and password and none is configured"));
        }
        if (code == 403 || code / 100 == 5) {
            throw new HandshakeFailure(ProxyStep.TARGET_REFUSED, said);
        }
        throw new HandshakeFailure(ProxyStep.PROTOCOL_ERROR, said);
    }

    private static String printable(String s) {
        String cut = s.length() > 120 ? s.substring(0, 120) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    @Override
    public boolean done() {
        return done;
    }
}
