package dev.mtproto.client;

import dev.mtproto.crypto.RandomSource;
import dev.mtproto.session.ClientSession;
import dev.mtproto.session.OutgoingCall;
import dev.mtproto.session.RequestTimeoutException;
import dev.mtproto.session.RequestTooLargeException;
import dev.mtproto.store.DcAuthorization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A client's connection to one DC for one role, across reconnects: it keeps one {@link ClientSession} (so
 * calls in flight survive a dropped socket and are answered, not repeated), has links opened by
 * {@link ConnectAttempt}s under its {@link ConnectionSupervision}, starts sessions on them through its
 * {@link LinkEstablishment}, and leaves what the links report to its {@link LinkTraffic}. This side faces the callers: submit, cancel, the timer's tick and ping, close.
 * Everything the session reports under the lock is delivered after it, off the I/O loops.
 */
final class DcConnection implements UpdateSink.Backpressured {
    private final ConnectionId id;
    private final ClientRuntime runtime;
    private final ClientConfig config;
    private final RandomSource random;
    private final SessionSlot slot = new SessionSlot();
    private final ReconnectBackoff backoff;
    private final SessionOutput output;
    private final SessionSaver saver;
    private final ConnectionSupervision supervision;
    private final LinkTraffic traffic;
    private final LinkEstablishment establishment;
    private final KeepAlive keepAlive;
    private volatile long lastUsedNanos = System.nanoTime();
    private boolean retired;

    /** Thrown by {@link #submit} on a connection closed for being idle: the caller takes a fresh one. */
    static final class Retired extends RuntimeException {
        Retired() {
            super(null, null, false, false);
        }
    }

    DcConnection(ConnectionId id, ClientRuntime runtime) {
        this.id = id;
        this.runtime = runtime;
        this.config = runtime.config();
        this.random = config.random() != null ? config.random() : RandomSource.perThread();
        this.backoff = new ReconnectBackoff(config.reconnectPolicy());
        this.output = new SessionOutput(this, runtime);
        this.saver = new SessionSaver(id, runtime);
        this.supervision = new ConnectionSupervision(this, runtime);
        this.traffic = new LinkTraffic(this, slot, runtime, output);
        this.establishment = new LinkEstablishment(this, slot, runtime, new SessionOpener(config, random, output));
        this.keepAlive = new KeepAlive(this, config);
    }

    @Override
    public ConnectionId id() {
        return id;
    }

    RandomSource random() {
        return random;
    }

    ConnectionSupervision supervision() {
        return supervision;
    }

    ReconnectBackoff backoff() {
        return backoff;
    }

    SessionSaver saver() {
        return saver;
    }

    LinkEstablishment establishment() {
        return establishment;
    }

    LinkTraffic traffic() {
        return traffic;
    }

    /** @return the future of the next usable connection; starts connecting if not yet */
    CompletableFuture<Void> start() {
        return supervision.start();
    }

    /** @return the id of the session, for the session's own listener (called under the lock) */
    long sessionIdUnderLock() {
        return slot.sessionId();
    }

    // ------------------------------------------------------------------ calls

    /**
     * Queues a call; it is sent as soon as the connection allows. A call too large for the transport fails
     * alone, with {@link RequestTooLargeException}.
     *
     * @throws ClientClosedException if the connection was closed
     */
    void submit(OutgoingCall<?> call) {
        SocketLink flush = null;
        SessionOutput.Delivery delivery = null;
        lastUsedNanos = System.nanoTime();
        slot.lock.lock();
        try {
            if (retired) {
                throw new Retired();
            }
            if (supervision.closed()) {
                throw new ClientClosedException();
            }
            if (!slot.takesCalls()) {
                slot.waiting.add(call);
            } else {
                try {
                    slot.session.submit(call);
                } catch (RequestTooLargeException e) {
                    call.future().completeExceptionally(e);
                    return;
                }
                flush = slot.flushTarget();
                delivery = output.take(slot.sessionId());
            }
        } finally {
            slot.lock.unlock();
        }
        if (delivery != null) {
            delivery.dispatch();
        }
        if (flush != null) {
            flush.requestFlush();
        } else {
            supervision.start();
        }
    }

    /** The caller gave up on a call (cancelled its future): drop it, or ask the DC not to answer. */
    void cancel(OutgoingCall<?> call) {
        SocketLink flush = null;
        slot.lock.lock();
        try {
            if (!slot.waiting.remove(call) && slot.session != null && slot.session.cancel(call)) {
                flush = slot.flushTarget();
            }
        } finally {
            slot.lock.unlock();
        }
        if (flush != null) {
            flush.requestFlush();
        }
    }

