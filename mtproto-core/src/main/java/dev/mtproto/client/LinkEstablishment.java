package dev.mtproto.client;

import dev.mtproto.session.ClientSession;
import dev.mtproto.session.OutgoingCall;
import dev.mtproto.session.RequestTooLargeException;
import dev.mtproto.store.DcAuthorization;
import java.util.List;

/**
 * The attempt-facing side of a {@link DcConnection}: what its {@link ConnectAttempt}s report. A link is adopted
 * (or refused once the connection closed), closed when its deadline passes before it carries the session, and
 * once its keys are known the session starts on it, or resumes; with perfect forward secrecy calls wait for the
 * DC's answer to the temporary key's binding (https://core.telegram.org/api/pfs), and a refused binding drops
 * the key (twice refused: the permanent one too).
 */
final class LinkEstablishment {
    private final DcConnection connection;
    private final SessionSlot slot;
    private final ClientRuntime runtime;
    private final SessionOpener opener;

    LinkEstablishment(DcConnection connection, SessionSlot slot, ClientRuntime runtime, SessionOpener opener) {
        this.connection = connection;
        this.slot = slot;
        this.runtime = runtime;
        this.opener = opener;
    }

    /** @return whether the next link must bring a key (there is no session yet) */
    boolean needsKey() {
        slot.lock.lock();
        try {
            return slot.session == null;
        } finally {
            slot.lock.unlock();
        }
    }

    /** @return false if the connection was closed meanwhile (the caller then closes the link) */
    boolean adopt(SocketLink next) {
        slot.lock.lock();
        try {
            if (connection.supervision().closed()) {
                return false;
            }
            slot.link = next;
            slot.linkEstablished = false;
            slot.linkProven = false;
            return true;
        } finally {
            slot.lock.unlock();
        }
    }

    /** The attempt's deadline passed: close its link unless it carries the session by now. */
    void connectTimedOut(SocketLink l, Throwable cause) {
        slot.lock.lock();
        try {
            if (l != slot.link || slot.linkEstablished) {
                return;
            }
        } finally {
            slot.lock.unlock();
        }
        l.close(cause);
    }

    /**
     * On the link's loop: the keys are known; start the session (permanent is null when it exists and
     * resumes on this link; temporary is null without perfect forward secrecy).
     */
    void established(SocketLink l, DcAuthorization permanent, TempKey temporary) {
        List<OutgoingCall<?>> tooLarge = List.of();
        OutgoingCall<Boolean> binding = null;
        ClientSession opened = null;
        slot.lock.lock();
        try {
            if (l != slot.link || l.isClosed()) {
                SessionOpener.retireUnused(permanent, temporary);
                return;
            }
            if (slot.session == null) {
                binding = opener.open(slot, l, permanent, temporary);
                slot.permanentKeyId = permanent.authKey().id();
                opened = slot.session;
                connection.saver().remember(permanent, temporary != null);
                if (binding == null) {
                    tooLarge = SessionOpener.handOverWaiting(slot);
                } else {
                    permanent.authKey().destroy(); // sealed into the binding: the session runs on the temporary key
                }
            } else {
                SessionOpener.retireUnused(permanent, temporary);
            }
            l.enterSessionMode();
            slot.linkEstablished = true;
        } finally {
            slot.lock.unlock();
        }
        if (binding != null) {
            ClientSession session = opened;
            binding.future().whenComplete((ok, error) -> bindingDone(session, Boolean.TRUE.equals(ok) ? null
                    : error != null ? error : new IllegalStateException("the DC answered auth.bindTempAuthKey with false")));
        }
        connection.supervision().established(l);
        failTooLarge(tooLarge, l);
        l.requestFlush();
    }

    /** The DC answered the temporary key's binding: calls may go, or the key is dropped and made again. */
    private void bindingDone(ClientSession session, Throwable error) {
        List<OutgoingCall<?>> tooLarge = List.of();
        SocketLink l;
        long forgetPermanent = 0;
        slot.lock.lock();
        try {
            if (slot.session != session) {
                return;
            }
            l = slot.link;
            if (error == null) {
                slot.bound = true;
                slot.bindingsRefused = 0;
                tooLarge = SessionOpener.handOverWaiting(slot);
            } else {
                slot.waiting.addAll(0, session.takeCallsForNewKey());
                slot.retireSessionKey();
                slot.session = null;
                if (++slot.bindingsRefused >= 2) {
                    forgetPermanent = slot.permanentKeyId; // refused twice: the DC does not know the permanent key either
                    slot.bindingsRefused = 0;
                }
            }
        } finally {
            slot.lock.unlock();
        }
        if (error == null) {
            failTooLarge(tooLarge, l);
            if (l != null) {
                l.requestFlush();
            }
            return;
        }
        if (forgetPermanent != 0) {
            connection.saver().forgetKey(forgetPermanent);
        }
        if (l != null) {
            l.close(new java.io.IOException("the DC refused the temporary key's binding: " + error.getMessage(), error));
        }
    }

    private void failTooLarge(List<OutgoingCall<?>> tooLarge, SocketLink l) {
        for (OutgoingCall<?> call : tooLarge) {
            runtime.callbacks().execute(() -> call.future().completeExceptionally(
                    new RequestTooLargeException(call.name(), -1, l.transport().maxFrameLength())));
        }
    }
}
