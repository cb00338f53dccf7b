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
    /** The last msg_id the session made before the DC's clock was moved ahead; guarded by {@link #lock}. */
    long lastIdBeforeAhead;

    DcSession(ServerSession session, MessageIdClock clock, AtomicBoolean dropAfterPacket, long nowMillis) {
        this.session = session;
        this.clock = clock;
        this.dropAfterPacket = dropAfterPacket;
        this.lastActiveMillis = nowMillis;
    }

    /**
     * Makes a clock whose ids may have gone back in time (new, or restarted after the DC's clock moved
     * back) go past {@code floor}, an id a client may have seen: clients drop a msg_id they saw before as
     * a replay. A floor ahead of the clock is left for time to pass (its ids cannot come back before).
     *
     * @param clock the session's clock
     * @param floor the highest id of the past the clock must not repeat, 0 if none
     */
    static void issueAbove(MessageIdClock clock, long floor) {
        if (MessageIdClock.secondsOf(floor) > clock.serverMillis() / 1000 + 1) {
            return;
        }
        while (clock.lastIssued() < floor) {
            clock.nextServerId(false); // burns ids of the same millisecond; at most a few hundred
        }
    }

    /** Sends what the session has queued on the connection it is bound to; call with {@link #lock} held. */
    void flush() {
        if (bound != null) {
            bound.flush(this);
        }
    }
}
