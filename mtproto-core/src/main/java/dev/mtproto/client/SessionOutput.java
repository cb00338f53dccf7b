package dev.mtproto.client;

import dev.mtproto.session.DropReason;
import dev.mtproto.session.OutgoingCall;
import dev.mtproto.session.RpcAnswer;
import dev.mtproto.session.SessionListener;
import dev.mtproto.session.SessionResetReason;
import dev.mtproto.tl.api.UpdatesType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a connection's session reported while the connection's lock was held: answers, errors, pushed updates
 * and session events, collected so that they are acted on after the lock is released and off the I/O loop.
 * {@link #take()} hands over what was collected as one task; the session's answers are then decoded and
 * their futures completed in the order the DC sent them, one task per read rather than one per answer.
 * Not thread-safe: used under the connection's lock only.
 */
final class SessionOutput implements SessionListener {
    private final DcConnection connection;
    private final ClientRuntime runtime;
    private List<Object> completions = new ArrayList<>();
    private List<byte[]> updates = new ArrayList<>();
    private List<Runnable> events = new ArrayList<>();

    SessionOutput(DcConnection connection, ClientRuntime runtime) {
        this.connection = connection;
        this.runtime = runtime;
    }

    @Override
    public void onAnswer(OutgoingCall<?> call, RpcAnswer answer) {
        completions.add(call);
        completions.add(answer);
    }

    @Override
    public void onError(OutgoingCall<?> call, RuntimeException error) {
        completions.add(call);
        completions.add(error);
    }

    @Override
    public void onUpdates(byte[] boxedUpdates) {
        updates.add(boxedUpdates);
    }

    @Override
    public void onNewSessionCreated(long firstMsgId, long uniqueId) {
        ConnectionId id = connection.id();
        long sessionId = connection.sessionIdUnderLock();
        events.add(() -> {
            runtime.events().post(l -> l.newSessionCreated(id));
            runtime.updates().newSession(id, sessionId);
        });
    }

    @Override
    public void onSessionReset(SessionResetReason reason) {
        ConnectionId id = connection.id();
        events.add(() -> runtime.events().post(l -> l.sessionReset(id, reason.toString())));
    }

    @Override
    public void onDropped(DropReason reason, String detail) {
        runtime.drops().count(reason);
        if (runtime.events().active()) {
            ConnectionId id = connection.id();
            events.add(() -> runtime.events().post(l -> l.messageDropped(id, reason)));
        }
    }

    @Override
    public void onQuickAck(long[] msgIds) {
        runtime.quickAcks().increment();
    }

    /** @return whether something waits to be handed over */
    boolean hasOutput() {
        return !completions.isEmpty() || !updates.isEmpty() || !events.isEmpty();
    }

    /**
     * Hands over what was collected; call under the lock, run the result after releasing it.
     *
     * @param sessionId the session the output belongs to
     * @return the work to do, or {@code null} if there is none
     */
    Delivery take(long sessionId) {
        if (!hasOutput()) {
            return null;
        }
        Delivery d = new Delivery(completions, updates, events, sessionId);
        completions = completions.isEmpty() ? completions : new ArrayList<>();
        updates = updates.isEmpty() ? updates : new ArrayList<>();
        events = events.isEmpty() ? events : new ArrayList<>();
        return d;
    }

    /** One read's worth of session output, delivered off the lock. */
    final class Delivery implements Runnable {
        private final List<Object> completions;
        private final List<byte[]> updates;
        private final List<Runnable> events;
        private final long sessionId;

        private Delivery(List<Object> completions, List<byte[]> updates, List<Runnable> events, long sessionId) {
            this.completions = completions;
            this.updates = updates;
            this.events = events;
            this.sessionId = sessionId;
        }

        /** Queues updates and events where they go and the completions on the callback pool; from any thread. */
        void dispatch() {
            for (byte[] u : updates) {
                runtime.updates().pushed(connection, sessionId, u);
            }
            for (Runnable e : events) {
                e.run();
            }
            if (!completions.isEmpty()) {
                runtime.callbacks().execute(this);
            }
        }

        /** Decodes the answers and completes the futures, in order; on a callback thread. */
        @Override
        @SuppressWarnings("unchecked")
        public void run() {
            for (int i = 0; i < completions.size(); i += 2) {
                OutgoingCall<?> call = (OutgoingCall<?>) completions.get(i);
                Object outcome = completions.get(i + 1);
                CompletableFuture<Object> future = (CompletableFuture<Object>) call.future();
                if (outcome instanceof RpcAnswer answer) {
                    Object result;
                    try {
                        result = answer.decode();
                    } catch (RuntimeException e) {
                        future.completeExceptionally(e);
                        continue;
                    }
                    if (result instanceof UpdatesType u) {
                        runtime.updates().result(new ReceivedUpdates(connection.id(), sessionId, u, ReceivedUpdates.Source.CALL_RESULT, call.method()));
                    }
                    future.complete(result);
                } else {
                    future.completeExceptionally((Throwable) outcome);
                }
            }
        }
    }
}
