package dev.mtproto.session;

import dev.mtproto.crypto.MessageCipher;
import dev.mtproto.tl.TlLongList;
import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlWriter;
import dev.mtproto.tl.mtproto.GzipPacked;
import dev.mtproto.tl.mtproto.MsgsAck;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The outbound side of a session: the queue of messages to send, serialization and gzip of call bodies,
 * acks owed, msg_ids and seqnos, and packing messages into packets (containers cut to the transport's
 * packet limit, the init wrapper put around the first API call), encrypted.
 */
final class OutboundPacker {
    /** msg_id, seqno and length before each message of a container. */
    static final int INNER_HEADER = 16;
    /** A container's constructor id and count, after the header of the container message itself. */
    private static final int CONTAINER_HEADER = 8;
    /** msgs_ack's constructor ids and count, around its msg_ids. */
    private static final int ACK_OVERHEAD = 12;
    private static final int MAX_ACKS_PER_MESSAGE = 8192;
    private static final long[] NO_ACKS = {};
    /** A wire buffer above this is given back once packets are small again. */
    private static final int KEPT_WIRE_BYTES = 64 * 1024;

    /**
     * One packet and what went into it.
     *
     * @param packet the encrypted packet
     * @param containerId the msg_id of its container, 0 if it holds one message
     * @param ids the msg_ids of its messages
     */
    record Packed(OutboundPacket packet, long containerId, long[] ids) {
    }

    private final MessageCipher cipher;
    private final MessageIdClock clock;
    private final int maxPacketSize;
    private final int maxAcksPerMessage;
    private final SeqNoCounter seqNo = new SeqNoCounter();
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>(4);
    private long[] acks = NO_ACKS;
    private int ackCount;
    private byte[] wire;
    private UnaryOperator<TlMethod<?>> initWrapper;
    private boolean initPending;
    /** How many bytes the init wrapper adds to a call's body. */
    private int initOverhead;

