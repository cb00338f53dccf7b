package dev.mtproto.testkit;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.crypto.RsaPrivateKey;
import dev.mtproto.keyexchange.KeyLifetime;
import dev.mtproto.session.MessageIdClock;
import dev.mtproto.session.server.ServerSession;
import dev.mtproto.session.server.ServerSessionSettings;
import dev.mtproto.testkit.layers.ApiLayers;
import dev.mtproto.tl.TlObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Telegram DC on 127.0.0.1 that speaks real MTProto: every transport (detected from the client's first
 * bytes, obfuscated or not), the key exchange (current and old forms), encrypted sessions that outlive
 * connections (until idle for long), scripted API answers ({@link RpcHandlers}), pushed updates, and
 * {@link Faults}. As lenient as Telegram's DCs unless the cluster asks for strict checks; what it let
 * pass is counted. A test drives it here (faults, pushes, clock skew, dropped connections, forgotten keys and
 * sessions, restarts) and reads what it did from {@link #inspection()} (executions, leniencies, keys,
 * sessions, connections).
 *
 * <p>Made and started by a {@link TestCluster}. Thread-safe; one thread per connection.
 */
public final class TestDc implements AutoCloseable {

    private final int id;
    private final TestCluster cluster;
    private final List<RsaPrivateKey> rsaKeys;
    private final Clock clock;
    private final Faults faults = new Faults();
    private final AtomicLong skewMillis = new AtomicLong();
    private final DcKeys keys = new DcKeys(this::nowMillis);
    private final DcSessions sessions;
    private final Set<TestDcConnection> connections = ConcurrentHashMap.newKeySet();
    private final DcCalls calls;
    private final DcInspection inspection;
    private final ServerSessionSettings sessionSettings;
    private final ApiLayers layers;
    private final DcAddresses addresses;
    private final boolean cdn;
    private volatile boolean closed;

    TestDc(int id, TestCluster cluster, RpcHandlers handlers, List<RsaPrivateKey> rsaKeys, int port, ClusterSettings settings) {
        this(id, cluster, handlers, rsaKeys, port, settings, false);
    }

    TestDc(int id, TestCluster cluster, RpcHandlers handlers, List<RsaPrivateKey> rsaKeys, int port, ClusterSettings settings, boolean cdn) {
        this.cdn = cdn;
        this.id = id;
        this.cluster = cluster;
        this.rsaKeys = List.copyOf(rsaKeys);
        this.clock = settings.clock();
        this.sessions = new DcSessions(settings.idleSessionTimeout());
        this.layers = settings.layers();
        this.addresses = new DcAddresses(id, port, settings.mediaAddresses(), settings.ipv6Addresses(), this::serve);
        this.calls = new DcCalls(this, faults, handlers, keys);
        this.inspection = new DcInspection(keys, sessions, addresses, calls);
        this.sessionSettings = ServerSessionSettings.builder().strictChecks(settings.strictChecks())
                .leniencyListener(inspection::leniencyPassed).build();
    }

    /** Binds 127.0.0.1 and starts accepting. */
    void start() throws IOException {
        addresses.start();
    }

