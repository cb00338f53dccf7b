package dev.mtproto.client;

import dev.mtproto.client.event.CallInfo;
import dev.mtproto.client.interceptor.RpcChain;
import dev.mtproto.client.interceptor.RpcInterceptor;
import dev.mtproto.client.interceptor.RpcRequest;
import dev.mtproto.session.OutgoingCall;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes every call of a client through its {@link RpcInterceptor}s to a connection. The innermost step of
 * every attempt reports it to the event listeners and hands it to the connection; cancelling the future the
 * caller got cancels the attempt in progress (the connection then asks the DC not to answer) and any wait
 * an interceptor is in.
 */
final class CallPipeline {

    /** Where attempts end up: the connection of the request's target. */
    interface Connections {
        /**
         * @param target the connection wanted
         * @return it, created and started if needed
         * @throws ClientClosedException if the client is closed
         */
        DcConnection connection(ConnectionId target);
    }

    private final List<RpcInterceptor> interceptors;
    private final ClientEvents events;
    private final ScheduledExecutorService timer;
    private final Executor callbacks;
    private final Connections connections;
    private final AtomicLong callIds = new AtomicLong();

    CallPipeline(List<RpcInterceptor> interceptors, ClientEvents events, ScheduledExecutorService timer, Executor callbacks,
                 Connections connections) {
        this.interceptors = List.copyOf(interceptors);
        this.events = events;
        this.timer = timer;
        this.callbacks = callbacks;
        this.connections = connections;
    }

    /**
     * Makes a call.
     *
     * @return its outcome; cancelling it cancels the call
     */
    <R> CompletableFuture<R> call(dev.mtproto.tl.TlMethod<R> method, ConnectionId target, Duration timeout,
                                  FileMigrateHandling fileMigrate) {
        RpcRequest<R> request = new RpcRequest<>(callIds.incrementAndGet(), method, target, 1, timeout, fileMigrate);
        CallFuture<R> result = new CallFuture<>();
        CompletableFuture<R> outcome;
        try {
            outcome = proceedFrom(0, request, result);
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        outcome.whenComplete((r, e) -> {
            if (e == null) {
                result.complete(r);
            } else {
                result.completeExceptionally(e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e);
            }
        });
        return result;
    }

    private <R> CompletableFuture<R> proceedFrom(int index, RpcRequest<R> request, CallFuture<R> call) {
        if (call.isCancelled()) {
            return CompletableFuture.failedFuture(new CancellationException("the call was cancelled"));
        }
        if (index == interceptors.size()) {
            return attempt(request, call);
        }
        CompletableFuture<R> f = interceptors.get(index).intercept(new Chain<>(index + 1, request, call));
        if (f == null) {
            throw new IllegalStateException("the interceptor " + interceptors.get(index).getClass().getName() + " returned null");
        }
        return f;
    }

    /** The innermost step: events, then the connection. */
    private <R> CompletableFuture<R> attempt(RpcRequest<R> request, CallFuture<R> call) {
        CallInfo info = events.active() ? new CallInfo(request.callId(), request.methodName(), request.target(), request.attempt()) : null;
        long started = System.nanoTime();
        if (info != null) {
            events.now(l -> l.callStarted(info));
        }
        OutgoingCall<R> outgoing = new OutgoingCall<>(request.method(), request.methodName(), OutgoingCall.deadlineAfter(request.timeout()));
        while (true) {
            DcConnection connection = connections.connection(request.target());
            call.current(connection, outgoing);
            try {
                connection.submit(outgoing);
                break;
            } catch (DcConnection.Retired e) {
                // closed for being idle just now: the pool already made room for a fresh one
            }
        }
        CompletableFuture<R> f = outgoing.future();
        if (info != null) {
            f.whenComplete((r, e) -> {
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                if (e == null) {
                    events.now(l -> l.callSucceeded(info, took));
                } else {
                    events.now(l -> l.callFailed(info, took, e));
                }
            });
        }
        return f;
    }

    /** The chain as interceptor {@code index - 1} sees it. */
    private final class Chain<R> implements RpcChain<R> {
        private final int index;
        private final RpcRequest<R> request;
        private final CallFuture<R> call;

        Chain(int index, RpcRequest<R> request, CallFuture<R> call) {
            this.index = index;
            this.request = request;
            this.call = call;
        }

        @Override
        public RpcRequest<R> request() {
            return request;
        }

        @Override
        public CompletableFuture<R> proceed(RpcRequest<R> next) {
            try {
                return proceedFrom(index, java.util.Objects.requireNonNull(next, "request"), call);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public CompletableFuture<Void> delay(Duration delay) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            ScheduledFuture<?> timerTask = timer.schedule(() -> callbacks.execute(() -> done.complete(null)),
                    Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            call.waiting(done, timerTask);
            return done;
        }
    }

    /**
     * The future the caller holds. Cancelling it cancels what the call is doing at that moment: the attempt
     * at a connection, or an interceptor's wait.
     */
    static final class CallFuture<R> extends CompletableFuture<R> {
        private DcConnection connection;
        private OutgoingCall<?> outgoing;
        private CompletableFuture<Void> wait;
        private ScheduledFuture<?> waitTask;

        synchronized void current(DcConnection c, OutgoingCall<?> o) {
            connection = c;
            outgoing = o;
        }

        synchronized void waiting(CompletableFuture<Void> f, ScheduledFuture<?> task) {
            wait = f;
            waitTask = task;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                DcConnection c;
                OutgoingCall<?> o;
                CompletableFuture<Void> w;
                ScheduledFuture<?> t;
                synchronized (this) {
                    c = connection;
                    o = outgoing;
                    w = wait;
                    t = waitTask;
                }
                if (o != null) {
                    c.cancel(o);
                    o.future().cancel(false);
                }
                if (w != null) {
                    t.cancel(false);
                    w.cancel(false);
                }
            }
            return cancelled;
        }

        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new CompletableFuture<>();
        }
    }
}
