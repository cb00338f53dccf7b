package dev.mtproto.client;

import dev.mtproto.session.ClientSession;
import dev.mtproto.session.OutgoingCall;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The mutable core of a {@link DcConnection}, shared by its caller-facing side ({@link DcConnection}) and
 * its socket-facing side ({@link LinkTraffic}): the session, the calls waiting for one, the live link and
 * what is known about it. Every field is guarded by {@link #lock}.
 */
final class SessionSlot {
    final ReentrantLock lock = new ReentrantLock();
    final List<OutgoingCall<?>> waiting = new ArrayList<>();
    /** Survives reconnects; null until the DC's key is known, and after the DC forgot it. */
    ClientSession session;
    /** The live link, or null. */
    SocketLink link;
    /** The link carries the session (key known, session mode entered). */
    boolean linkEstablished;
    /** The DC answered on this link with an authenticated message. */
    boolean linkProven;
    /** The ack delay passed: send owed acks even alone. */
    boolean acksDue;
    boolean ackTimerArmed;
    int keyNotFoundInARow;
    /** The session may take calls: no temporary key binding is pending. */
    boolean bound;
    /** When the session's temporary key expires; null without perfect forward secrecy. */
    java.time.Instant tempKeyExpiresAt;
    /** The id of the DC's permanent key the session runs on (or whose temporary key it runs on). */
    long permanentKeyId;
    /** Temporary key bindings the DC refused in a row. */
    int bindingsRefused;

    /**
     * Destroys the key the session runs on (this connection's own copy: a temporary key, or without perfect
     * forward secrecy its copy of the permanent key); call just before dropping the session, under the lock.
     * Nothing else uses the key then: frames and packets reach only the slot's session.
     */
    void retireSessionKey() {
        if (session != null) {
            session.authKey().destroy();
        }
    }

    /** @return whether calls go into the session now (it exists and is not waiting for its key's binding) */
    boolean takesCalls() {
        return session != null && bound;
    }

    /** @return the link if it carries the session, else null (for flushing after a change) */
    SocketLink flushTarget() {
        return linkEstablished ? link : null;
    }

    /** @return the session id, 0 without a session */
    long sessionId() {
        return session == null ? 0 : session.sessionId();
    }
}