    private void serve(Socket socket) {
        inspection.connectionAccepted();
        TestDcConnection c = new TestDcConnection(this, socket);
        connections.add(c);
        if (closed) { // close() ran between accept and add: it did not see this one
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
        return addresses.port();
    }

    /**
     * @return the port of the DC's media-only address ({@code dcOption} with {@code media_only}), which
     *     serves the same DC: keys, sessions and files; empty unless the cluster was built with
     *     {@link TestClusterBuilder#mediaAddresses(boolean)}
     */
    public OptionalInt mediaPort() {
        return addresses.mediaPort();
    }

    /**
     * @return the port the DC listens on at {@code ::1} ({@code dcOption} with {@code ipv6}); empty unless the
     *     cluster was built with {@link TestClusterBuilder#ipv6Addresses(boolean)}
     */
    public OptionalInt ipv6Port() {
        return addresses.ipv6Port();
    }

    /**
     * @return whether this is the cluster's CDN DC (https://core.telegram.org/cdn): its own RSA key and keys,
     *     no authorizations, only {@code upload.getCdnFile} (and the configuration) answered
     */
    public boolean cdn() {
        return cdn;
    }

    /** @return the faults to inject */
    public Faults faults() {
        return faults;
    }

    /**
     * @return what the DC did and holds, to assert on: executions, leniencies, keys, sessions, connections,
     *     dropped frames, delayed calls
     */
    public DcInspection inspection() {
        return inspection;
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
        long before = skewMillis.getAndSet(skew.toMillis());
        sessions.forEach(s -> { // a DC's own msg_ids follow its clock, also backwards, but never repeat
            s.lock.lock();
            try {
                if (skew.toMillis() > before) {
                    s.lastIdBeforeAhead = Math.max(s.lastIdBeforeAhead, s.clock.lastIssued());
                } else if (skew.toMillis() < before) {
                    s.clock.restartSequence();
                    DcSession.issueAbove(s.clock, s.lastIdBeforeAhead);
                }
            } finally {
                s.lock.unlock();
            }
        });
    }

    /**
     * No faults, the true clock, execution and leniency counts at zero, and no delayed call left to run
     * later (each is cancelled and answered {@code 500}); see {@link TestCluster#reset()}.
     */
    void reset() {
        faults.clear();
        calls.reset();
        if (skewMillis.get() != 0) {
            skewClock(Duration.ZERO);
        }
        inspection.resetLeniencies();
    }

    /**
     * Pushes updates (or any object) to every session of one client key on this DC, as Telegram sends an
     * update to the sessions it concerns; a session whose client is away keeps it.
     *
     * @param authKeyId the client's key (a temporary key's own id for a client that uses one)
     * @param update the object, e.g. an {@code Updates}
     */
    public void pushTo(long authKeyId, TlObject update) {
        sessions.forEach(s -> {
            if (s.session.authKey().id() == authKeyId) {
                push(s, update);
            }
        });
    }

    /**
     * Pushes several updates to every session of one client key, in order, each session's under one lock and
     * in as few packets as they fit in (containers), as a busy DC sends them.
     *
     * @param authKeyId the client's key (a temporary key's own id for a client that uses one)
     * @param updates the objects, e.g. {@code Updates}
     */
    public void pushAllTo(long authKeyId, List<? extends TlObject> updates) {
        sessions.forEach(s -> {
            if (s.session.authKey().id() == authKeyId) {
                s.lock.lock();
                try {
                    updates.forEach(s.session::push);
                    s.flush();
                } finally {
                    s.lock.unlock();
                }
            }
        });
    }

    /**
     * Pushes updates (or any object) to every session of every client on this DC. A session whose client is
     * away keeps them (bounded: see {@link ServerSessionSettings.Builder#outboundLimit}).
     *
     * @param update the object, e.g. an {@code Updates}
     */
    public void pushToAll(TlObject update) {
        sessions.forEach(s -> push(s, update));
    }

    private static void push(DcSession s, TlObject update) {
        s.lock.lock();
        try {
            s.session.push(update);
            s.flush();
        } finally {
            s.lock.unlock();
        }
    }

    /** Closes every client connection (the clients reconnect); sessions and keys are kept. */
    public void dropAllConnections() {
        connections.forEach(TestDcConnection::close);
    }

    /** Forgets every authorization key: clients then get transport error -404 and must create new keys. */
    public void forgetKeys() {
        keys.clear();
        sessions.forgetAll();
    }

    /**
     * Forgets every temporary key (https://core.telegram.org/api/pfs: a DC keeps them in memory only, so a restart
     * loses them) and keeps the permanent ones: a client using one gets transport error -404 and makes a new
     * temporary key, bound to its permanent key. With {@link #restartKeepingKeys()} after it, this is what a
     * Telegram DC restart does to a client with perfect forward secrecy.
     */
    public void forgetTemporaryKeys() {
        keys.clearTemporary();
    }

    /** Forgets every session (a DC restart): the next message of each client gets {@code new_session_created}. */
    public void forgetSessions() {
        sessions.forgetAll();
    }

    /**
     * Restarts the DC as a process restart that keeps its keys on disk would: stops listening, closes every
     * connection, forgets every session (the next message of each client gets {@code new_session_created};
     * answers not yet delivered are lost), then listens again on the same port. A client connecting in
     * between is refused. Calls a delay fault holds still run.
     *
     * @throws java.io.UncheckedIOException if the port cannot be bound again
     */
    public synchronized void restartKeepingKeys() {
        if (closed) {
            throw new IllegalStateException("the DC is closed");
        }
        addresses.stopMain();
        dropAllConnections();
        sessions.forgetAll();
        addresses.listenAgain();
        if (closed) { // close() ran meanwhile and closed the old listener only
            addresses.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        addresses.close();
        dropAllConnections();
        sessions.forEach(s -> {
            s.lock.lock(); // a connection thread may still be inside it
            try {
                s.session.close();
            } finally {
                s.lock.unlock();
            }
        });
    }

    // ------------------------------------------------------------------ for connections

    List<RsaPrivateKey> rsaKeys() {
        return rsaKeys;
    }

    /** @return the DC's time: its clock, skewed */
    long nowMillis() {
        return clock.millis() + skewMillis.get();
    }

    /** @return the DC's clock, skewed, for the key exchange's {@code server_time} */
    Clock skewedClock() {
        return Clock.offset(clock, Duration.ofMillis(skewMillis.get()));
    }

    void registerKey(AuthKey key, long firstSalt, boolean testMode, KeyLifetime lifetime) {
        keys.add(key, firstSalt, testMode, lifetime);
    }

    /** @return the key, or null if there is none or it was temporary and has expired */
    DcKeys.KeyRecord key(long authKeyId) {
        return keys.get(authKeyId);
    }

    boolean isTestModeKey(long authKeyId) {
        DcKeys.KeyRecord record = keys.get(authKeyId);
        return record != null && record.testMode;
    }

    void dropped() {
        inspection.frameDropped();
    }

    /** @return the client's session, made if the DC has none (or forgot it) */
    DcSession session(DcKeys.KeyRecord key, long sessionId) {
        long keyId = key.key.id();
        if (Faults.takeOne(faults.newSessions)) {
            sessions.forget(keyId, sessionId);
        }
        return sessions.get(keyId, sessionId, nowMillis(), (k, sid) -> newSession(key, sid));
    }

    private DcSession newSession(DcKeys.KeyRecord key, long sessionId) {
        MessageIdClock msgIds = new MessageIdClock(this::nowMillis, 0);
        DcSession.issueAbove(msgIds, sessions.forgottenIdFloor()); // the client may have seen the old session's ids
        AtomicBoolean dropAfterPacket = new AtomicBoolean();
        ServerSession session = new ServerSession(key.key, sessionId, key.firstSalt, msgIds, RandomSource.secure(),
                call -> calls.execute(call, dropAfterPacket), sessionSettings);
        session.inheritLayer(key.layer);
        session.layerCodec(layers); // answers and updates in the layer the client announced
        // destroy_session: forget another session of this key; a connection still using it gets a new one
        session.otherSessions(other -> other != sessionId && sessions.forget(key.key.id(), other));
        // "drop the connection before the answer": the call is not read, checked only once it would run
        session.callAdmission(call -> faults.match(call, Faults.Action.DROP_BEFORE) == null);
        DcSession s = new DcSession(session, msgIds, dropAfterPacket, nowMillis());
        session.deferredAnswers(task -> { // a delayed answer: written and sent under the session's lock
            s.lock.lock();
            try {
                task.run();
                s.flush();
            } finally {
                s.lock.unlock();
            }
        });
        return s;
    }

    @Override
    public String toString() {
        return "TestDc{" + id + " at " + host() + ":" + (addresses.started() ? String.valueOf(port()) : "-") + "}";
    }
}
