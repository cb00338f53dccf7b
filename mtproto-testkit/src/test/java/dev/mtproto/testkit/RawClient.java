package dev.mtproto.testkit;

import dev.mtproto.crypto.MessageCipher;
import dev.mtproto.crypto.RsaKeyRing;
import dev.mtproto.keyexchange.ClientKeyExchange;
import dev.mtproto.keyexchange.ClientKeyExchangeResult;
import dev.mtproto.keyexchange.ClientStep;
import dev.mtproto.session.MessageContainers;
import dev.mtproto.session.MessageIdClock;
import dev.mtproto.session.SeqNoCounter;
import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.TlWriter;
import dev.mtproto.tl.api.ApiSchema;
import dev.mtproto.tl.api.InitConnection;
import dev.mtproto.tl.api.InvokeWithLayer;
import dev.mtproto.tl.mtproto.BadServerSalt;
import dev.mtproto.tl.mtproto.MtprotoSchema;
import dev.mtproto.tl.mtproto.RpcResult;
import dev.mtproto.transport.ClientTransport;
import dev.mtproto.transport.TransportKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * A bare MTProto client for tests, standing in for clients of other libraries: it creates a key, then
 * sends each message exactly as told (msg_id, seqno, container) over the intermediate transport, and reads
 * what the DC sends back, message by message, containers opened. Its key may be temporary, for perfect
 * forward secrecy tests.
 */
public final class RawClient implements AutoCloseable {
    /** A message to put in a container. */
    record Inner(long msgId, int seqNo, TlObject body) {
    }

    /**
     * A result {@code rpc_result} carries that needs its function to decode ({@code Bool}, vectors), or,
     * after {@link #apiObjectsUndecoded()}, any API object as the DC sent it.
     *
     * @param bytes the object's bytes
     */
    public record Undecoded(byte[] bytes) implements TlObject {
        @Override
        public int constructorId() {
            return 0;
        }

        @Override
        public String tlName() {
            return "undecoded";
        }

        @Override
        public void write(TlWriter w) {
            w.writeRaw(bytes);
        }

        @Override
        public void writeBare(TlWriter w) {
            write(w);
        }

        @Override
        public void writeJson(dev.mtproto.tl.TlJsonWriter w) {
            throw new UnsupportedOperationException("an undecoded result has no JSON form");
        }
    }

    private final TestDc dc;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private ClientTransport transport;
    private final ArrayDeque<byte[]> frames = new ArrayDeque<>();
    private final ArrayDeque<TlObject> messages = new ArrayDeque<>();
    private final List<Long> serverMsgIds = new ArrayList<>();
    private final byte[] readBuffer = new byte[64 * 1024];
    private final MessageIdClock clock = MessageIdClock.system();
    private final SeqNoCounter seqNo = new SeqNoCounter();
    private final long sessionId = System.nanoTime();
    private MessageCipher cipher;
    private long authKeyId;
    private long salt;
    private boolean apiObjectsUndecoded;

    private RawClient(TestDc dc) throws IOException {
        this.dc = dc;
        open();
    }

    private void open() throws IOException {
        socket = new Socket(dc.host(), dc.port());
        in = socket.getInputStream();
        out = socket.getOutputStream();
        socket.setSoTimeout(10_000);
        transport = ClientTransport.builder(TransportKind.INTERMEDIATE).build();
        frames.clear();
        messages.clear();
        out.write(transport.connectionPreamble());
    }

