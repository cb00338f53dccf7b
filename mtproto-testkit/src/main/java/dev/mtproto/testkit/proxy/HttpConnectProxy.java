package dev.mtproto.testkit.proxy;

import dev.mtproto.client.proxy.ProxyConfig;
import dev.mtproto.client.proxy.ProxyCredentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A minimal HTTP proxy that serves {@code CONNECT} only (RFC 9110, section 9.3.6) on 127.0.0.1 for tests,
 * with Basic authentication ({@code 407} on missing or wrong credentials) when it has credentials. Start with
 * {@link #open()} or {@link #open(String, String)}; close when done.
 */
public final class HttpConnectProxy extends TunnelProxy {
    private static final int MAX_HEAD = 16 * 1024;

    private HttpConnectProxy(Optional<ProxyCredentials> credentials) throws IOException {
        super(credentials);
    }

    /**
     * @return a running proxy that asks for no authentication
     * @throws IOException if it cannot listen
     */
    public static HttpConnectProxy open() throws IOException {
        return new HttpConnectProxy(Optional.empty());
    }

    /**
     * @param username the user name clients must give
     * @param password the password clients must give
     * @return a running proxy that demands Basic authentication
     * @throws IOException if it cannot listen
     */
    public static HttpConnectProxy open(String username, String password) throws IOException {
        return new HttpConnectProxy(Optional.of(new ProxyCredentials(username, password)));
    }

    /** @return the client configuration for this proxy, with its credentials */
    public ProxyConfig.HttpConnect config() {
        return new ProxyConfig.HttpConnect(host(), port(), credentials());
    }

    @Override
    String name() {
        return "http-proxy";
    }

    @Override
    Socket handshake(InputStream in, OutputStream out, Connector connector) throws IOException {
        List<String> head = readHead(in);
        if (fault() == ProxyFault.CLOSE_MID_HANDSHAKE) {
            return null;
        }
        String[] request = head.get(0).split(" ");
        if (request.length != 3 || !request[0].equals("CONNECT") || !request[2].startsWith("HTTP/1.")) {
            respond(out, "405 Method Not Allowed");
            return null;
        }
        if (credentials().isPresent() && !authorized(head)) {
            respond(out, "407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"testkit\"");
            return null;
        }
        InetSocketAddress target;
        try {
            URI authority = new URI("tcp://" + request[1]);
            target = new InetSocketAddress(authority.getHost().replaceAll("^\\[|]$", ""), authority.getPort());
        } catch (URISyntaxException | IllegalArgumentException | NullPointerException e) {
            respond(out, "400 Bad Request");
            return null;
        }
        if (fault() == ProxyFault.REFUSE_TARGET) {
            respond(out, "502 Bad Gateway");
            return null;
        }
        Socket socket;
        try {
            socket = connector.connect(target);
        } catch (IOException e) {
            respond(out, "502 Bad Gateway");
            return null;
        }
        out.write("HTTP/1.1 200 Connection established\r\nProxy-Agent: mtproto-testkit\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private boolean authorized(List<String> head) {
        for (String line : head.subList(1, head.size())) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("proxy-authorization")) {
                String value = line.substring(colon + 1).trim();
                if (!value.regionMatches(true, 0, "Basic ", 0, 6)) {
                    return false;
                }
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return false;
                }
                int sep = decoded.indexOf(':');
                return sep >= 0 && accepts(decoded.substring(0, sep), decoded.substring(sep + 1));
            }
        }
        return false;
    }

    /** @return the request line and header lines, up to the blank line */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        for (int b; (b = in.read()) >= 0; ) {
            if (++total > MAX_HEAD) {
                throw protocol("request head longer than " + MAX_HEAD + " bytes");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).replaceFirst("\r$", "");
                if (text.isEmpty()) {
                    if (lines.isEmpty()) {
                        throw protocol("empty request");
                    }
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
        }
        throw protocol("closed before the end of the request head");
    }

    private static void respond(OutputStream out, String statusAndHeaders) throws IOException {
        out.write(("HTTP/1.1 " + statusAndHeaders + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }
}
