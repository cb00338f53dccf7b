package dev.mtproto.testkit;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.crypto.RsaPrivateKey;
import dev.mtproto.session.MessageIdClock;
import dev.mtproto.session.server.Leniency;
import dev.mtproto.session.server.ServerSession;
import dev.mtproto.session.server.ServerSessionSettings;
import dev.mtproto.tl.TlObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Telegram DC on 127.0.0.1 that speaks real MTProto: every transport (detected from the client's first
 * bytes, obfuscated or not), the key exchange (current and old forms), encrypted sessions that outlive
 * connections, scripted API answers ({@link RpcHandlers}), pushed updates, and {@link Faults}.
 *
 * <p>Made and started by a {@link TestCluster}. Thread-safe; one thread per connection.
 */
public final class TestDc implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TestDc.class);

    /** A key created by the key exchange, and the layer its client announced (kept with the authorization). */
    static final class KeyRecord {
        final AuthKey key;
        final long firstSalt;
        /** Whether the client named this DC with the test offset (+10000) in the key exchange. */
        final boolean testMode;
        volatile int layer;

        KeyRecord(AuthKey key, long firstSalt, boolean testMode) {
            this.key = key;
            this.firstSalt = firstSalt;
            this.testMode = testMode;
        }

        AuthKey key() {
            return key;
        }

        long firstSalt() {
            return firstSalt;
        }
    }

    /** A session on the DC: survives reconnects, bound to the connection that last used it. */
    static final class SessionHolder {
        final ReentrantLock lock = new ReentrantLock();
        final ServerSession session;
        final MessageIdClock clock;
        TestDcConnection bound;

        SessionHolder(ServerSession session, MessageIdClock clock) {
            this.session = session;
            this.clock = clock;
        }
    }

    private record SessionId(long authKeyId, long sessionId) {
    }

    private final int id;
    private final TestCluster cluster;
    private final RpcHandlers handlers;
    private final List<RsaPrivateKey> rsaKeys;
    private final Faults faults = new Faults();
    private final AtomicLong skewMillis = new AtomicLong();
    private final Map<Long, KeyRecord> keys = new ConcurrentHashMap<>();
    private final Map<SessionId, SessionHolder> sessions = new ConcurrentHashMap<>();
    private final Set<TestDcConnection> connections = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();
    private final AtomicLong droppedFrames = new AtomicLong();
    private final AtomicInteger acceptedConnections = new AtomicInteger();
    private final Map<Leniency, AtomicLong> leniencies = new EnumMap<>(Leniency.class);
    private final ServerSessionSettings sessionSettings;
    private final int requestedPort;
    private volatile ServerSocket server;
    private volatile Thread acceptor;

    TestDc(int id, TestCluster cluster, RpcHandlers handlers, List<RsaPrivateKey> rsaKeys, int port, ClusterSettings settings) {
        this.id = id;
        this.cluster = cluster;
        this.handlers = handlers;
        this.rsaKeys = List.copyOf(rsaKeys);
        this.requestedPort = port;
        for (Leniency kind : Leniency.values()) {
            leniencies.put(kind, new AtomicLong());
        }
        this.sessionSettings = ServerSessionSettings.builder().strictChecks(settings.strictChecks())
                .leniencyListener(kind -> leniencies.get(kind).incrementAndGet()).build();
    }

    /** Binds 127.0.0.1 and starts accepting. */
    void start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 64);
        server = s;
        Thread t = new Thread(this::acceptLoop, "testdc" + id + "-accept");
        t.setDaemon(true);
        acceptor = t;
        t.start();
    }

    private void acceptLoop() {
        ServerSocket s = server;
        while (!s.isClosed()) {
            Socket socket = null;
            try {
                socket = s.accept();
                socket.setTcpNoDelay(true);
                acceptedConnections.incrementAndGet();
                TestDcConnection c = new TestDcConnection(this, socket);
                connections.add(c);
                if (s.isClosed()) { // close() ran between accept and add: it did not see this one
                    c.close();
                    connections.remove(c);
                    return;
                }
                Thread t = new Thread(() -> {
                    try {
                        c.run();
                    } finally {
                        connections.remove(c);
                    }
                }, "testdc" + id + "-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (socket != null) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // giving up on it anyway
                    }
                }
                if (!s.isClosed()) { // e.g. out of file descriptors: do not spin
                    LOG.debug("accept failed: {}", e.getMessage());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** @return the DC id */
    public int id() {
        return id;
    }

    /** @return the host clients connect to ({@code 127.0.0.1}) */
    public String host() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    /** @return the TCP port */
    public int port() {
        return server.getLocalPort();
    }

    /** @return the faults to inject */
    public Faults faults() {
        return faults;
    }

    /** @return the cluster */
    public TestCluster cluster() {
        return cluster;
    }

    /**
     * Moves the DC's clock; clients then see their msg_ids as too old or too new and must resync.
     *
     * @param skew how far ahead (positive) or behind the DC runs
     */
    public void skewClock(Duration skew) {
        skewMillis.set(skew.toMillis());
        for (SessionHolder h : sessions.values()) { // a DC's own msg_ids follow its clock, also backwards
            h.lock.lock();
            try {
                h.clock.restartSequence();
            } finally {
                h.lock.unlock();
            }
        }
    }

    /** No faults, the true clock, execution and leniency counts at zero; see {@link TestCluster#reset()}. */
    void reset() {
        faults.clear();
        if (skewMillis.get() != 0) {
            skewClock(Duration.ZERO);
        }
        executions.clear();
        leniencies.values().forEach(n -> n.set(0));
    }

    /**
     * @param type a function class
     * @return how many times the DC executed it (resent requests answered from the cache do not count)
     */
    public int executions(Class<? extends TlObject> type) {
        AtomicInteger n = executions.get(type.getName());
        return n == null ? 0 : n.get();
    }

    /**
     * @param kind a rule Telegram does not enforce
     * @return how many client messages broke it and were let pass since the DC started or was reset
     *     (always 0 with strict checks: they are refused instead)
     */
    public long leniencies(Leniency kind) {
        return leniencies.get(Objects.requireNonNull(kind, "kind")).get();
    }

    /** @return every leniency and how many messages it let pass, in declaration order */
    public Map<Leniency, Long> leniencies() {
        Map<Leniency, Long> counts = new EnumMap<>(Leniency.class);
        leniencies.forEach((kind, n) -> counts.put(kind, n.get()));
        return counts;
    }

    /** @return how many authorization keys clients created here */
    public int authKeyCount() {
        return keys.size();
    }

    /** @return how many TCP connections the DC accepted since it started */
    public int acceptedConnections() {
        return acceptedConnections.get();
    }

    /** @return how many client frames failed decryption or checks and were dropped */
    public long droppedFrames() {
        return droppedFrames.get();
    }

    /**
     * Pushes updates (or any object) to every session of every client on this DC.
     *
     * @param update the object, e.g. an {@code Updates}
     */
    public void pushToAll(TlObject update) {
        for (SessionHolder h : sessions.values()) {
            h.lock.lock();
            try {
                h.session.push(update);
                if (h.bound != null) {
                    h.bound.flush(h);
                }
            } finally {
                h.lock.unlock();
            }
        }
    }

    /** Closes every client connection (the clients reconnect); sessions and keys are kept. */
    public void dropAllConnections() {
        connections.forEach(TestDcConnection::close);
    }

    /** Forgets every authorization key: clients then get transport error -404 and must create new keys. */
    public void forgetKeys() {
        keys.clear();
        sessions.clear();
    }

    /** Forgets every session (a DC restart): the next message of each client gets {@code new_session_created}. */
    public void forgetSessions() {
        sessions.clear();
    }

    @Override
    public void close() {
        try {
            ServerSocket s = server;
            if (s != null) {
                s.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        dropAllConnections();
        for (SessionHolder h : sessions.values()) {
            h.lock.lock(); // a connection thread may still be inside it
            try {
                h.session.close();
            } finally {
                h.lock.unlock();
            }
        }
    }

    // ------------------------------------------------------------------ for connections

    List<RsaPrivateKey> rsaKeys() {
        return rsaKeys;
    }

    long nowMillis() {
        return System.currentTimeMillis() + skewMillis.get();
    }

    void registerKey(AuthKey key, long firstSalt, boolean testMode) {
        keys.put(key.id(), new KeyRecord(key, firstSalt, testMode));
    }

    KeyRecord key(long authKeyId) {
        return keys.get(authKeyId);
    }

    boolean isTestModeKey(long authKeyId) {
        KeyRecord record = keys.get(authKeyId);
        return record != null && record.testMode;
    }

    void dropped() {
        droppedFrames.incrementAndGet();
    }

    SessionHolder session(KeyRecord key, long sessionId) {
        if (Faults.takeOne(faults.newSessions)) {
            sessions.remove(new SessionId(key.key().id(), sessionId));
        }
        return sessions.computeIfAbsent(new SessionId(key.key().id(), sessionId), sid -> {
            MessageIdClock clock = new MessageIdClock(this::nowMillis, 0);
            ServerSession session = new ServerSession(key.key(), sessionId, key.firstSalt(), clock, RandomSource.secure(), this::execute,
                    sessionSettings);
            session.inheritLayer(key.layer);
            // destroy_session: forget another session of this key; a connection still using it gets a new
            // one. Its deflater and inflater are freed by their cleaners, since another thread may hold it.
            session.otherSessions(other -> other != sessionId && sessions.remove(new SessionId(key.key().id(), other)) != null);
            SessionHolder holder = new SessionHolder(session, clock);
            session.deferredAnswers(task -> { // a delayed answer: written and sent under the session's lock
                holder.lock.lock();
                try {
                    task.run();
                    if (holder.bound != null) {
                        holder.bound.flush(holder);
                    }
                } finally {
                    holder.lock.unlock();
                }
            });
            return holder;
        });
    }

    /**
     * Runs a call through faults and handlers; counts executions. A delayed call runs later on another
     * thread, so the session goes on answering everything else meanwhile.
     */
    private Object execute(ServerSession.ServerCall call) {
        Faults.CallRule rule = faults.match(call.method(), Faults.Action.FAIL, Faults.Action.DELAY);
        if (rule != null && rule.action == Faults.Action.FAIL) {
            throw dev.mtproto.rpc.RpcException.of(rule.code, rule.message, call.method().tlName());
        }
        if (rule != null) {
            java.util.concurrent.Executor later = java.util.concurrent.CompletableFuture.delayedExecutor(
                    rule.delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return java.util.concurrent.CompletableFuture.supplyAsync(() -> run(call), later);
        }
        return run(call);
    }

    private Object run(ServerSession.ServerCall call) {
        KeyRecord record = keys.get(call.session().authKey().id());
        if (record != null && call.layer() != 0) {
            record.layer = call.layer();
        }
        executions.computeIfAbsent(call.method().getClass().getName(), k -> new AtomicInteger()).incrementAndGet();
        return handlers.handle(new TestCall(call.method(), id, call.session().authKey().id(), call.session().sessionId(),
                call.layer(), this));
    }

    @Override
    public String toString() {
        return "TestDc{" + id + " at " + host() + ":" + (server == null ? "-" : String.valueOf(port())) + "}";
    }
}
