package dev.mtproto.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the session sent and still waits on: messages by msg_id until answered or acknowledged, the
 * messages of each container sent (so that a notification naming a container reaches them all), and the
 * quick-ack token of recent packets.
 */
final class SentMessages {
    private static final int QUICK_ACKS_REMEMBERED = 64;
    /** How long service messages and containers are remembered. */
    static final long SERVICE_MESSAGE_MEMORY_SECONDS = 120;

    private final Map<Long, Outgoing> inFlight = new HashMap<>(4);
    private final Map<Long, long[]> containers = new HashMap<>(4);
    private final LinkedHashMap<Integer, long[]> quickAcks = new LinkedHashMap<>(4);

    /**
     * Records the messages of a packet just built. Acks are not kept: the server never acknowledges them,
     * and one lost is made good by the server sending its message again.
     */
    void record(List<Outgoing> batch, OutboundPacker.Packed packed, long nowSeconds, int quickAckToken) {
        for (Outgoing o : batch) {
            o.sentAtSeconds = nowSeconds;
            if (o.contentRelated) {
                inFlight.put(o.msgId, o);
            }
        }
        if (packed.containerId() != 0) {
            containers.put(packed.containerId(), packed.ids());
        }
        if (packed.packet().quickAck()) {
            quickAcks.put(quickAckToken, packed.ids());
            if (quickAcks.size() > QUICK_ACKS_REMEMBERED) {
                Iterator<Integer> oldest = quickAcks.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
    }

    Outgoing get(long msgId) {
        return inFlight.get(msgId);
    }

    Outgoing take(long msgId) {
        return inFlight.remove(msgId);
    }

    /** Keeps (or puts back) a message as in flight. */
    void keep(Outgoing o) {
        inFlight.put(o.msgId, o);
    }

    void forget(long msgId) {
        inFlight.remove(msgId);
    }

    /** @return the message with that id, or for a container's id its first message; still in flight, or null */
    Outgoing named(long msgId) {
        long[] inner = containers.get(msgId);
        if (inner == null) {
            return inFlight.get(msgId);
        }
        for (long id : inner) {
            Outgoing o = inFlight.get(id);
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    /** @return whether the id is a message or container we sent and still remember */
    boolean isOurs(long msgId) {
        return inFlight.containsKey(msgId) || containers.containsKey(msgId);
    }

    /**
     * Takes out the messages a notification names: all of a container's, or the one message.
     *
     * @param msgId the id the server named
     * @return the messages still remembered, in the order they were sent
     */
    List<Outgoing> takeNamed(long msgId) {
        long[] inner = containers.remove(msgId);
        List<Outgoing> named = new ArrayList<>();
        if (inner == null) {
            Outgoing o = inFlight.remove(msgId);
            if (o != null) {
                named.add(o);
            }
            return named;
        }
        for (long id : inner) {
            Outgoing o = inFlight.remove(id);
            if (o != null) {
                named.add(o);
            }
        }
        return named;
    }

    /**
     * Takes out every message sent that matches, oldest first.
     *
     * @param which which messages
     * @return them
     */
    List<Outgoing> takeAll(Predicate<Outgoing> which) {
        List<Outgoing> taken = new ArrayList<>();
        for (Iterator<Outgoing> it = inFlight.values().iterator(); it.hasNext(); ) {
            Outgoing o = it.next();
            if (which.test(o)) {
                it.remove();
                taken.add(o);
            }
        }
        taken.sort(Comparator.comparingLong(o -> o.msgId));
        return taken;
    }

    /** @return the first message sent that matches, still in flight; or null */
    Outgoing find(Predicate<Outgoing> which) {
        for (Outgoing o : inFlight.values()) {
            if (which.test(o)) {
                return o;
            }
        }
        return null;
    }

    /** The server received a message: a service message needs nothing more, a call waits for its answer. */
    void acknowledged(long msgId) {
        Outgoing o = inFlight.get(msgId);
        if (o == null) {
            return;
        }
        if (o.isCall()) {
            o.call.markAcknowledged();
        } else {
            inFlight.remove(msgId);
        }
    }

    /** @return the msg_ids of the packet with that quick-ack token, forgetting it; or null */
    long[] takeQuickAck(int token) {
        return quickAcks.remove(token);
    }

    /**
     * Takes out calls past their deadline, and forgets service messages and containers sent long ago.
     *
     * @return the overdue calls
     */
    List<Outgoing> expire(long nowNanos, long nowSeconds) {
        List<Outgoing> overdue = takeAll(o -> o.isCall() ? o.call.isOverdue(nowNanos)
                : nowSeconds - o.sentAtSeconds > SERVICE_MESSAGE_MEMORY_SECONDS);
        overdue.removeIf(o -> !o.isCall());
        containers.values().removeIf(ids -> MessageIdClock.secondsOf(ids[0]) < nowSeconds - SERVICE_MESSAGE_MEMORY_SECONDS * 2
                || noneInFlight(ids));
        return overdue;
    }

    private boolean noneInFlight(long[] ids) {
        for (long id : ids) {
            if (inFlight.containsKey(id)) {
                return false;
            }
        }
        return true;
    }

    /** A connection ended: forget containers and quick-ack tokens (they belong to the packets of that connection). */
    void connectionLost() {
        containers.clear();
        quickAcks.clear();
    }

    /** @return how many calls wait for an answer */
    int calls() {
        int n = 0;
        for (Outgoing o : inFlight.values()) {
            n += o.isCall() ? 1 : 0;
        }
        return n;
    }

    /** @return the msg_ids of each container sent and still remembered, by the container's msg_id (a copy) */
    Map<Long, long[]> containers() {
        return new HashMap<>(containers);
    }

    /** @return every message still sent-but-unanswered, oldest first, forgetting all */
    List<Outgoing> takeEverything() {
        List<Outgoing> all = takeAll(o -> true);
        containers.clear();
        quickAcks.clear();
        return all;
    }
}
