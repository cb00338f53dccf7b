package dev.mtproto.client;

import dev.mtproto.MtprotoException;
import dev.mtproto.crypto.AuthKey;
import dev.mtproto.keyexchange.ClientKeyExchange;
import dev.mtproto.keyexchange.ClientKeyExchangeResult;
import dev.mtproto.keyexchange.ClientStep;
import dev.mtproto.session.ClientSession;
import dev.mtproto.session.DropReason;
import dev.mtproto.session.MessageIdClock;
import dev.mtproto.session.OutboundPacket;
import dev.mtproto.session.OutgoingCall;
import dev.mtproto.session.ProtocolException;
import dev.mtproto.session.RpcAnswer;
import dev.mtproto.session.SessionClosedException;
import dev.mtproto.session.SessionResetReason;
import dev.mtproto.session.SessionListener;
import dev.mtproto.store.DcAuthorization;
import dev.mtproto.store.SessionStore;
import dev.mtproto.tl.api.UpdatesType;
import dev.mtproto.tl.mtproto.GetFutureSalts;
import dev.mtproto.tl.mtproto.PingDelayDisconnect;
import dev.mtproto.transport.ClientTransport;
import dev.mtproto.transport.FrameListener;
import dev.mtproto.transport.TransportErrorException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's link to one DC: opens the socket, creates the authorization key when the store has none,
 * keeps one {@link ClientSession} across reconnects, and runs two loops per connection: the reader feeds
 * frames to the session, the writer sends what the session queues. When the socket drops it reconnects
 * with backoff, and calls in flight are sent again on the new connection instead of failing.
 *
 * <p>Threads: one reader and one writer per live connection (virtual when available); results and
 * updates are handed to executors, never run on these loops. All session access holds {@link #lock}.
 */
final class DcConnection {
    private static final Logger LOG = LoggerFactory.getLogger(DcConnection.class);
    private static final int READ_BUFFER = 64 * 1024;
    private static final long ACK_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final int ACKS_SENT_AT_ONCE = 32;
    private static final int TRANSPORT_AUTH_KEY_NOT_FOUND = -404;
    private static final int TRANSPORT_FLOOD = -429;
    /**
     * Transport errors are not authenticated: one forged -404 must not log the user out, so the key is
     * forgotten only after this many in a row, on fresh connections, with no authenticated frame between.
     */
    private static final int KEY_NOT_FOUND_BEFORE_FORGETTING = 2;

    private final int dcId;
    private final ClientConfig config;
    private final SessionStore store;
    private final Executor callbacks;
    private final Consumer<UpdatesType> updates;
    private final Consumer<ConnectionState> stateSink;
    private final ThreadFactory threads;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition outgoing = lock.newCondition();
    private final List<OutgoingCall<?>> waiting = new ArrayList<>();
    private final CompletableFuture<Void> firstConnect = new CompletableFuture<>();
    private final AtomicLong droppedFrames = new AtomicLong();
    private final AtomicLong quickAcks = new AtomicLong();
    private final Listener listener = new Listener();
    /** This connection's own randomness: the default secure source is not thread-safe, so DCs do not share one. */
    private final dev.mtproto.crypto.RandomSource random;

    private ClientSession session;
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private volatile boolean closed;
    private volatile Socket socket;
    private volatile boolean saltRequested;
    private volatile long lastPingRttNanos = -1;
    private String lastUnexpected;
    private long lastSavedSalt;
    private long lastSavedOffset;
    private Instant keyCreatedAt;
    private volatile int keyNotFoundInARow;
    private volatile boolean saveFailing;
    private final Object stateLock = new Object();
    private Thread loop;

    DcConnection(int dcId, ClientConfig config, Executor callbacks, Consumer<UpdatesType> updates, Consumer<ConnectionState> stateSink) {
        this.dcId = dcId;
        this.config = config;
        this.store = config.sessionStore();
        this.callbacks = callbacks;
        this.updates = updates;
        this.stateSink = stateSink;
        this.threads = IoThreads.factory("mtproto-dc" + dcId, config.virtualThreads());
        this.random = config.random() != null ? config.random() : dev.mtproto.crypto.RandomSource.secure();
    }

    int dcId() {
        return dcId;
    }

    ConnectionState state() {
        return state;
    }

    long droppedFrames() {
        return droppedFrames.get();
    }

    long quickAcksReceived() {
        return quickAcks.get();
    }

    long lastPingRttNanos() {
        return lastPingRttNanos;
    }

    /** Starts the connection loop; the future completes when the first connection is usable. */
    CompletableFuture<Void> start() {
        lock.lock();
        try {
            if (loop == null && !closed) {
                loop = threads.newThread(this::run);
                loop.start();
            }
        } finally {
            lock.unlock();
        }
        return firstConnect;
    }

    /**
     * Queues a call; it is sent as soon as the connection allows.
     *
     * @throws ProtocolException if the connection was closed
     */
    void submit(OutgoingCall<?> call) {
        lock.lock();
        try {
            if (closed) {
                throw new SessionClosedException("the client is closed", false);
            }
            if (session == null) {
                waiting.add(call);
            } else {
                session.submit(call);
                outgoing.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The caller gave up on a call (cancelled its future). */
    void cancel(OutgoingCall<?> call) {
        lock.lock();
        try {
            if (!waiting.remove(call) && session != null && session.cancel(call)) {
                outgoing.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs every second: deadlines, salts, saving the session. Never throws (it runs on a shared timer). */
    void tick() {
        DcAuthorization changed;
        lock.lock();
        try {
            long now = System.nanoTime();
            for (int i = waiting.size() - 1; i >= 0; i--) {
                OutgoingCall<?> call = waiting.get(i);
                if (call.isOverdue(now)) {
                    waiting.remove(i);
                    listener.onError(call, new dev.mtproto.session.RequestTimeoutException(call.name(), false, false));
                }
            }
            if (session == null) {
                return;
            }
            session.expire(now);
            long serverSeconds = session.clock().serverMillis() / 1000;
            if (state == ConnectionState.CONNECTED && !saltRequested && session.salts().needsRefresh(serverSeconds, 600)) {
                saltRequested = true;
                OutgoingCall<?> salts = internalCall(new GetFutureSalts(32));
                salts.future().whenComplete((r, e) -> saltRequested = false);
                session.submit(salts);
                outgoing.signalAll();
            }
            changed = changedAuthorization();
        } finally {
            lock.unlock();
        }
        save(changed);
    }

    /** Runs every ping interval: a ping that also asks the server to drop the connection if we go silent. */
    void ping() {
        if (state != ConnectionState.CONNECTED) {
            return;
        }
        long interval = config.pingInterval().toSeconds();
        long started = System.nanoTime();
        Socket pinged = socket;
        OutgoingCall<?> ping = new OutgoingCall<>(new PingDelayDisconnect(started, (int) interval + 15), "ping_delay_disconnect",
                started + config.pingInterval().toNanos());
        ping.future().whenComplete((pong, error) -> {
            if (error == null) {
                lastPingRttNanos = System.nanoTime() - started;
            } else if (!closed && error instanceof dev.mtproto.session.RequestTimeoutException) {
                LOG.info("DC {}: no pong within {} s, reconnecting", dcId, interval);
                if (socket == pinged) { // not a connection made since
                    dropConnection();
                }
            }
        });
        try {
            submit(ping);
        } catch (ProtocolException e) {
            // closed meanwhile
        }
    }

    private OutgoingCall<?> internalCall(dev.mtproto.tl.TlMethod<?> method) {
        return new OutgoingCall<>(method, method.tlName(), System.nanoTime() + config.requestTimeout().toNanos());
    }

    /** Closes the socket so that both loops end and the connection loop reconnects. */
    void dropConnection() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** Closes for good: pending calls fail, the session is saved. */
    void close() {
        List<OutgoingCall<?>> orphans;
        DcAuthorization changed;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            outgoing.signalAll();
            changed = changedAuthorization();
            orphans = new ArrayList<>(waiting);
            waiting.clear();
            if (session != null) {
                session.close("the client was closed");
            }
        } finally {
            lock.unlock();
        }
        for (OutgoingCall<?> call : orphans) {
            listener.onError(call, new SessionClosedException("the client was closed", false));
        }
        dropConnection();
        setState(ConnectionState.CLOSED);
        firstConnect.completeExceptionally(new SessionClosedException("the client was closed", false));
        save(changed);
        Thread t = loop;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Completes on the callback executor; if it refuses (shut down or full), right here rather than never. */
    private void deliver(Runnable completion) {
        try {
            callbacks.execute(completion);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            completion.run();
        }
    }

    private void setState(ConnectionState next) {
        synchronized (stateLock) { // the loop and close() race here; CLOSED is final
            if (state != next && state != ConnectionState.CLOSED) {
                state = next;
                stateSink.accept(next);
            }
        }
    }

    // ------------------------------------------------------------------ the connection loop

    private void run() {
        int failures = 0;
        while (!closed) {
            boolean flood = false;
            try {
                connectOnce();
                failures = 0;
            } catch (TransportErrorException e) {
                flood = e.code() == TRANSPORT_FLOOD;
                if (e.code() == TRANSPORT_AUTH_KEY_NOT_FOUND && ++keyNotFoundInARow >= KEY_NOT_FOUND_BEFORE_FORGETTING) {
                    keyNotFoundInARow = 0;
                    forgetKey();
                }
                LOG.info("DC {}: transport error {}", dcId, e.code());
            } catch (IOException | MtprotoException e) {
                if (!closed) {
                    LOG.info("DC {}: connection lost: {}", dcId, e.getMessage());
                }
            } catch (RuntimeException e) {
                String kind = e.getClass().getName() + ": " + e.getMessage();
                if (!kind.equals(lastUnexpected)) {
                    lastUnexpected = kind;
                    LOG.warn("DC " + dcId + ": unexpected failure, reconnecting", e);
                } else {
                    LOG.debug("DC {}: the same failure again: {}", dcId, kind);
                }
            }
            if (closed) {
                break;
            }
            setState(ConnectionState.DISCONNECTED);
            long delay = config.reconnectPolicy().delay(flood ? failures + 4 : failures).toMillis();
            failures++;
            sleep(delay);
        }
    }

    private void sleep(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        lock.lock();
        try {
            long left;
            while (!closed && (left = until - System.nanoTime()) > 0) {
                outgoing.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** One connection from open to drop. Returns or throws when the connection ends. */
    private void connectOnce() throws IOException {
        setState(ConnectionState.CONNECTING);
        DcAddress address = config.dcOptions().address(dcId);
        Socket s = new Socket();
        socket = s;
        Thread writer = null;
        ConnectionWriter output = null;
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(address.host(), address.port()), (int) config.connectTimeout().toMillis());
            if (closed) {
                return;
            }
            ClientTransport.Builder tb = ClientTransport.builder(config.transport()).random(random);
            if (config.obfuscated()) {
                tb.obfuscated(true).dcId(config.wireDcId(dcId)); // the DC id travels in the obfuscated2 header
            }
            ClientTransport transport = tb.build();
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            out.write(transport.connectionPreamble());
            s.setSoTimeout((int) config.connectTimeout().toMillis());
            FrameInbox inbox = new FrameInbox(transport, in);
            ensureSession(transport, out, inbox);
            s.setSoTimeout(0);

            output = new ConnectionWriter(transport, out);
            writer = threads.newThread(output);
            writer.start();
            setState(ConnectionState.CONNECTED);
            deliver(() -> firstConnect.complete(null)); // never run the caller's continuations on this loop
            inbox.pumpInto(frameHandler(transport));
        } catch (SocketTimeoutException e) {
            throw new IOException("timed out after " + config.connectTimeout().toSeconds() + " s connecting to DC " + dcId, e);
        } finally {
            if (output != null) {
                output.stop();
            }
            try {
                s.close();
            } catch (IOException ignored) {
                // already broken
            }
            if (writer != null) {
                try {
                    writer.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            lock.lock();
            try {
                if (session != null) {
                    session.onConnectionLost();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Makes sure a session exists: from the stored key, or by creating a key over this connection. */
    private void ensureSession(ClientTransport transport, OutputStream out, FrameInbox inbox) throws IOException {
        lock.lock();
        try {
            if (session != null) {
                return;
            }
        } finally {
            lock.unlock();
        }
        DcAuthorization auth = store.loadAuthorization(dcId).orElse(null);
        if (auth == null) {
            auth = exchangeKey(transport, out, inbox);
            store.saveAuthorization(dcId, auth);
        }
        lock.lock();
        try {
            MessageIdClock ids = new MessageIdClock(config.clockMillis(), auth.timeOffsetMillis());
            session = new ClientSession(auth.authKey(), auth.serverSalt(), ids, random, listener, 4096, transport.maxFrameLength());
            session.initWrapper(call -> config.initConnection().wrap(config.apiId(), call));
            lastSavedSalt = auth.serverSalt();
            lastSavedOffset = auth.timeOffsetMillis();
            keyCreatedAt = auth.createdAt();
            for (OutgoingCall<?> call : waiting) {
                session.submit(call);
            }
            waiting.clear();
        } finally {
            lock.unlock();
        }
    }

    private DcAuthorization exchangeKey(ClientTransport transport, OutputStream out, FrameInbox inbox) throws IOException {
        LOG.info("DC {}: creating an authorization key", dcId);
        ClientKeyExchange kx = ClientKeyExchange.builder(config.wireDcId(dcId), config.rsaKeys())
                .random(random)
                .build();
        byte[] payload = kx.start();
        while (true) {
            new StreamSink(out).send(transport, payload, payload.length, false);
            ClientStep step = kx.onMessage(inbox.next());
            if (step instanceof ClientStep.Done done) {
                ClientKeyExchangeResult r = done.result();
                long offsetMillis = r.serverTime() * 1000L - config.clockMillis().getAsLong();
                return new DcAuthorization(r.authKey(), r.firstServerSalt(), offsetMillis, Instant.ofEpochMilli(config.clockMillis().getAsLong()));
            }
            payload = ((ClientStep.Send) step).payload();
        }
    }

    /** The key is unknown to the server (-404): forget it; the next connection creates a new one. */
    private void forgetKey() {
        lock.lock();
        try {
            if (session != null) {
                waiting.addAll(0, session.takePendingCalls());
                session = null;
            }
        } finally {
            lock.unlock();
        }
        LOG.warn("DC {}: the DC does not know our authorization key; creating a new one", dcId);
        store.deleteAuthorization(dcId); // a failure here ends this attempt; the loop retries
    }

    /**
     * Called with {@link #lock} held.
     *
     * @return the session's key, salt and time offset if they changed since the last save, else null
     */
    private DcAuthorization changedAuthorization() {
        if (session == null) {
            return null;
        }
        long salt = session.currentSalt();
        long offset = session.clock().offsetMillis();
        if (salt == lastSavedSalt && Math.abs(offset - lastSavedOffset) <= 1000) {
            return null;
        }
        lastSavedSalt = salt;
        lastSavedOffset = offset;
        return new DcAuthorization(session.authKey(), salt, offset, keyCreatedAt != null ? keyCreatedAt : Instant.now());
    }

    /** Writes to the store outside {@link #lock} (it may fsync); a failure is logged and retried next tick. */
    private void save(DcAuthorization authorization) {
        if (authorization == null) {
            return;
        }
        try {
            store.saveAuthorization(dcId, authorization);
            saveFailing = false;
        } catch (RuntimeException e) {
            if (saveFailing) {
                LOG.debug("DC {}: could not save the session again ({}: {}); retrying", dcId, e.getClass().getSimpleName(), e.getMessage());
            } else {
                LOG.warn("DC {}: could not save the session ({}: {}); retrying", dcId, e.getClass().getSimpleName(), e.getMessage());
            }
            saveFailing = true;
            lock.lock();
            try {
                lastSavedSalt = 0; // makes the next tick try again
            } finally {
                lock.unlock();
            }
        }
    }

    /** Padded intermediate frames end with random padding; MTProto packets know their own length. */
    private static int packetLength(ClientTransport transport, byte[] buf, int off, int len) {
        return transport.kind() == dev.mtproto.transport.TransportKind.PADDED_INTERMEDIATE
                ? dev.mtproto.transport.PaddedPackets.packetLength(buf, off, len) : len;
    }

    private FrameListener frameHandler(ClientTransport transport) {
        return new FrameListener() {
            @Override
            public void onFrame(byte[] buf, int off, int len, boolean quickAckRequested) {
                lock.lock();
                try {
                    long authenticated = session.authenticatedFrames();
                    session.onFrame(buf, off, packetLength(transport, buf, off, len));
                    if (session.authenticatedFrames() != authenticated) {
                        keyNotFoundInARow = 0;
                    }
                    if (session.hasOutgoing()) {
                        outgoing.signalAll();
                    }
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public void onQuickAck(int token) {
                lock.lock();
                try {
                    session.onQuickAck(token);
                } finally {
                    lock.unlock();
                }
            }
        };
    }

    /** Writes transport frames to a socket stream; the stream's IOException comes back out unwrapped. */
    private static final class StreamSink implements dev.mtproto.transport.ByteSink {
        private final OutputStream out;

        private StreamSink(OutputStream out) {
            this.out = out;
        }

        void send(ClientTransport transport, byte[] payload, int length, boolean quickAck) throws IOException {
            try {
                transport.encode(payload, 0, length, quickAck, this);
                out.flush();
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    // ------------------------------------------------------------------ reading

    /** Reads frames from the socket through the transport; used synchronously during the key exchange. */
    private static final class FrameInbox {
        private final ClientTransport transport;
        private final InputStream in;
        private final byte[] buffer = new byte[READ_BUFFER];
        private final ArrayDeque<byte[]> frames = new ArrayDeque<>();

        FrameInbox(ClientTransport transport, InputStream in) {
            this.transport = transport;
            this.in = in;
        }

        /** @return the next whole frame (copied) */
        byte[] next() throws IOException {
            while (frames.isEmpty()) {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new IOException("the DC closed the connection during the key exchange");
                }
                transport.decode(buffer, 0, n, (buf, off, len, ack) -> frames.add(java.util.Arrays.copyOfRange(buf, off, off + packetLength(transport, buf, off, len))));
            }
            return frames.poll();
        }

        /** Feeds everything that arrives to {@code listener} until the connection ends. */
        void pumpInto(FrameListener listener) throws IOException {
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new IOException("the DC closed the connection");
                }
                transport.decode(buffer, 0, n, listener);
            }
        }
    }

    // ------------------------------------------------------------------ writing

    /** The writer loop of one connection: sends what the session queues, batching lone acks briefly. */
    private final class ConnectionWriter implements Runnable {
        private final ClientTransport transport;
        private final StreamSink out;
        private volatile boolean running = true;

        ConnectionWriter(ClientTransport transport, OutputStream out) {
            this.transport = transport;
            this.out = new StreamSink(out);
        }

        void stop() {
            running = false;
            lock.lock();
            try {
                outgoing.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void run() {
            try {
                while (running && !closed) {
                    OutboundPacket packet = awaitPacket();
                    if (packet == null) {
                        continue;
                    }
                    out.send(transport, packet.buffer(), packet.length(), packet.quickAck());
                }
            } catch (IOException | RuntimeException e) {
                if (running && !closed) {
                    LOG.debug("DC {}: write failed: {}", dcId, e.getMessage());
                    dropConnection();
                }
            }
        }

        /** Waits for something to send; lone acks wait up to 50 ms for company. */
        private OutboundPacket awaitPacket() {
            lock.lock();
            try {
                long ackDeadline = 0;
                while (running && !closed) {
                    if (session.hasQueuedMessages()) {
                        return session.nextPacket(config.quickAcks());
                    }
                    if (session.pendingAcks() > 0) {
                        long now = System.nanoTime();
                        if (ackDeadline == 0) {
                            ackDeadline = now + ACK_DELAY_NANOS;
                        }
                        if (session.pendingAcks() >= ACKS_SENT_AT_ONCE || now - ackDeadline >= 0) {
                            return session.nextPacket(false);
                        }
                        outgoing.awaitNanos(ackDeadline - now);
                    } else {
                        outgoing.await(1, TimeUnit.SECONDS);
                    }
                }
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } finally {
                lock.unlock();
            }
        }
    }

    // ------------------------------------------------------------------ session events

    /** Hands results to the callback executor and updates to the update sink; runs under {@link #lock}. */
    private final class Listener implements SessionListener {
        @Override
        @SuppressWarnings("unchecked")
        public void onAnswer(OutgoingCall<?> call, RpcAnswer answer) {
            CompletableFuture<Object> f = (CompletableFuture<Object>) call.future();
            deliver(() -> {
                try {
                    f.complete(answer.decode());
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
            });
        }

        @Override
        public void onError(OutgoingCall<?> call, RuntimeException error) {
            deliver(() -> call.future().completeExceptionally(error));
        }


        @Override
        public void onUpdates(byte[] boxedUpdates) {
            UpdatesType u;
            try {
                u = UpdatesType.read(new dev.mtproto.tl.TlReader(boxedUpdates));
            } catch (RuntimeException e) {
                onDropped(DropReason.UNKNOWN_CONSTRUCTOR, e.getMessage());
                return;
            }
            updates.accept(u);
        }

        @Override
        public void onNewSessionCreated(long firstMsgId, long uniqueId) {
            LOG.debug("DC {}: the server created a new session", dcId);
        }

        @Override
        public void onSessionReset(SessionResetReason reason) {
            LOG.debug("DC {}: new session ({})", dcId, reason);
        }

        @Override
        public void onQuickAck(long[] msgIds) {
            quickAcks.incrementAndGet();
        }

        @Override
        public void onDropped(DropReason reason, String detail) {
            droppedFrames.incrementAndGet();
            LOG.debug("DC {}: dropped a message ({}): {}", dcId, reason, detail);
        }
    }
}
