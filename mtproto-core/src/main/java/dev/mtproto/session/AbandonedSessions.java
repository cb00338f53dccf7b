package dev.mtproto.session;

import dev.mtproto.tl.mtproto.DestroySession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Leaving a session for a new one without running anything twice, and the sessions left while calls of
 * theirs may still be running. On a reset only what the server cannot have executed is sent again in the
 * new session (under new msg_ids): calls never sent, and the message the server named as refused when it
 * was its only transmission. Every other call sent keeps waiting for its answer in the
 * {@link AbandonedSession}; one the server refuses there after all ({@code bad_msg_notification},
 * {@code bad_server_salt}) having been sent once goes in the current session under a new msg_id; one still
 * unanswered at its deadline fails with {@link OutcomeUnknownException}.
 * The server is asked to forget an abandoned session once nothing of it waits.
 */
final class AbandonedSessions {
    /** Sessions kept waiting at most; the oldest beyond is given up (its calls' outcome unknown). */
    static final int KEPT = 8;

    private final List<AbandonedSession> sessions = new ArrayList<>(0);
    private final SessionEvents events;
    private final int replayWindow;

    AbandonedSessions(SessionEvents events, int replayWindow) {
        this.events = events;
        this.replayWindow = replayWindow;
    }

    /**
     * Sorts out what belonged to the session being left; call before the packer starts the new session.
     *
     * @param old the session id being left
     * @param refusedMsgIds the msg_ids the server named as refused (so not executed)
     */
    void abandon(long old, List<Long> refusedMsgIds, SentMessages sent, OutboundPacker packer, ServiceMessages service) {
        List<Outgoing> again = new ArrayList<>();
        List<Outgoing> mayHaveRun = new ArrayList<>();
        for (long refused : refusedMsgIds) {
            for (Outgoing o : sent.takeNamed(refused)) {
                if (o.isCall()) {
                    (o.transmissions <= 1 ? again : mayHaveRun).add(o);
                }
            }
        }
        Map<Long, long[]> containers = sent.containers();
        for (Outgoing o : sent.takeEverything()) {
            if (o.isCall()) {
                mayHaveRun.add(o);
            }
        }
        List<Outgoing> destroys = new ArrayList<>();
        for (Outgoing o : packer.drain()) {
            if (!o.isCall()) {
                if (o.constructorId() == DestroySession.CONSTRUCTOR_ID) {
                    destroys.add(o); // another abandoned session's: still to go
                }
            } else if (o.msgId != 0 && o.keepIdOnResend) {
                mayHaveRun.add(o); // waiting to be resent with its msg_id: the server may have it
            } else {
                again.add(o);
            }
        }
        again.sort(Comparator.comparingLong(o -> o.msgId == 0 ? Long.MAX_VALUE : o.msgId));
        for (Outgoing o : again) {
            o.msgId = 0;
            o.keepIdOnResend = false;
            packer.add(o);
        }
        packer.requeue(destroys, false);
        if (mayHaveRun.isEmpty()) {
            destroy(old, packer, service);
            return;
        }
        sessions.add(new AbandonedSession(old, mayHaveRun, containers, replayWindow, events, refused -> resendRefused(refused, packer)));
        if (sessions.size() > KEPT) {
            AbandonedSession oldest = sessions.remove(0);
            fail(oldest.takeAll(), "its session was given up, too many sessions back");
            destroy(oldest.id(), packer, service);
        }
    }

    /** A call the server refused in an abandoned session, sent there once: it did not run, so it goes in the current one. */
    private void resendRefused(Outgoing o, OutboundPacker packer) {
        if (++o.resends > ClientSession.MAX_RESENDS) {
            events.error(o.call, new MessageRejectedException(o.call.name(), MessageRejectedException.RESEND_LIMIT,
                    "rejected " + ClientSession.MAX_RESENDS + " times"));
            return;
        }
        o.msgId = 0;
        o.keepIdOnResend = false;
        packer.add(o);
    }

    private static void destroy(long session, OutboundPacker packer, ServiceMessages service) {
        packer.addServiceFirst(new DestroySession(session));
        service.expectDestroyAnswer(session);
    }

    /** @return the abandoned session with that id, or null */
    AbandonedSession find(long sessionId) {
        for (AbandonedSession s : sessions) {
            if (s.id() == sessionId) {
                return s;
            }
        }
        return null;
    }

    /** Asks the server to forget each abandoned session nothing of which waits any more. */
    void destroyFinished(OutboundPacker packer, ServiceMessages service) {
        for (Iterator<AbandonedSession> it = sessions.iterator(); it.hasNext(); ) {
            AbandonedSession s = it.next();
            if (s.isDone()) {
                it.remove();
                destroy(s.id(), packer, service);
            }
        }
    }

    /** Fails the calls past their deadline: they were sent, and no answer came from the session left. */
    void expire(long nowNanos) {
        for (AbandonedSession s : sessions) {
            fail(s.expire(nowNanos), "no answer came from the session it was sent in, which was replaced");
        }
    }

    private void fail(List<Outgoing> calls, String why) {
        for (Outgoing o : calls) {
            events.error(o.call, new OutcomeUnknownException(o.call.name(), why));
        }
    }

    /** @return how many calls wait in abandoned sessions */
    int calls() {
        int n = 0;
        for (AbandonedSession s : sessions) {
            n += s.calls();
        }
        return n;
    }

    /** @return every call waiting in an abandoned session, forgetting them all */
    List<Outgoing> takeAll() {
        List<Outgoing> all = new ArrayList<>();
        for (AbandonedSession s : sessions) {
            all.addAll(s.takeAll());
        }
        sessions.clear();
        return all;
    }
}
