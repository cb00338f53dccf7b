package dev.mtproto.client.proxy;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client side of a SOCKS5 {@code CONNECT} (RFC 1928, https://www.rfc-editor.org/rfc/rfc1928), with
 * username/password authentication (RFC 1929, https://www.rfc-editor.org/rfc/rfc1929) when credentials
 * are given. IPv4 and IPv6 literals are sent as addresses, anything else as a domain name the proxy
 * resolves. Every length the proxy sends is a single byte, so nothing it says can make this buffer more
 * than 257 bytes.
 */
final class Socks5Handshake implements ProxyHandshake {
    static final int VERSION = 5;
    static final int AUTH_VERSION = 1;
    static final int METHOD_NONE = 0x00;
    static final int METHOD_PASSWORD = 0x02;
    static final int METHOD_REFUSED = 0xff;
    static final int CMD_CONNECT = 1;
    static final int ATYP_IPV4 = 1;
    static final int ATYP_DOMAIN = 3;
    static final int ATYP_IPV6 = 4;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private enum State { METHOD, AUTH, REPLY, BOUND_NAME_LENGTH, BOUND_ADDRESS, DONE }

    private final String host;
    private final int port;
    private final Optional<ProxyCredentials> credentials;
    private final byte[] buffer = new byte[257];
    private int filled;
    private int needed = 2;
    private State state = State.METHOD;

    /**
     * @param host the target's host name or IP literal
     * @param port the target's port
     * @param credentials the credentials to offer, if any
     * @throws IllegalArgumentException if a host name is longer than 255 bytes (SOCKS5 cannot carry it)
     */
    Socks5Handshake(String host, int port, Optional<ProxyCredentials> credentials) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        if (literal(host) == null && host.getBytes(StandardCharsets.US_ASCII).length > 255) {
            throw new IllegalArgumentException("SOCKS5 cannot carry a host name longer than 255 bytes: " + host.length());
        }
    }

    @Override
    public byte[] start() {
        return credentials.isPresent()
                ? new byte[] {VERSION, 2, METHOD_NONE, METHOD_PASSWORD}
                : new byte[] {VERSION, 1, METHOD_NONE};
    }

    @Override
    public int wanted() {
        return state == State.DONE ? 0 : needed - filled;
    }

    @Override
    public byte[] receive(byte[] data, int offset, int length) throws HandshakeFailure {
        if (length > wanted()) {
            throw new IllegalArgumentException("got " + length + " bytes, wanted at most " + wanted());
        }
        System.arraycopy(data, offset, buffer, filled, length);
        filled += length;
        if (filled < needed) {
            return new byte[0];
        }
        filled = 0;
        return switch (state) {
            case METHOD -> method();
            case AUTH -> authenticated();
            case REPLY -> reply();
            case BOUND_NAME_LENGTH -> boundName();
            case BOUND_ADDRESS -> finish();
            case DONE -> throw new IllegalStateException("the handshake is over");
        };
    }

    @Override
    public boolean done() {
        return state == State.DONE;
    }

    private byte[] method() throws HandshakeFailure {
        checkVersion(buffer[0], VERSION, "method selection");
        int method = buffer[1] & 0xff;
        if (method == METHOD_NONE) {
            return request();
        }
        if (method == METHOD_PASSWORD && credentials.isPresent()) {
            expect(State.AUTH, 2);
            return authRequest(credentials.get());
        }
        if (method == METHOD_PASSWORD || method == METHOD_REFUSED) {
            throw new HandshakeFailure(ProxyStep.AUTH_REFUSED, credentials.isPresent()
                    ? "the proxy accepts none of our authentication methods (none, username/password)"
                    : "the proxy wants a user name and password and none is configured");
        }
        throw new HandshakeFailure(ProxyStep.PROTOCOL_ERROR, "the proxy chose authentication method 0x"
                + Integer.toHexString(method) + ", which we did not offer");
    }

    private static byte[] authRequest(ProxyCredentials c) {
        byte[] user = c.username().getBytes(StandardCharsets.UTF_8);
        byte[] password = c.password().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(3 + user.length + password.length);
        out.write(AUTH_VERSION);
        out.write(user.length);
        out.writeBytes(user);
        out.write(password.length);
        out.writeBytes(password);
        return out.toByteArray();
    }

    private byte[] authenticated() throws HandshakeFailure {
        // RFC 1929 says version 1; some servers answer with 5, which is harmless
        int version = buffer[0] & 0xff;
        if (version != AUTH_VERSION && version != VERSION) {
            throw new HandshakeFailure(ProxyStep.PROTOCOL_ERROR, "username/password reply has version " + version);
        }
        if (buffer[1] != 0) {
            throw new HandshakeFailure(ProxyStep.AUTH_REFUSED, "the proxy refused the user name and password (status "
                    + (buffer[1] & 0xff) + ")");
        }
        return request();
    }

    private byte[] request() {
        expect(State.REPLY, 4);
        ByteArrayOutputStream out = new ByteArrayOutputStream(22);
        out.write(VERSION);
        out.write(CMD_CONNECT);
        out.write(0);
        byte[] address = literal(host);
        if (address != null) {
            out.write(address.length == 4 ? ATYP_IPV4 : ATYP_IPV6);
            out.writeBytes(address);
        } else {
            byte[] name = host.getBytes(StandardCharsets.US_ASCII);
            out.write(ATYP_DOMAIN);
            out.write(name.length);
            out.writeBytes(name);
        }
        out.write(port >>> 8);
        out.write(port & 0xff);
        return out.toByteArray();
    }

    private byte[] reply() throws HandshakeFailure {
        checkVersion(buffer[0], VERSION, "connect reply");
        int code = buffer[1] & 0xff;
        if (code != 0) {
            throw Socks5ReplyCode.failure(code);
        }
        int atyp = buffer[3] & 0xff;
        switch (atyp) {
            case ATYP_IPV4 -> expect(State.BOUND_ADDRESS, 4 + 2);
            case ATYP_IPV6 -> expect(State.BOUND_ADDRESS, 16 + 2);
            case ATYP_DOMAIN -> expect(State.BOUND_NAME_LENGTH, 1);
            default -> throw new HandshakeFailure(ProxyStep.PROTOCOL_ERROR, "connect reply has address type " + atyp);
        }
        return new byte[0];
    }

    /** The bound address is a name: its length came, the name and port follow. */
    private byte[] boundName() {
        expect(State.BOUND_ADDRESS, (buffer[0] & 0xff) + 2);
        return new byte[0];
    }

    /** The bound address and port came (the client has no use for them): the tunnel is open. */
    private byte[] finish() {
        state = State.DONE;
        return new byte[0];
    }

    private void expect(State next, int bytes) {
        state = next;
        needed = bytes;
        filled = 0;
    }

    private static void checkVersion(byte got, int expected, String what) throws HandshakeFailure {
        if ((got & 0xff) != expected) {
            throw new HandshakeFailure(ProxyStep.PROTOCOL_ERROR, what + " has version " + (got & 0xff) + ", not "
                    + expected + " (is this a SOCKS5 proxy?)");
        }
    }

    /** @return the address bytes of an IPv4 or IPv6 literal, or null for a host name (never a DNS look-up) */
    static byte[] literal(String host) {
        if (IPV4.matcher(host).matches()) {
            String[] parts = host.split("\\.");
            byte[] address = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    return null; // not an address: let the proxy judge it as a name
                }
                address[i] = (byte) part;
            }
            return address;
        }
        if (host.indexOf(':') < 0) {
            return null;
        }
        try {
            return InetAddress.getByName(host).getAddress(); // a literal with ':' is never looked up in DNS
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
