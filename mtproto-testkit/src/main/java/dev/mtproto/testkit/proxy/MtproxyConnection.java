package dev.mtproto.testkit.proxy;

import dev.mtproto.crypto.RandomSource;
import dev.mtproto.transport.ByteSink;
import dev.mtproto.transport.FakeTlsException;
import dev.mtproto.transport.FakeTlsHello;
import dev.mtproto.transport.FakeTlsRecordLayer;
import dev.mtproto.transport.FakeTlsServerHandshake;
import dev.mtproto.transport.MtproxySecret;
import dev.mtproto.transport.Obfuscated2Header;
import dev.mtproto.transport.ObfuscatedStream;
import dev.mtproto.transport.TransportKind;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * One client of an {@link MtproxyFront}: the FakeTLS handshake if the client starts with one, the
 * obfuscated2 header (which names the framing and the DC), then a relay to the DC under a fresh
 * obfuscated2 header of the front's own. Runs on its thread (client to DC) and starts one more (DC to
 * client) once the DC is connected.
 */
final class MtproxyConnection implements Runnable {
    private static final int BUFFER = 16 * 1024;

    /** Ends the connection: the client's bytes fail a check (the front closes, as MTProxy does). */
    private static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rejected(String why) {
            super(why, null, false, false);
        }
    }

    private final MtproxyFront front;
    private final Socket client;
    private final byte[] header = new byte[Obfuscated2Header.LENGTH];
    private int headerFilled;
    private MtproxySecret.Mode mode;
    private FakeTlsRecordLayer tls;
    private ObfuscatedStream fromClient;
    private ObfuscatedStream toDc;
    private Socket dc;
    /** What goes to the DC, written out after each read from the client (not once per TLS record). */
    private BufferedOutputStream dcStream;
    private ByteSink dcOut;

    MtproxyConnection(MtproxyFront front, Socket client) {
        this.front = front;
        this.client = client;
    }

    @Override
    public void run() {
        try {
            serve();
        } catch (Rejected | FakeTlsException e) {
            front.rejectedOne(e.getMessage()); // counted before the client sees the connection close
        } catch (IOException | UncheckedIOException e) {
            // a side closed: the relay is over
        } finally {
            closeQuietly(client);
            if (dc != null) {
                closeQuietly(dc);
                front.untrack(dc);
            }
            front.untrack(client);
        }
    }

    private void serve() throws IOException {
        client.setTcpNoDelay(true);
        InputStream in = client.getInputStream();
        byte[] first = in.readNBytes(FakeTlsServerHandshake.RECORD_HEADER);
        if (first.length < FakeTlsServerHandshake.RECORD_HEADER) {
            throw new Rejected("the client closed before sending 5 bytes");
        }
        ByteSink inbound;
        if (front.secret().mode() == MtproxySecret.Mode.FAKE_TLS && first[0] == 0x16 && first[1] == 3 && first[2] == 1 && first[3] == 2) {
            tls = fakeTlsHandshake(in, first);
            mode = MtproxySecret.Mode.FAKE_TLS;
            inbound = (b, off, len) -> tls.inbound(b, off, len, this::fromClient);
        } else {
            inbound = this::fromClient;
            inbound.write(first, 0, first.length);
        }
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            inbound.write(buffer, 0, n);
            if (dcStream != null) {
                dcStream.flush();
            }
        }
    }

    private FakeTlsRecordLayer fakeTlsHandshake(InputStream in, byte[] first) throws IOException {
        int length = FakeTlsServerHandshake.recordLength(first);
        byte[] record = Arrays.copyOf(first, length);
        if (in.readNBytes(record, first.length, length - first.length) < length - first.length) {
            throw new Rejected("the client closed in its ClientHello");
        }
        if (front.fault() == ProxyFault.CLOSE_MID_HANDSHAKE) {
            throw new Rejected("fault CLOSE_MID_HANDSHAKE");
        }
        FakeTlsHello hello = FakeTlsServerHandshake.verify(front.secret(), record, front.clock().instant().getEpochSecond(), front.window());
        if (!front.firstSeen(hello)) {
            throw new FakeTlsException(FakeTlsException.Reason.REPLAYED, "the ClientHello's random was seen before");
        }
        byte[] reply = FakeTlsServerHandshake.reply(front.secret(), hello, RandomSource.perThread());
        if (front.fault() == ProxyFault.BAD_SERVER_HMAC) {
            reply[11] ^= 1;
        }
        OutputStream out = client.getOutputStream();
        out.write(reply);
        out.flush();
        return FakeTlsRecordLayer.server();
    }

    /** The client's obfuscated stream, records already removed: the header first, then what goes to the DC. */
    private void fromClient(byte[] b, int off, int len) {
        int at = off;
        int left = len;
        if (fromClient == null) {
            int take = Math.min(header.length - headerFilled, left);
            System.arraycopy(b, at, header, headerFilled, take);
            headerFilled += take;
            at += take;
            left -= take;
            if (headerFilled < header.length) {
                return;
            }
            connectToDc();
        }
        if (left > 0) {
            fromClient.inbound(b, at, left, (x, o, l) -> toDc.outbound(x, o, l, dcOut));
        }
    }

    private void connectToDc() {
        ObfuscatedStream stream = ObfuscatedStream.server(header, 0, front.secret());
        TransportKind kind = TransportKind.fromObfuscationTag(stream.header().protocolTag())
                .orElseThrow(() -> new Rejected("no framing tag in the obfuscated2 header (a wrong secret, or garbage)"));
        if (mode == null) {
            mode = kind == TransportKind.PADDED_INTERMEDIATE ? MtproxySecret.Mode.PADDED : MtproxySecret.Mode.SIMPLE;
            if (front.fault() == ProxyFault.CLOSE_MID_HANDSHAKE) {
                throw new Rejected("fault CLOSE_MID_HANDSHAKE");
            }
        }
        int field = stream.header().dcId();
        InetSocketAddress address = front.dc(field);
        if (address == null) {
            throw new Rejected("the header names DC " + field + ", which this front does not know");
        }
        try {
            dc = new Socket();
            front.track(dc);
            dc.connect(address, 5_000);
            dc.setTcpNoDelay(true);
            dcStream = new BufferedOutputStream(dc.getOutputStream(), BUFFER + 1024);
            dcOut = sinkOf(dcStream);
            toDc = ObfuscatedStream.client(Obfuscated2Header.generate(kind, OptionalInt.of(field), RandomSource.perThread()), null);
            dcStream.write(toDc.preamble());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fromClient = stream;
        front.relayedAs(mode);
        Thread back = new Thread(this::fromDc, "mtproxy-front-back-" + client.getPort());
        back.setDaemon(true);
        back.start();
    }

    /**
     * The DC's answers: deobfuscated, obfuscated for the client, in records for FakeTLS; each read goes out in
     * one write (a record's header and payload in the same segment).
     */
    private void fromDc() {
        try {
            BufferedOutputStream clientStream = new BufferedOutputStream(client.getOutputStream(), BUFFER + 1024);
            ByteSink toClient = sinkOf(clientStream);
            ByteSink out = tls == null ? toClient : (b, off, len) -> tls.outbound(b, off, len, toClient);
            InputStream in = dc.getInputStream();
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                toDc.inbound(buffer, 0, n, (b, off, len) -> fromClient.outbound(b, off, len, out));
                clientStream.flush();
            }
        } catch (IOException | UncheckedIOException e) {
            // a side closed
        } finally {
            closeQuietly(client);
            closeQuietly(dc);
        }
    }

    private static ByteSink sinkOf(OutputStream out) {
        return (b, off, len) -> {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
