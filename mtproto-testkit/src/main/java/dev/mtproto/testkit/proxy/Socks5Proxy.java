package dev.mtproto.testkit.proxy;

import dev.mtproto.client.proxy.ProxyConfig;
import dev.mtproto.client.proxy.ProxyCredentials;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A minimal SOCKS5 proxy (RFC 1928 {@code CONNECT}, RFC 1929 username/password) on 127.0.0.1 for tests:
 * IPv4, IPv6 and domain targets. Without credentials it offers "no authentication"; with them it demands
 * them. Start with {@link #open()} or {@link #open(String, String)}; close when done.
 */
public final class Socks5Proxy extends TunnelProxy {
    private static final int VERSION = 5;

    private Socks5Proxy(Optional<ProxyCredentials> credentials) throws IOException {
        super(credentials);
    }

    /**
     * @return a running proxy that asks for no authentication
     * @throws IOException if it cannot listen
     */
    public static Socks5Proxy open() throws IOException {
        return new Socks5Proxy(Optional.empty());
    }

    /**
     * @param username the user name clients must give
     * @param password the password clients must give
     * @return a running proxy that demands username/password authentication
     * @throws IOException if it cannot listen
     */
    public static Socks5Proxy open(String username, String password) throws IOException {
        return new Socks5Proxy(Optional.of(new ProxyCredentials(username, password)));
    }

    /** @return the client configuration for this proxy, with its credentials */
    public ProxyConfig.Socks5 config() {
        return new ProxyConfig.Socks5(host(), port(), credentials());
    }

    @Override
    String name() {
        return "socks5-proxy";
    }

    @Override
    Socket handshake(InputStream raw, OutputStream out, Connector connector) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        if (in.readUnsignedByte() != VERSION) {
            throw protocol("greeting version");
        }
        byte[] methods = in.readNBytes(in.readUnsignedByte());
        if (fault() == ProxyFault.CLOSE_MID_HANDSHAKE) {
            return null;
        }
        int wanted = credentials().isPresent() ? 2 : 0;
        if (!contains(methods, wanted)) {
            out.write(new byte[] {VERSION, (byte) 0xff});
            return null;
        }
        out.write(new byte[] {VERSION, (byte) wanted});
        if (wanted == 2 && !authenticate(in, out)) {
            return null;
        }
        return connect(in, out, connector);
    }

    private boolean authenticate(DataInputStream in, OutputStream out) throws IOException {
        if (in.readUnsignedByte() != 1) {
            throw protocol("username/password version");
        }
        String user = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
        String password = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
        boolean ok = accepts(user, password);
        out.write(new byte[] {1, (byte) (ok ? 0 : 1)});
        return ok;
    }

    private Socket connect(DataInputStream in, OutputStream out, Connector connector) throws IOException {
        if (in.readUnsignedByte() != VERSION || in.readUnsignedByte() != 1 || in.readUnsignedByte() != 0) {
            throw protocol("request: only CONNECT is served");
        }
        int atyp = in.readUnsignedByte();
        InetAddress address = switch (atyp) {
            case 1 -> InetAddress.getByAddress(in.readNBytes(4));
            case 4 -> InetAddress.getByAddress(in.readNBytes(16));
            case 3 -> InetAddress.getByName(new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.US_ASCII));
            default -> null;
        };
        if (address == null) {
            reply(out, 8);
            return null;
        }
        int port = in.readUnsignedShort();
        if (fault() == ProxyFault.REFUSE_TARGET) {
            reply(out, 5);
            return null;
        }
        Socket target;
        try {
            target = connector.connect(new InetSocketAddress(address, port));
        } catch (IOException e) {
            reply(out, 5);
            return null;
        }
        reply(out, 0);
        return target;
    }

    private static void reply(OutputStream out, int code) throws IOException {
        out.write(new byte[] {VERSION, (byte) code, 0, 1, 127, 0, 0, 1, 0, 0});
    }

    private static boolean contains(byte[] methods, int method) {
        for (byte m : methods) {
            if (m == method) {
                return true;
            }
        }
        return false;
    }
}
