package dev.mtproto.testkit;

import dev.mtproto.session.MessageIdClock;
import dev.mtproto.session.server.ServerSession;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A session on a test DC: survives reconnects, bound to the connection that last used it. Its
 * {@link ServerSession} is used under {@link #lock} only.
 */
final class DcSession {
    final ReentrantLock lock = new ReentrantLock();
    final ServerSession session;
    final MessageIdClock clock;
    /** Set by a call that ran under a "drop the connection after the answer" fault, for the packet it came in. */
    final AtomicBoolean dropAfterPacket;
    /** The connection that last used the session; guarded by {@link #lock}. */
    TestDcConnection bound;
    /** When a client last used the session, in DC time. */
    volatile long lastActiveMillis;

    DcSession(ServerSession session, MessageIdClock clock, AtomicBoolean dropAfterPacket, long nowMillis) {
        this.session = session;
        this.clock = clock;
        this.dropAfterPacket = dropAfterPacket;
        this.lastActiveMillis = nowMillis;
    }

    /** Sends what the session has queued on the connection it is bound to; call with {@link #lock} held. */
    void flush() {
        if (bound != null) {
            bound.flush(this);
        }
    }
}
