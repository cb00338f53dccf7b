package dev.mtproto.testkit.soak;

import dev.mtproto.testkit.CallHandler;
import dev.mtproto.testkit.TestCall;
import dev.mtproto.tl.api.messages.AllStickersNotModified;
import dev.mtproto.tl.api.messages.GetAllStickers;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The test DC's record of what it executed: the soak's calls are {@code messages.getAllStickers} whose
 * {@code hash} is the call's unique id (1..n), and this handler counts how many times each id ran. It counts
 * below any application-level deduplication (the world's {@code random_id} rule for sendMessage would
 * answer a second sendMessage from its memory and hide that the session let it run twice), so what it sees
 * is exactly what the session layer let through. Sized up front, so it does not grow the heap during the
 * soak. Thread-safe.
 */
final class ExecutionRecord implements CallHandler<GetAllStickers> {
    private final AtomicIntegerArray runs;
    private final AtomicLong strays = new AtomicLong();

    ExecutionRecord(int calls) {
        runs = new AtomicIntegerArray(calls);
    }

    @Override
    public Object handle(GetAllStickers method, TestCall call) {
        long id = method.hash();
        if (id >= 1 && id <= runs.length()) {
            runs.incrementAndGet((int) (id - 1));
        } else {
            strays.incrementAndGet();
        }
        return AllStickersNotModified.INSTANCE;
    }

    /**
     * @param callId a call's id, 1..n
     * @return how many times the DC ran it
     */
    int runs(long callId) {
        return runs.get((int) (callId - 1));
    }

    /** @return how many calls with an id the soak never made ran (always 0 unless something is badly wrong) */
    long strays() {
        return strays.get();
    }
}
