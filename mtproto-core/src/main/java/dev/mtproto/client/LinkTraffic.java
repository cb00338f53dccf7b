package dev.mtproto.client;

import dev.mtproto.session.OutboundPacket;
import dev.mtproto.transport.TransportErrorException;
import java.util.concurrent.TimeUnit;

/**
 * The socket-facing side of a {@link DcConnection}: what its {@link SocketLink}s report, on their I/O loop.
 * Frames go into the session under the lock; what the session produced is delivered once per read, after
 * the lock is released; packets go out as the socket takes them, with owed acks either joining other
 * messages or, alone, after a short delay. A link that closes leaves its unanswered calls in the session, to
 * be asked about on the next link. When the DC says {@code -404} for a temporary key, or twice for the
 * permanent key, the key is given up: calls the DC cannot have go in the next key's session, and those it may
 * have fail with {@code OutcomeUnknownException} rather than run twice.
 */
final class LinkTraffic implements SocketLink.Owner {
    private static final int ACKS_SENT_AT_ONCE = 32;
    private static final long ACK_DELAY_MILLIS = 50;
    private static final int OUTBOUND_HIGH_WATER = 1 << 20;
    /** Transport errors are unauthenticated: the key is forgotten only after this many -404 in a row. */
    private static final int KEY_NOT_FOUND_BEFORE_FORGETTING = 2;
    private static final int TRANSPORT_AUTH_KEY_NOT_FOUND = -404;

    private final DcConnection connection;
    private final SessionSlot slot;
    private final ClientRuntime runtime;
    private final SessionOutput output;

    LinkTraffic(DcConnection connection, SessionSlot slot, ClientRuntime runtime, SessionOutput output) {
        this.connection = connection;
        this.slot = slot;
        this.runtime = runtime;
        this.output = output;
    }

    @Override
    public void plainFrame(SocketLink l, byte[] frame) {
        connection.supervision().plainFrame(l, frame);
    }

    @Override
    public void sessionFrame(SocketLink l, byte[] buf, int off, int len) {
        boolean proven = false;
        slot.lock.lock();
        try {
            if (l != slot.link || slot.session == null) {
                return;
            }
            long before = slot.session.authenticatedFrames();
            slot.session.onFrame(buf, off, len);
            if (slot.session.authenticatedFrames() != before) {
                slot.keyNotFoundInARow = 0;
                proven = !slot.linkProven;
                slot.linkProven = true;
            }
        } finally {
            slot.lock.unlock();
        }
        if (proven) {
            connection.backoff().succeeded();
        }
    }

    @Override
    public void quickAck(SocketLink l, int token) {
        slot.lock.lock();
        try {
            if (l == slot.link && slot.session != null) {
                slot.session.onQuickAck(token);
            }
        } finally {
            slot.lock.unlock();
        }
    }

    @Override
    public void readDone(SocketLink l, int bytes) {
        SessionOutput.Delivery delivery = null;
        boolean flush = false;
        slot.lock.lock();
        try {
            if (slot.session != null) {
                delivery = output.take(slot.sessionId());
                flush = l == slot.link && slot.session.hasOutgoing();
            }
        } finally {
            slot.lock.unlock();
        }
        if (delivery != null) {
            delivery.dispatch();
        }
        if (runtime.events().active()) {
            ConnectionId id = connection.id();
            runtime.events().post(e -> e.bytesReceived(id, bytes));
        }
        if (flush) {
            l.requestFlush();
        }
    }

    @Override
    public void fill(SocketLink l, OutboundBuffer out) {
        boolean armAckTimer = false;
        slot.lock.lock();
        try {
            if (l != slot.link || slot.session == null || !slot.linkEstablished) {
                return;
            }
            OutboundPacket p;
            boolean quickAcks = runtime.config().quickAcks() && l.hasQuickAcks(); // a route may speak another transport than the config's
            while (out.pending() < OUTBOUND_HIGH_WATER && slot.session.hasQueuedMessages()
                    && (p = slot.session.nextPacket(quickAcks)) != null) {
                l.encode(p.buffer(), p.length(), p.quickAck());
            }
            if (slot.session.pendingAcks() > 0) {
                if (slot.acksDue || slot.session.pendingAcks() >= ACKS_SENT_AT_ONCE) {
                    p = slot.session.nextPacket(false);
                    if (p != null) {
                        l.encode(p.buffer(), p.length(), false);
                    }
                    slot.acksDue = false;
                } else if (!slot.ackTimerArmed) {
                    slot.ackTimerArmed = true;
                    armAckTimer = true;
                }
            }
        } finally {
            slot.lock.unlock();
        }
        if (armAckTimer) {
            runtime.resources().timer().schedule(() -> acksDue(l), ACK_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void acksDue(SocketLink l) {
        slot.lock.lock();
        try {
            slot.ackTimerArmed = false;
            slot.acksDue = true;
        } finally {
            slot.lock.unlock();
        }
        l.requestFlush();
    }

    @Override
    public void wrote(SocketLink l, int bytes) {
        if (runtime.events().active()) {
            ConnectionId id = connection.id();
            runtime.events().post(e -> e.bytesSent(id, bytes));
        }
    }

    @Override
    public void closed(SocketLink l, Throwable cause) {
        SessionOutput.Delivery delivery = null;
        long forgetKey = 0;
        slot.lock.lock();
        try {
            if (l != slot.link) {
                return;
            }
            slot.link = null;
            slot.linkEstablished = false;
            slot.acksDue = false;
            if (slot.session != null) {
                boolean keyUnknown = cause instanceof TransportErrorException t && t.code() == TRANSPORT_AUTH_KEY_NOT_FOUND;
                if (keyUnknown) {
                    slot.session.onKeyRefused(); // the DC could not read this link: what went only on it did not arrive
                } else {
                    slot.session.onConnectionLost();
                }
                if (keyUnknown && slot.tempKeyExpiresAt != null) {
                    // a temporary key the DC does not know (expired, or the DC restarted): make a new one,
                    // keep the permanent key; the calls the DC cannot have go in the new key's session
                    slot.waiting.addAll(0, slot.session.takeCallsForNewKey());
                    delivery = output.take(slot.sessionId());
                    slot.retireSessionKey();
                    slot.session = null;
                } else if (keyUnknown && ++slot.keyNotFoundInARow >= KEY_NOT_FOUND_BEFORE_FORGETTING) {
                    slot.keyNotFoundInARow = 0;
                    forgetKey = slot.session.authKey().id();
                    slot.waiting.addAll(0, slot.session.takeCallsForNewKey());
                    delivery = output.take(slot.sessionId());
                    slot.retireSessionKey();
                    slot.session = null;
                } else {
                    delivery = output.take(slot.sessionId());
                }
            }
        } finally {
            slot.lock.unlock();
        }
        if (delivery != null) {
            delivery.dispatch();
        }
        if (forgetKey != 0) {
            connection.saver().forgetKey(forgetKey);
        }
        connection.supervision().attemptEnded(l, cause, true);
    }
}