    /** Every second, on the timer: deadlines, future salts, saving what changed. */
    void tick(long nowNanos) {
        SocketLink renew = null;
        List<OutgoingCall<?>> expired = new ArrayList<>();
        SessionOutput.Delivery delivery = null;
        DcAuthorization changed = null;
        SocketLink flush = null;
        slot.lock.lock();
        try {
            for (Iterator<OutgoingCall<?>> it = slot.waiting.iterator(); it.hasNext(); ) {
                OutgoingCall<?> call = it.next();
                if (call.isOverdue(nowNanos)) {
                    it.remove();
                    expired.add(call);
                }
            }
            if (slot.session != null) {
                slot.session.expire(nowNanos);
                if (slot.linkEstablished && saver.wantsFutureSalts(slot.session)) {
                    slot.session.submit(saver.futureSaltsCall(config.requestTimeout()));
                }
                changed = saver.changed(slot.session);
                delivery = output.take(slot.sessionId());
                flush = slot.session.hasQueuedMessages() ? slot.flushTarget() : null;
                renew = TempKeyRenewal.due(slot, config, Instant.ofEpochMilli(slot.session.clock().serverMillis())) ? slot.link : null;
                if (renew != null) {
                    slot.retireSessionKey();
                    slot.session = null; // idle: the next connection makes and binds a new temporary key
                }
            }
        } finally {
            slot.lock.unlock();
        }
        if (renew != null) {
            renew.close(new TempKeyRenewal.Due());
        }
        Throwable why = supervision.lastFailure();
        for (OutgoingCall<?> call : expired) {
            RequestTimeoutException timeout = new RequestTimeoutException(call.name(), call.transmitted(), call.acknowledged());
            if (why != null) {
                timeout.initCause(why);
            }
            runtime.callbacks().execute(() -> call.future().completeExceptionally(timeout));
        }
        if (delivery != null) {
            delivery.dispatch();
        }
        saver.save(changed);
        if (flush != null) {
            flush.requestFlush();
        }
    }

    /**
     * Closes the connection if nothing used it for {@code idleNanos} and no call is waiting or in flight.
     *
     * @return whether it was closed (the pool then forgets it)
     */
    boolean retireIfIdle(long now, long idleNanos) {
        slot.lock.lock();
        try {
            boolean busy = !slot.waiting.isEmpty() || slot.session != null && slot.session.pendingCalls() > 0;
            if (retired || supervision.closed() || busy || now - lastUsedNanos < idleNanos) {
                return false;
            }
            retired = true;
        } finally {
            slot.lock.unlock();
        }
        close();
        return true;
    }

    /** Every ping interval, on the timer: see {@link KeepAlive}. */
    void ping() {
        keepAlive.ping();
    }

    /** Fails every call waiting for a session (a permanent connect failure). */
    void failWaiting(RuntimeException error) {
        List<OutgoingCall<?>> calls;
        slot.lock.lock();
        try {
            calls = new ArrayList<>(slot.waiting);
            slot.waiting.clear();
        } finally {
            slot.lock.unlock();
        }
        for (OutgoingCall<?> call : calls) {
            runtime.callbacks().execute(() -> call.future().completeExceptionally(error));
        }
    }

    // ------------------------------------------------------------------ backpressure from the update queue

    @Override
    public void pause() {
        SocketLink l = currentLink();
        if (l != null) {
            l.pauseReading();
            runtime.events().post(e -> e.updatesBackpressure(id, true));
        }
    }

    @Override
    public void resume() {
        SocketLink l = currentLink();
        if (l != null) {
            l.resumeReading();
            runtime.events().post(e -> e.updatesBackpressure(id, false));
        }
    }

    SocketLink currentLink() {
        slot.lock.lock();
        try {
            return slot.link;
        } finally {
            slot.lock.unlock();
        }
    }

    // ------------------------------------------------------------------ the end

    /** Closes for good: pending calls fail with {@link ClientClosedException}; what changed is saved. */
    void close() {
        List<OutgoingCall<?>> orphans;
        DcAuthorization changed = null;
        SocketLink l;
        slot.lock.lock();
        try {
            if (!supervision.markClosed()) {
                return;
            }
            orphans = new ArrayList<>(slot.waiting);
            slot.waiting.clear();
            if (slot.session != null) {
                changed = saver.changed(slot.session);
                orphans.addAll(slot.session.takePendingCalls());
                slot.retireSessionKey(); // the final save holds its own copy
                slot.session = null;
            }
            l = slot.link;
            slot.link = null;
        } finally {
            slot.lock.unlock();
        }
        for (OutgoingCall<?> call : orphans) {
            ClientClosedException closedError = new ClientClosedException(call.transmitted());
            runtime.callbacks().execute(() -> call.future().completeExceptionally(closedError));
        }
        if (l != null) {
            l.close(null);
        }
        saver.save(changed);
        supervision.closedForGood();
    }

    /** @return the key the session runs on now (this connection's own copy), or null without a session */
    dev.mtproto.crypto.AuthKey sessionKey() {
        slot.lock.lock();
        try {
            return slot.session == null ? null : slot.session.authKey();
        } finally {
            slot.lock.unlock();
        }
    }

    /** @return the connection's state */
    ConnectionState state() {
        return supervision.state();
    }

    /** @return the round trip of the last ping, or -1 */
    long lastPingRttNanos() {
        return supervision.lastPingRttNanos();
    }
}
