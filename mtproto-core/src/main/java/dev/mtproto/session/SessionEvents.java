package dev.mtproto.session;

import java.util.Arrays;

/**
 * What a session has to tell its {@link SessionListener}, held until the session has finished changing its
 * state and then reported in order ({@link #flush}), so that a listener may call back into the session
 * (say, submit a call from a timeout) without meeting it half-changed.
 */
final class SessionEvents {
    private final SessionListener listener;
    private static final Runnable[] NONE = {};
    private static final int KEPT = 64;

    private Runnable[] pending = NONE;
    private int count;
    private boolean flushing;

    SessionEvents(SessionListener listener) {
        this.listener = listener;
    }

    void answer(OutgoingCall<?> call, RpcAnswer answer) {
        add(() -> listener.onAnswer(call, answer));
    }

    void error(OutgoingCall<?> call, RuntimeException error) {
        add(() -> listener.onError(call, error));
    }

    void updates(byte[] boxedUpdates) {
        add(() -> listener.onUpdates(boxedUpdates));
    }

    void newSessionCreated(long firstMsgId, long uniqueId) {
        add(() -> listener.onNewSessionCreated(firstMsgId, uniqueId));
    }

    void sessionReset(SessionResetReason reason) {
        add(() -> listener.onSessionReset(reason));
    }

    void dropped(DropReason reason, String detail) {
        add(() -> listener.onDropped(reason, detail));
    }

    void quickAck(long[] msgIds) {
        add(() -> listener.onQuickAck(msgIds));
    }

    private void add(Runnable event) {
        if (count == pending.length) {
            pending = Arrays.copyOf(pending, Math.max(8, count * 2));
        }
        pending[count++] = event;
    }

    /**
     * Reports everything held, including what the listener causes meanwhile. A listener that throws does
     * not keep the others from their events; the first exception is thrown at the end.
     */
    void flush() {
        if (flushing) {
            return; // a listener re-entered the session: the outer flush reports what it added
        }
        flushing = true;
        RuntimeException first = null;
        try {
            for (int i = 0; i < count; i++) {
                try {
                    pending[i].run();
                } catch (RuntimeException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
        } finally {
            pending = pending.length > KEPT ? NONE : pending;
            Arrays.fill(pending, 0, Math.min(count, pending.length), null);
            count = 0;
            flushing = false;
        }
        if (first != null) {
            throw first;
        }
    }
}
