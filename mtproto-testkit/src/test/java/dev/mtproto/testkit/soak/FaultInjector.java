package dev.mtproto.testkit.soak;

import dev.mtproto.testkit.Faults;
import dev.mtproto.testkit.TestDc;
import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.api.messages.GetAllStickers;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Predicate;

/**
 * Arms one fault on the test DC for one call of the soak, and counts what it armed per kind. Faults about a
 * call match that call only (by its id); frame, session, clock and restart faults hit whatever the DC
 * handles next. Thread-safe.
 */
final class FaultInjector {
    /** The DC's clock stays within this of the truth, so jumps go both ways without drifting off. */
    private static final long MAX_SKEW_MINUTES = 30;

    private final TestDc dc;
    private final Duration deadline;
    private final AtomicLongArray armed = new AtomicLongArray(FaultKind.values().length);
    private long skewMinutes; // guarded by this

    FaultInjector(TestDc dc, Duration deadline) {
        this.dc = dc;
        this.deadline = deadline;
    }

    /**
     * @param kind the fault
     * @param callId the call it comes with
     * @param random the call's own random, for the size of clock jumps and delays
     */
    void arm(FaultKind kind, long callId, SplittableRandom random) {
        Faults faults = dc.faults();
        switch (kind) {
            case DROP_BEFORE_ANSWER -> faults.nextCall(thisCall(callId)).dropConnectionBeforeAnswer();
            case DROP_AFTER_ANSWER -> faults.nextCall(thisCall(callId)).dropConnectionAfterAnswer();
            case ANSWER_AFTER_DEADLINE -> faults.nextCall(thisCall(callId))
                    .delay(deadline.plusMillis(200 + random.nextInt(800)));
            case DUPLICATED_FRAME -> faults.duplicateNextFrames(1);
            case REPLAYED_FRAME -> faults.replayEarlierFrames(1);
            case GARBAGE_FRAME -> faults.injectGarbageFrames(1);
            case BAD_SERVER_SALT -> faults.badServerSaltOnNextMessage();
            case NEW_SESSION_CREATED -> faults.newSessionOnNextMessage();
            case TRANSPORT_FLOOD -> faults.transportErrorOnNextFrame(-429);
            case CLOCK_JUMP_AHEAD -> kind = jumpClock(1 + random.nextInt(10));
            case CLOCK_JUMP_BACK -> kind = jumpClock(-(1 + random.nextInt(10)));
            case DC_RESTART -> dc.restartKeepingKeys();
        }
        armed.incrementAndGet(kind.ordinal());
    }

    /** @return the direction the clock jumped: the other one when the asked one would go past the bound */
    private synchronized FaultKind jumpClock(long byMinutes) {
        long by = Math.abs(skewMinutes + byMinutes) > MAX_SKEW_MINUTES ? -byMinutes : byMinutes;
        skewMinutes += by;
        dc.skewClock(Duration.ofMinutes(skewMinutes));
        return by > 0 ? FaultKind.CLOCK_JUMP_AHEAD : FaultKind.CLOCK_JUMP_BACK;
    }

    /** @return how many faults of the kind were armed */
    long armed(FaultKind kind) {
        return armed.get(kind.ordinal());
    }

    /** @return the DC's clock offset now, in minutes */
    synchronized long skewMinutes() {
        return skewMinutes;
    }

    private static Predicate<TlMethod<?>> thisCall(long callId) {
        return m -> m instanceof GetAllStickers g && g.hash() == callId;
    }
}
