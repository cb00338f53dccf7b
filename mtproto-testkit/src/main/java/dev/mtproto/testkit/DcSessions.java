package dev.mtproto.testkit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The sessions of one test DC, by authorization key and session id. A session unused for longer than the
 * idle timeout is forgotten, as Telegram forgets sessions inactive for long: the client's next message
 * then gets {@code new_session_created}. Forgotten sessions' deflaters and inflaters are freed by their
 * cleaners, since another thread may still hold one. Thread-safe.
 */
final class DcSessions {
    private record SessionId(long authKeyId, long sessionId) {
    }

    private final Map<SessionId, DcSession> sessions = new ConcurrentHashMap<>();
    private final long idleMillis;
    private final long sweepEveryMillis;
    private volatile long lastSweepMillis;
    /** The highest msg_id a forgotten session made: a new session of the same client must not repeat it. */
    private volatile long forgottenIdFloor;

    DcSessions(Duration idleTimeout) {
        this.idleMillis = idleTimeout.toMillis();
        this.sweepEveryMillis = Math.max(1, Math.min(idleMillis / 4, 60_000));
    }

    /**
     * @param authKeyId the client's key
     * @param sessionId its session
     * @param nowMillis the DC's time
     * @param create makes the session if there is none
     * @return the session, marked as used now
     */
    DcSession get(long authKeyId, long sessionId, long nowMillis, BiFunction<Long, Long, DcSession> create) {
        if (nowMillis - lastSweepMillis >= sweepEveryMillis) {
            lastSweepMillis = nowMillis;
            sessions.values().removeIf(s -> nowMillis - s.lastActiveMillis > idleMillis && forgotten(s));
        }
        DcSession s = sessions.computeIfAbsent(new SessionId(authKeyId, sessionId), id -> create.apply(authKeyId, sessionId));
        s.lastActiveMillis = nowMillis;
        return s;
    }

    /** @return whether the session existed and was forgotten */
    boolean forget(long authKeyId, long sessionId) {
        DcSession s = sessions.remove(new SessionId(authKeyId, sessionId));
        return s != null && forgotten(s);
    }

    void forgetAll() {
        sessions.values().removeIf(this::forgotten);
    }

    /** @return the highest msg_id a forgotten session made (see {@link DcSession#issueAbove}) */
    long forgottenIdFloor() {
        return forgottenIdFloor;
    }

    /** Remembers the last id of a session being forgotten; @return {@code true} */
    private boolean forgotten(DcSession s) {
        long last = s.clock.lastIssued(); // read without its lock: an id a moment old is as good a floor
        synchronized (this) {
            forgottenIdFloor = Math.max(forgottenIdFloor, last);
        }
        return true;
    }

    int count() {
        return sessions.size();
    }

    void forEach(Consumer<DcSession> action) {
        sessions.values().forEach(action);
    }
}
