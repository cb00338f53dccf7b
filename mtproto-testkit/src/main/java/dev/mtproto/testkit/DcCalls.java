package dev.mtproto.testkit;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.session.server.ServerSession;
import dev.mtproto.tl.TlObject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the calls of one test DC's sessions: through its {@link Faults} (fail, delay, drop the connection after
 * the answer), then its {@link RpcHandlers}, counting each function executed. A delayed call runs later on
 * another thread, so the session goes on answering everything else meanwhile; until then it is held here, and
 * a reset cancels it. Thread-safe.
 */
final class DcCalls {
    private final TestDc dc;
    private final Faults faults;
    private final RpcHandlers handlers;
    private final DcKeys keys;
    private final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();
    /** Calls a delay fault holds, until they run or a reset cancels them. */
    private final Set<CompletableFuture<Object>> delayed = ConcurrentHashMap.newKeySet();

    DcCalls(TestDc dc, Faults faults, RpcHandlers handlers, DcKeys keys) {
        this.dc = dc;
        this.faults = faults;
        this.handlers = handlers;
        this.keys = keys;
    }

    /**
     * @param call a call a session admitted
     * @param dropAfterPacket set when a fault asks to drop the connection once the answer is written
     * @return the result, or a future of it for a delayed call
     * @throws RpcException the error a fault or a handler answers with
     */
    Object execute(ServerSession.ServerCall call, AtomicBoolean dropAfterPacket) {
        if (faults.match(call.method(), Faults.Action.DROP_AFTER) != null) {
            dropAfterPacket.set(true); // executed, but the answer goes down with the connection
        }
        Faults.CallRule rule = faults.match(call.method(), Faults.Action.FAIL, Faults.Action.DELAY);
        if (rule != null && rule.action == Faults.Action.FAIL) {
            throw RpcException.of(rule.code, rule.message, call.method().tlName());
        }
        if (rule != null) {
            CompletableFuture<Object> later = CompletableFuture.supplyAsync(() -> run(call),
                    CompletableFuture.delayedExecutor(rule.delay.toMillis(), TimeUnit.MILLISECONDS));
            delayed.add(later);
            later.whenComplete((result, error) -> delayed.remove(later));
            return later;
        }
        return run(call);
    }

    private Object run(ServerSession.ServerCall call) {
        DcKeys.KeyRecord record = keys.get(call.session().authKey().id());
        if (record != null && call.layer() != 0) {
            record.layer = call.layer();
        }
        executions.computeIfAbsent(call.method().getClass().getName(), k -> new AtomicInteger()).incrementAndGet();
        return handlers.handle(new TestCall(call.method(), dc.id(), call.session().authKey().id(), call.session().sessionId(),
                call.layer(), dc, call.requestMsgId()));
    }

    /** @return how many times a function ran since the DC started or was reset */
    int executions(Class<? extends TlObject> type) {
        AtomicInteger n = executions.get(type.getName());
        return n == null ? 0 : n.get();
    }

    /** @return how many calls a delay fault holds */
    int delayedCount() {
        return delayed.size();
    }

    /** Cancels every delayed call (each is answered {@code 500} and never runs) and zeroes the counts. */
    void reset() {
        delayed.forEach(call -> call.cancel(false)); // else it runs, and counts, in the middle of the next test
        executions.clear();
    }
}