    OutboundPacker(MessageCipher cipher, MessageIdClock clock, int maxPacketSize) {
        int ackRoom = maxPacketSize - packetSize(MessageCipher.PLAINTEXT_HEADER_SIZE + CONTAINER_HEADER + INNER_HEADER + ACK_OVERHEAD);
        this.maxAcksPerMessage = Math.min(MAX_ACKS_PER_MESSAGE, ackRoom / 8);
        this.maxPacketSize = maxPacketSize;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** @return the wire size of a plaintext of that length with the most padding a packet can get */
    static int packetSize(int plainLength) {
        return MessageCipher.WIRE_HEADER_SIZE + plainLength + MessageCipher.MIN_PADDING + 15;
    }

    void initWrapper(UnaryOperator<TlMethod<?>> wrapper) {
        this.initWrapper = wrapper;
        this.initPending = wrapper != null;
        if (wrapper != null) {
            TlMethod<?> probe = dev.mtproto.tl.api.help.GetConfig.INSTANCE;
            initOverhead = Math.max(0, wrapper.apply(probe).toByteArray().length - probe.toByteArray().length);
        }
    }

    /** The next API call goes out wrapped again (a new session or connection). */
    void reintroduce() {
        initPending = initWrapper != null;
    }

    boolean hasInitWrapper() {
        return initWrapper != null;
    }

    /**
     * Serializes a call, gzipped when that pays.
     *
     * @throws RequestTooLargeException if it cannot fit in one packet
     */
    Outgoing prepare(OutgoingCall<?> call) {
        TlWriter w = ScratchBuffers.ofThread().body();
        call.method().write(w);
        Outgoing o = new Outgoing(call, maybeGzip(w), true);
        int needed = packetSize(MessageCipher.PLAINTEXT_HEADER_SIZE + o.body.length + (isApiCall(o) ? initOverhead : 0));
        if (needed > maxPacketSize) {
            throw new RequestTooLargeException(call.name(), needed, maxPacketSize);
        }
        return o;
    }

    /** Re-serializes a call wrapped by the init wrapper; used once per new session or connection. */
    private Outgoing withInit(Outgoing o) {
        TlWriter w = ScratchBuffers.ofThread().body();
        initWrapper.apply(o.call.method()).write(w);
        Outgoing wrapped = new Outgoing(o.call, maybeGzip(w), true);
        wrapped.msgId = o.msgId;
        wrapped.seqNo = o.seqNo;
        wrapped.transmissions = o.transmissions;
        wrapped.probedAtSeconds = o.probedAtSeconds;
        wrapped.resends = o.resends;
        wrapped.keepIdOnResend = o.keepIdOnResend;
        wrapped.reinitialized = o.reinitialized;
        o.call.outgoing = wrapped;
        return wrapped;
    }

    static boolean isApiCall(Outgoing o) {
        return o.isCall() && !ServiceFunctions.isServiceFunction(o.call.method());
    }

    /** Queues a call first, with the msg_id given (reserved from the clock before its body was built). */
    void addFirstWithId(Outgoing o, long msgId) {
        o.msgId = msgId;
        o.seqNo = seqNo.next(o.contentRelated);
        o.keepIdOnResend = true;
        queue.addFirst(o);
    }

    private static byte[] maybeGzip(TlWriter w) {
        int n = w.size();
        if (n >= ClientSession.GZIP_THRESHOLD) {
            byte[] gz = GzipCodecPool.gzipIfSmaller(w.buffer(), 0, n);
            if (gz != null) {
                return new GzipPacked(gz).toByteArray();
            }
        }
        return w.toByteArray();
    }

    void add(Outgoing o) {
        queue.add(o);
    }

    void addService(TlObject message) {
        queue.add(new Outgoing(null, message.toByteArray(), true));
    }

    void addServiceFirst(TlObject message) {
        queue.addFirst(new Outgoing(null, message.toByteArray(), true));
    }

    /**
     * Puts messages back at the head of the queue, in the order given, to go out before anything else.
     *
     * @param again the messages
     * @param keepIds whether they keep their msg_ids (the server may have them already)
     */
    void requeue(List<Outgoing> again, boolean keepIds) {
        for (int i = again.size() - 1; i >= 0; i--) {
            Outgoing o = again.get(i);
            o.keepIdOnResend = keepIds;
            queue.addFirst(o);
        }
    }

    boolean remove(Outgoing o) {
        return queue.remove(o);
    }

    /** @return the queued call that keeps its msg_id {@code msgId} (so was sent before), taken out; or null */
    Outgoing takeResend(long msgId) {
        for (Iterator<Outgoing> it = queue.iterator(); it.hasNext(); ) {
            Outgoing o = it.next();
            if (o.msgId == msgId && o.keepIdOnResend) {
                it.remove();
                return o;
            }
        }
        return null;
    }

    /** @return the queued calls that keep a msg_id below {@code msgId} (so were sent before), taken out */
    List<Outgoing> takeResendsBelow(long msgId) {
        List<Outgoing> taken = new ArrayList<>();
        for (Iterator<Outgoing> it = queue.iterator(); it.hasNext(); ) {
            Outgoing o = it.next();
            if (o.isCall() && o.keepIdOnResend && o.transmissions > 0 && o.msgId < msgId) {
                it.remove();
                taken.add(o);
            }
        }
        return taken;
    }

    /** @return every queued message, leaving the queue empty */
    /** @param action run for each queued message, in queue order */
    void forEachQueued(java.util.function.Consumer<Outgoing> action) {
        queue.forEach(action);
    }

    List<Outgoing> drain() {
        List<Outgoing> all = new ArrayList<>(queue);
        queue.clear();
        return all;
    }

    /** @return how many calls are queued */
    int queuedCalls() {
        int n = 0;
        for (Outgoing o : queue) {
            n += o.isCall() ? 1 : 0;
        }
        return n;
    }

    /** @return the queued calls past their deadline, taken out */
    List<Outgoing> takeOverdue(long nowNanos) {
        List<Outgoing> overdue = new ArrayList<>();
        for (Iterator<Outgoing> it = queue.iterator(); it.hasNext(); ) {
            Outgoing o = it.next();
            if (o.isCall() && o.call.isOverdue(nowNanos)) {
                it.remove();
                overdue.add(o);
            }
        }
        return overdue;
    }

    boolean hasQueued() {
        return !queue.isEmpty();
    }

    /** Owes the server an ack of a content-related message. */
    void ack(long msgId) {
        if (ackCount == acks.length) {
            acks = Arrays.copyOf(acks, Math.max(8, ackCount * 2));
        }
        acks[ackCount++] = msgId;
    }

    boolean ackPending(long msgId) {
        for (int i = 0; i < ackCount; i++) {
            if (acks[i] == msgId) {
                return true;
            }
        }
        return false;
    }

    int pendingAcks() {
        return ackCount;
    }

    /** A new session: seqnos from zero, acks of the old session dropped, the next API call wrapped. */
    void newSession() {
        seqNo.reset();
        ackCount = 0;
        acks = NO_ACKS;
        reintroduce();
    }

    /**
     * Takes what goes into the next packet: owed acks first, then queued messages while they fit.
     *
     * @return the messages, in order, or an empty list when nothing is owed or queued
     */
    List<Outgoing> takeBatch() {
        List<Outgoing> batch = new ArrayList<>();
        int bytes = 0;
        if (ackCount > 0) {
            Outgoing ack = ackMessage();
            batch.add(ack);
            bytes += ack.body.length + INNER_HEADER;
        }
        while (!queue.isEmpty() && batch.size() < ClientSession.MAX_CONTAINER_MESSAGES) {
            Outgoing next = queue.peek();
            boolean wrap = initPending && isApiCall(next);
            int size = next.body.length + (wrap ? initOverhead : 0) + INNER_HEADER;
            if (!batch.isEmpty() && (bytes + size > ClientSession.MAX_CONTAINER_BYTES || !fitsInPacket(batch.size() + 1, bytes + size))) {
                break; // the container is cut here: the rest goes in the next packet
            }
            Outgoing taken = queue.poll();
            if (wrap) {
                taken = withInit(taken);
                initPending = false;
            }
            batch.add(taken);
            bytes += size;
        }
        return batch;
    }

    private boolean fitsInPacket(int messages, int innerBytes) {
        int plainLength = messages == 1 ? MessageCipher.PLAINTEXT_HEADER_SIZE + innerBytes - INNER_HEADER
                : MessageCipher.PLAINTEXT_HEADER_SIZE + CONTAINER_HEADER + innerBytes;
        return packetSize(plainLength) <= maxPacketSize;
    }

    private Outgoing ackMessage() {
        int n = Math.min(ackCount, maxAcksPerMessage);
        long[] ids = Arrays.copyOf(acks, n);
        System.arraycopy(acks, n, acks, 0, ackCount - n);
        ackCount -= n;
        if (ackCount == 0 && acks.length > 64) {
            acks = NO_ACKS;
        }
        return new Outgoing(null, new MsgsAck(TlLongList.of(ids)).toByteArray(), false);
    }

    /**
     * Gives a message its msg_id and seqno for this transmission: a new pair, unless it keeps its msg_id
     * (a resend the server may have received already).
     *
     * @return the msg_id it had before, when it got a new one; else 0
     */
    long assignId(Outgoing o) {
        long replaced = 0;
        if (o.msgId == 0 || !o.keepIdOnResend) {
            replaced = o.msgId;
            o.msgId = clock.nextClientId();
            o.seqNo = seqNo.next(o.contentRelated);
            o.transmissions = 0;
        }
        o.keepIdOnResend = false;
        o.transmissions++;
        o.clockCorrections = clock.corrections();
        if (o.call != null) {
            o.call.markTransmitted(); // stays set if the call moves to another session, where msgId starts at 0
        }
        return replaced;
    }

    /**
     * Writes and encrypts one packet of the batch, whose messages have their ids.
     *
     * @return the packet (its buffer is overwritten by the next) and what it holds
     */
    Packed encrypt(List<Outgoing> batch, long salt, long sessionId, boolean quickAck) {
        TlWriter plain = ScratchBuffers.ofThread().plain();
        plain.writeLong(salt);
        plain.writeLong(sessionId);
        long[] ids = new long[batch.size()];
        long containerId = 0;
        if (batch.size() == 1) {
            Outgoing o = batch.get(0);
            MessageContainers.writeMessage(plain, o.msgId, o.seqNo, o.body);
            ids[0] = o.msgId;
        } else {
            containerId = clock.nextClientId();
            int lengthAt = MessageContainers.begin(plain, containerId, seqNo.next(false), batch.size());
            for (int i = 0; i < batch.size(); i++) {
                Outgoing o = batch.get(i);
                MessageContainers.writeMessage(plain, o.msgId, o.seqNo, o.body);
                ids[i] = o.msgId;
            }
            MessageContainers.end(plain, lengthAt);
        }
        int length = cipher.wireLength(plain.size(), 0);
        if (wire == null || wire.length < length || (wire.length > KEPT_WIRE_BYTES && length <= KEPT_WIRE_BYTES / 4)) {
            wire = new byte[Math.max(length, 256)];
        }
        int written = cipher.encrypt(plain.buffer(), 0, plain.size(), 0, wire, 0);
        boolean ask = false;
        for (int i = 0; quickAck && !ask && i < batch.size(); i++) {
            ask = batch.get(i).contentRelated;
        }
        return new Packed(new OutboundPacket(wire, written, ask), containerId, ids);
    }
}