    /** Opens a new connection for the same key and session, as a client does after losing one. */
    void reconnect() {
        close();
        try {
            open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Connects and creates a key.
     *
     * @param dc the DC
     * @param keyExchangeDcId the DC id to name in the key exchange (the DC's id, + 10000 for test mode)
     */
    public static RawClient connect(TestDc dc, int keyExchangeDcId) {
        return connect(dc, keyExchangeDcId, 0);
    }

    /**
     * Connects and creates a temporary key ({@code p_q_inner_data_temp_dc}).
     *
     * @param dc the DC
     * @param keyExchangeDcId the DC id to name in the key exchange
     * @param expiresInSeconds the key's {@code expires_in}
     */
    public static RawClient connectTemporary(TestDc dc, int keyExchangeDcId, int expiresInSeconds) {
        return connect(dc, keyExchangeDcId, expiresInSeconds);
    }

    private static RawClient connect(TestDc dc, int keyExchangeDcId, int temporaryFor) {
        try {
            RawClient c = new RawClient(dc);
            var builder = ClientKeyExchange.builder(keyExchangeDcId, RsaKeyRing.of(dc.cluster().rsaPublicKey()));
            if (temporaryFor > 0) {
                builder.temporaryKey(temporaryFor);
            }
            ClientKeyExchange kx = builder.build();
            byte[] next = kx.start();
            while (true) {
                c.write(next);
                ClientStep step = kx.onMessage(c.frame());
                if (step instanceof ClientStep.Done done) {
                    ClientKeyExchangeResult r = done.result();
                    c.cipher = MessageCipher.forClient(r.authKey());
                    c.authKeyId = r.authKey().id();
                    c.salt = r.firstServerSalt();
                    return c;
                }
                next = ((ClientStep.Send) step).payload();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps every API object the DC sends undecoded, as an {@link Undecoded} (results inside their
     * {@code rpc_result}), for clients of other layers that decode them themselves; MTProto service
     * messages are still decoded.
     *
     * @return this client
     */
    public RawClient apiObjectsUndecoded() {
        apiObjectsUndecoded = true;
        return this;
    }

    /** @return the client's session id */
    public long sessionId() {
        return sessionId;
    }

    /** @return the id of the client's key */
    public long authKeyId() {
        return authKeyId;
    }

    /** @return a new msg_id, as a well-behaved client makes them */
    public long nextMsgId() {
        return clock.nextClientId();
    }

    /** @return the next seqno as a well-behaved client counts */
    public int nextSeqNo(boolean contentRelated) {
        return seqNo.next(contentRelated);
    }

    /** @return the call wrapped as a client's first call is: {@code invokeWithLayer(initConnection(...))} */
    public static <R> TlObject initialized(TlMethod<R> call) {
        return new InvokeWithLayer<>(ApiSchema.LAYER, InitConnection.<R>builder().apiId(1).deviceModel("raw").systemVersion("test")
                .appVersion("1").systemLangCode("en").langPack("").langCode("en").query(call).build());
    }

    /** Sends one message in a packet of its own, with the salt the DC gave last. */
    public void send(long msgId, int seq, TlObject body) {
        byte[] b = body.toByteArray();
        TlWriter w = header();
        MessageContainers.writeMessage(w, msgId, seq, b);
        encrypted(w);
    }

    /** Sends a container of messages. */
    void sendContainer(long containerId, int containerSeqNo, List<Inner> inner) {
        TlWriter w = header();
        int at = MessageContainers.begin(w, containerId, containerSeqNo, inner.size());
        for (Inner m : inner) {
            MessageContainers.writeMessage(w, m.msgId(), m.seqNo(), m.body().toByteArray());
        }
        MessageContainers.end(w, at);
        encrypted(w);
    }

    /**
     * Reads messages until one matches.
     *
     * @return every message read, the match last
     * @throws AssertionError if the DC sends nothing for 10 s or closes the connection first
     */
    public List<TlObject> until(Predicate<TlObject> match) {
        List<TlObject> seen = new ArrayList<>();
        while (true) {
            while (messages.isEmpty()) {
                readPacket();
            }
            TlObject m = messages.poll();
            seen.add(m);
            if (match.test(m)) {
                return seen;
            }
        }
    }

    /** @return every message up to the {@code rpc_result} of the request, that result last */
    List<TlObject> untilResult(long requestMsgId) {
        return until(m -> m instanceof RpcResult r && r.reqMsgId() == requestMsgId);
    }

    /** @return the result of the request, skipping what comes before it */
    public TlObject resultOf(long requestMsgId) {
        List<TlObject> seen = untilResult(requestMsgId);
        return ((RpcResult) seen.get(seen.size() - 1)).result();
    }

    /**
     * Sends a call, wrapped as a first call is, and reads its answer.
     *
     * @return the result decoded as the function's, or the {@code rpc_error}
     */
    public <R> Object call(TlMethod<R> method) {
        return call(nextMsgId(), method);
    }

    /**
     * Sends a call with a given msg_id, wrapped as a first call is, and reads its answer.
     *
     * @param msgId the msg_id to send it with
     * @param method the function
     * @return the result decoded as the function's, or the {@code rpc_error}
     */
    public <R> Object call(long msgId, TlMethod<R> method) {
        send(msgId, nextSeqNo(true), initialized(method));
        TlObject result = resultOf(msgId);
        return result instanceof Undecoded u ? method.readResult(new TlReader(u.bytes())) : result;
    }

    /** @return the msg_id of every message read from the DC so far, in order */
    List<Long> serverMsgIds() {
        return List.copyOf(serverMsgIds);
    }

    /** @return whether the DC closed the connection (reading ends) before sending anything more */
    boolean closedByServer() {
        try {
            return in.read(readBuffer) < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Closes the connection. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private TlWriter header() {
        TlWriter w = new TlWriter(256);
        w.writeLong(salt);
        w.writeLong(sessionId);
        return w;
    }

    private void encrypted(TlWriter w) {
        write(cipher.encrypt(w.toByteArray(), 0));
    }

    private void write(byte[] packet) {
        try {
            transport.encode(packet, 0, packet.length, false, (b, off, len) -> {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] frame() throws IOException {
        while (frames.isEmpty()) {
            int n = in.read(readBuffer);
            if (n < 0) {
                throw new AssertionError("the DC closed the connection");
            }
            transport.decode(readBuffer, 0, n, (b, off, len, quickAck) -> frames.add(Arrays.copyOfRange(b, off, off + len)));
        }
        return frames.poll();
    }

    private void readPacket() {
        byte[] plain;
        try {
            plain = cipher.decrypt(frame());
        } catch (IOException e) {
            throw new AssertionError("nothing from the DC: " + e, e);
        }
        if (MessageContainers.isContainer(plain, 32, plain.length - 32)) {
            MessageContainers.forEach(plain, 32, plain.length - 32, (id, s, b, at, len) -> {
                serverMsgIds.add(id);
                messages.add(body(b, at, len));
                return true;
            });
        } else {
            ByteBuffer header = ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN);
            serverMsgIds.add(header.getLong(16));
            messages.add(body(plain, 32, header.getInt(28)));
        }
    }

    /** Reads one message; a {@code bad_server_salt} also gives the client its new salt, as any client takes it. */
    private TlObject body(byte[] b, int off, int len) {
        ByteBuffer at = ByteBuffer.wrap(b, off, len).order(ByteOrder.LITTLE_ENDIAN);
        if (apiObjectsUndecoded && len >= 12 && at.getInt(off) == RpcResult.CONSTRUCTOR_ID) {
            return new RpcResult(at.getLong(off + 4), new Undecoded(Arrays.copyOfRange(b, off + 12, off + len)));
        }
        if (apiObjectsUndecoded && len >= 4 && MtprotoSchema.INSTANCE.nameOf(at.getInt(off)) == null) {
            return new Undecoded(Arrays.copyOfRange(b, off, off + len));
        }
        if (len >= 12 && at.getInt(off) == RpcResult.CONSTRUCTOR_ID) {
            try {
                return new TlReader(b, off, len).readObject();
            } catch (TlDecodeException e) { // a Bool or a vector: the caller decodes it knowing the function
                return new RpcResult(at.getLong(off + 4), new Undecoded(Arrays.copyOfRange(b, off + 12, off + len)));
            }
        }
        TlObject m = new TlReader(b, off, len).readObject();
        if (m instanceof BadServerSalt bad) {
            salt = bad.newServerSalt();
        }
        return m;
    }
}
