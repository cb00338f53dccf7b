package dev.mtproto.session;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.MessageCipher;
import dev.mtproto.crypto.MessageDirection;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.crypto.SecurityCheckException;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.TlLongList;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.TlWriter;
import dev.mtproto.tl.mtproto.BadMsgNotification;
import dev.mtproto.tl.mtproto.BadServerSalt;
import dev.mtproto.tl.mtproto.DestroySession;
import dev.mtproto.tl.mtproto.DestroySessionNone;
import dev.mtproto.tl.mtproto.DestroySessionOk;
import dev.mtproto.tl.mtproto.FutureSalt;
import dev.mtproto.tl.mtproto.FutureSalts;
import dev.mtproto.tl.mtproto.GzipPacked;
import dev.mtproto.tl.mtproto.HttpWait;
import dev.mtproto.tl.mtproto.MsgContainer;
import dev.mtproto.tl.mtproto.MsgCopy;
import dev.mtproto.tl.mtproto.MsgDetailedInfo;
import dev.mtproto.tl.mtproto.MsgNewDetailedInfo;
import dev.mtproto.tl.mtproto.MsgResendReq;
import dev.mtproto.tl.mtproto.MsgsAck;
import dev.mtproto.tl.mtproto.MsgsAllInfo;
import dev.mtproto.tl.mtproto.MsgsStateInfo;
import dev.mtproto.tl.mtproto.MsgsStateReq;
import dev.mtproto.tl.mtproto.NewSessionCreated;
import dev.mtproto.tl.mtproto.Pong;
import dev.mtproto.tl.mtproto.RpcDropAnswer;
import dev.mtproto.tl.mtproto.RpcError;
import dev.mtproto.tl.mtproto.RpcResult;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The client side of one encrypted MTProto session, as a state machine without I/O
 * (https://core.telegram.org/mtproto/description, /service_messages, /service_messages_about_messages).
 *
 * <p>Calls go in with {@link #submit}; {@link #nextPacket} turns what is queued (calls, pending acks,
 * service answers) into one encrypted packet, several messages in a {@code msg_container}; frames from the
 * transport go in with {@link #onFrame}, which decrypts and checks them and reports results, errors and
 * updates to the {@link SessionListener}. Timers are the caller's: {@link #expire} fails overdue calls,
 * {@link #onConnectionLost} prepares resending on the next connection.
 *
 * <p>What it takes care of:
 * <ul>
 *   <li>msg_ids from server-corrected time, seqnos ({@code 2n+1} for content-related messages, {@code 2n}
 *       for acks and containers), gzip of large outgoing bodies when it pays;</li>
 *   <li>incoming checks: decryption and msg_key ({@link MessageCipher}), session id, msg_id parity, time
 *       window, replay window ({@link ReceivedMessageIds}, kept across reconnects); a failed check drops the
 *       message and is reported, never thrown;</li>
 *   <li>acks for every content-related message received, batched into the next packet;</li>
 *   <li>{@code msg_container}, {@code gzip_packed} (up to four levels deep, also inside {@code rpc_result}),
 *       {@code msg_copy};</li>
 *   <li>{@code bad_server_salt}: new salt, resend the named message, every message of it when it named a
 *       container; {@code bad_msg_notification} 16/17 (resync time, resend), 19/20/48 (resend with a new
 *       msg_id), 32/33 (start a new session), 18/34/35/64 (fail the call: resending cannot help);</li>
 *   <li>{@code new_session_created}: new salt, resend calls sent before the new session began, report it so
 *       updates can be fetched; {@code msgs_state_req}, {@code msg_resend_req}, {@code msg_detailed_info},
 *       {@code msg_new_detailed_info}, {@code future_salts}, {@code pong};</li>
 *   <li>after a lost connection, unanswered calls are sent again with their msg_ids (the server answers a
 *       msg_id once per session, so nothing runs twice) while those ids are young enough.</li>
 * </ul>
 *
 * <p>Not thread-safe: the owner serialises calls (one lock per session).
 */
public final class ClientSession {
    /** Most messages put in one container (Telegram accepts more; this stays clear of its limit). */
    public static final int MAX_CONTAINER_MESSAGES = 100;
    /** Most bytes of inner messages in one container. */
    public static final int MAX_CONTAINER_BYTES = 1_000_000;
    /** Bodies at least this large are gzipped when that makes them smaller. */
    public static final int GZIP_THRESHOLD = 512;
    /** How often one message may be resent because the server rejected it before its call fails. */
    public static final int MAX_RESENDS = 5;
    /** Largest decompressed {@code gzip_packed} accepted. */
    public static final int MAX_INFLATED_SIZE = 16 << 20;

    /** The smallest packet limit a session accepts: room for a few acks and a small call. */
    public static final int MIN_PACKET_SIZE = 1024;

    private static final int MAX_ACKS_PER_MESSAGE = 8192;
    /** msg_id, seqno and length before each message of a container. */
    private static final int INNER_HEADER = 16;
    /** A container's constructor id and count, after the header of the container message itself. */
    private static final int CONTAINER_HEADER = 8;
    /** msgs_ack's constructor ids and count, around its msg_ids. */
    private static final int ACK_OVERHEAD = 12;
    private static final long KEEP_MSG_ID_SECONDS = 240;
    private static final long SERVICE_MESSAGE_MEMORY_SECONDS = 120;
    /** How deep messages may nest: a container's message (1), a msg_copy in it (2), one more copy (3). */
    private static final int MAX_MESSAGE_NESTING = 3;
    private static final int QUICK_ACKS_REMEMBERED = 64;
    private static final int ABANDONED_SESSIONS_REMEMBERED = 8;
    /** How many gzip_packed may nest in one message (Telegram uses one); a bomb of more is dropped. */
    private static final int MAX_GZIP_NESTING = 4;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final AuthKey authKey;
    private final MessageCipher cipher;
    private final RandomSource random;
    private final MessageIdClock clock;
    private final ServerSalts salts;
    private final SessionListener listener;
    private final SeqNoCounter seqNo = new SeqNoCounter();
    private final int replayWindow;
    private final int maxPacketSize;
    private final int maxAcksPerMessage;
    /** How many bytes the init wrapper adds to a call's body. */
    private int initOverhead;
    private ReceivedMessageIds received;
    private long sessionId;
    /** Sessions this client abandoned and asked the server to forget; their answers are expected. */
    private final ArrayDeque<Long> abandonedSessions = new ArrayDeque<>();
    /** Set while a frame is processed when its messages call for a new session. */
    private SessionResetReason resetRequested;
    private int gzipLevels;
    private long authenticatedFrames;

    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private final Map<Long, Outgoing> inFlight = new HashMap<>();
    private final Map<Long, long[]> containers = new HashMap<>();
    private final LinkedHashMap<Integer, long[]> quickAcks = new LinkedHashMap<>();
    private long[] acks = new long[64];
    private int ackCount;

    private final TlWriter bodyWriter = new TlWriter(1024);
    private final TlWriter plain = new TlWriter(4096);
    private byte[] wire = new byte[4096];
    private byte[] decrypted = new byte[4096];
    private boolean closed;
    private java.util.function.UnaryOperator<dev.mtproto.tl.TlMethod<?>> initWrapper;
    private boolean initPending;

    /**
     * Starts a session with a fresh random session id.
     *
     * @param authKey the authorization key of the DC
     * @param firstSalt the server salt to start with (from the key exchange or the session store)
     * @param clock msg_ids and server time (its offset from the key exchange or the store)
     * @param random where session ids and padding come from ({@link RandomSource#secure()} outside tests)
     * @param listener receives results, errors and updates
     * @param replayWindow how many received msg_ids to remember (a few thousand)
     * @param maxPacketSize the largest packet the transport carries (its frame limit); no packet is made
     *     larger, and {@link #submit} refuses a call that cannot fit
     * @throws IllegalArgumentException if {@code maxPacketSize} cannot hold even a small message
     */
    public ClientSession(AuthKey authKey, long firstSalt, MessageIdClock clock, RandomSource random,
                         SessionListener listener, int replayWindow, int maxPacketSize) {
        if (maxPacketSize < MIN_PACKET_SIZE) {
            throw new IllegalArgumentException("maxPacketSize must be at least " + MIN_PACKET_SIZE + ", got " + maxPacketSize);
        }
        this.maxPacketSize = maxPacketSize;
        int ackRoom = maxPacketSize - packetSize(MessageCipher.PLAINTEXT_HEADER_SIZE + CONTAINER_HEADER + INNER_HEADER + ACK_OVERHEAD);
        this.maxAcksPerMessage = Math.min(MAX_ACKS_PER_MESSAGE, ackRoom / 8);
        this.authKey = Objects.requireNonNull(authKey, "authKey");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.cipher = new MessageCipher(authKey, MessageDirection.CLIENT_TO_SERVER, random, MessageCipher.DEFAULT_MAX_ENCRYPTED_DATA_SIZE);
        this.salts = new ServerSalts(firstSalt);
        this.replayWindow = replayWindow;
        this.received = new ReceivedMessageIds(replayWindow);
        this.sessionId = newSessionId();
    }

    private long newSessionId() {
        byte[] b = new byte[8];
        long id;
        do {
            random.nextBytes(b, 0, 8);
            id = (long) LONG.get(b, 0);
        } while (id == 0);
        return id;
    }

    /**
     * Sets how to introduce the client to the server: a function that wraps an API call in
     * {@code invokeWithLayer(layer, initConnection(..., call))}. The first API call after the session starts,
     * after {@link #resetSession()} and after {@link #onConnectionLost()} is sent wrapped, so that every new
     * session and connection announces the layer before it is used. Service calls (ping, salts) are never
     * wrapped.
     *
     * @param wrapper the wrapper, or {@code null} to send calls as they are
     */
    public void initWrapper(java.util.function.UnaryOperator<dev.mtproto.tl.TlMethod<?>> wrapper) {
        this.initWrapper = wrapper;
        this.initPending = wrapper != null;
        if (wrapper != null) {
            dev.mtproto.tl.TlMethod<?> probe = dev.mtproto.tl.api.help.GetConfig.INSTANCE;
            initOverhead = Math.max(0, wrapper.apply(probe).toByteArray().length - probe.toByteArray().length);
        }
    }

    /** @return the session id */
    public long sessionId() {
        return sessionId;
    }

    /** @return the authorization key */
    public AuthKey authKey() {
        return authKey;
    }

    /** @return the msg_id clock, whose offset tracks the server's time */
    public MessageIdClock clock() {
        return clock;
    }

    /** @return the salt to use now (stored so that a restart can resume without a salt error) */
    public long currentSalt() {
        return salts.current(clock.serverMillis() / 1000);
    }

    /** @return the server salts, to ask for more when {@link ServerSalts#needsRefresh} says so */
    public ServerSalts salts() {
        return salts;
    }

    /** @return how many calls are waiting to be sent or answered */
    public int pendingCalls() {
        int n = 0;
        for (Outgoing o : queue) {
            n += o.call != null ? 1 : 0;
        }
        for (Outgoing o : inFlight.values()) {
            n += o.call != null ? 1 : 0;
        }
        return n;
    }

    /** @return whether {@link #nextPacket} has something to send */
    public boolean hasOutgoing() {
        return !queue.isEmpty() || ackCount > 0;
    }

    /** @return whether messages are queued besides acks */
    public boolean hasQueuedMessages() {
        return !queue.isEmpty();
    }

    /**
     * @return how many frames passed decryption (so came from a server holding our key) and named our
     *     session, since the session was created
     */
    public long authenticatedFrames() {
        return authenticatedFrames;
    }

    /** @return how many acks wait to be sent */
    public int pendingAcks() {
        return ackCount;
    }

    // ------------------------------------------------------------------ outgoing

    /**
     * Queues a call. Its body is serialized now (and gzipped when large and compressible).
     *
     * @param call the call
     * @throws SessionClosedException if the session was closed
     * @throws RequestTooLargeException if the call's message cannot fit in one packet
     */
    public void submit(OutgoingCall<?> call) {
        if (closed) {
            throw new SessionClosedException("the session is closed", false);
        }
        bodyWriter.reset();
        call.method().write(bodyWriter);
        byte[] body = maybeGzip(bodyWriter);
        Outgoing o = new Outgoing(call, body, true);
        int needed = packetSize(MessageCipher.PLAINTEXT_HEADER_SIZE + body.length + (isApiCall(o) ? initOverhead : 0));
        if (needed > maxPacketSize) {
            throw new RequestTooLargeException(call.name(), needed, maxPacketSize);
        }
        call.outgoing = o;
        queue.add(o);
    }

    /** Re-serializes a call wrapped by the init wrapper; used once per new session or connection. */
    private Outgoing withInit(Outgoing o) {
        bodyWriter.reset();
        initWrapper.apply(o.call.method()).write(bodyWriter);
        Outgoing wrapped = new Outgoing(o.call, maybeGzip(bodyWriter), true);
        wrapped.msgId = o.msgId;
        wrapped.seqNo = o.seqNo;
        wrapped.resends = o.resends;
        wrapped.keepIdOnResend = o.keepIdOnResend;
        wrapped.reinitialized = o.reinitialized;
        o.call.outgoing = wrapped;
        return wrapped;
    }

    private static boolean isApiCall(Outgoing o) {
        return o.call != null && !isServiceFunction(o.call.method());
    }

    /** @return whether the function is one of MTProto's own (ping, salts, ...), which never needs initConnection */
    static boolean isServiceFunction(dev.mtproto.tl.TlObject method) {
        return dev.mtproto.tl.mtproto.MtprotoSchema.INSTANCE.nameOf(method.constructorId()) != null;
    }

    private byte[] maybeGzip(TlWriter w) {
        int n = w.size();
        if (n >= GZIP_THRESHOLD) {
            byte[] gz = GzipCodecPool.gzip(w.buffer(), 0, n);
            if (gz.length + 8 < n) {
                return new GzipPacked(gz).toByteArray();
            }
        }
        return w.toByteArray();
    }

    private void queueService(dev.mtproto.tl.TlObject message) {
        queue.add(new Outgoing(null, message.toByteArray(), true));
    }

    /**
     * Stops waiting for a call. A call not sent yet is dropped; one already sent stays unanswered and an
     * {@code rpc_drop_answer} asks the server not to send its result. The listener is not told.
     *
     * @param call the call
     * @return whether the call was still pending
     */
    public boolean cancel(OutgoingCall<?> call) {
        Outgoing o = call.outgoing;
        if (o == null) {
            return false;
        }
        if (queue.remove(o)) {
            return true;
        }
        if (o.msgId != 0 && inFlight.remove(o.msgId) == o) {
            submit(OutgoingCall.of(new RpcDropAnswer(o.msgId)));
            return true;
        }
        return false;
    }

    /**
     * Builds the next packet: pending acks and queued messages, in one container when there are several.
     *
     * @param quickAck whether the caller will ask the transport for a quick ack of this packet
     * @return the packet, or {@code null} when there is nothing to send
     */
    public OutboundPacket nextPacket(boolean quickAck) {
        if (closed || !hasOutgoing()) {
            return null;
        }
        long nowSeconds = clock.serverMillis() / 1000;
        List<Outgoing> batch = new ArrayList<>();
        int bytes = 0;
        if (ackCount > 0) {
            Outgoing ack = ackMessage();
            batch.add(ack);
            bytes += ack.body.length + 16;
        }
        while (!queue.isEmpty() && batch.size() < MAX_CONTAINER_MESSAGES) {
            Outgoing next = queue.peek();
            boolean wrap = initPending && isApiCall(next);
            int size = next.body.length + (wrap ? initOverhead : 0) + INNER_HEADER;
            if (!batch.isEmpty() && (bytes + size > MAX_CONTAINER_BYTES || !fitsInPacket(batch.size() + 1, bytes + size))) {
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
        for (Outgoing o : batch) {
            assignId(o, nowSeconds);
        }

        long salt = salts.current(nowSeconds);
        plain.reset();
        plain.writeLong(salt);
        plain.writeLong(sessionId);
        long[] ids = new long[batch.size()];
        if (batch.size() == 1) {
            Outgoing o = batch.get(0);
            MessageContainers.writeMessage(plain, o.msgId, o.seqNo, o.body);
            ids[0] = o.msgId;
        } else {
            long containerId = clock.nextClientId();
            int lengthAt = MessageContainers.begin(plain, containerId, seqNo.next(false), batch.size());
            for (int i = 0; i < batch.size(); i++) {
                Outgoing o = batch.get(i);
                MessageContainers.writeMessage(plain, o.msgId, o.seqNo, o.body);
                ids[i] = o.msgId;
            }
            MessageContainers.end(plain, lengthAt);
            containers.put(containerId, ids);
        }
        for (Outgoing o : batch) {
            o.sentAtSeconds = nowSeconds;
            inFlight.put(o.msgId, o);
        }

        int length = cipher.wireLength(plain.size(), 0);
        if (wire.length < length) {
            wire = new byte[Math.max(length, wire.length * 2)];
        }
        int written = cipher.encrypt(plain.buffer(), 0, plain.size(), 0, wire, 0);
        boolean ask = quickAck && batch.stream().anyMatch(o -> o.contentRelated);
        if (ask) {
            quickAcks.put(cipher.quickAckToken(), ids);
            if (quickAcks.size() > QUICK_ACKS_REMEMBERED) {
                Iterator<Integer> oldest = quickAcks.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
        return new OutboundPacket(wire, written, ask);
    }

    /**
     * @param messages how many messages the packet would carry
     * @param innerBytes their bodies plus {@value #INNER_HEADER} header bytes each
     * @return whether the packet stays within the transport's limit (with the largest padding)
     */
    private boolean fitsInPacket(int messages, int innerBytes) {
        int plainLength = messages == 1 ? MessageCipher.PLAINTEXT_HEADER_SIZE + innerBytes - INNER_HEADER
                : MessageCipher.PLAINTEXT_HEADER_SIZE + CONTAINER_HEADER + innerBytes;
        return packetSize(plainLength) <= maxPacketSize;
    }

    /** @return the wire size of a plaintext of that length with the most padding a packet can get */
    private static int packetSize(int plainLength) {
        return MessageCipher.WIRE_HEADER_SIZE + plainLength + MessageCipher.MIN_PADDING + 15;
    }

    private Outgoing ackMessage() {
        int n = Math.min(ackCount, maxAcksPerMessage);
        long[] ids = Arrays.copyOf(acks, n);
        System.arraycopy(acks, n, acks, 0, ackCount - n);
        ackCount -= n;
        return new Outgoing(null, new MsgsAck(TlLongList.of(ids)).toByteArray(), false);
    }

    private void assignId(Outgoing o, long nowSeconds) {
        boolean keep = o.msgId != 0 && o.keepIdOnResend && nowSeconds - MessageIdClock.secondsOf(o.msgId) < KEEP_MSG_ID_SECONDS;
        if (!keep) {
            if (o.msgId != 0) {
                inFlight.remove(o.msgId);
            }
            o.msgId = clock.nextClientId();
            o.seqNo = seqNo.next(o.contentRelated);
        }
        o.keepIdOnResend = false;
    }

    // ------------------------------------------------------------------ timers and connection events

    /**
     * Fails calls whose deadline passed and forgets old service messages.
     *
     * @param nowNanos the current {@link System#nanoTime()}
     */
    public void expire(long nowNanos) {
        List<Outgoing> overdue = new ArrayList<>();
        for (Iterator<Outgoing> it = queue.iterator(); it.hasNext(); ) {
            Outgoing o = it.next();
            if (o.call != null && o.call.isOverdue(nowNanos)) {
                it.remove();
                overdue.add(o);
            }
        }
        long nowSeconds = clock.serverMillis() / 1000;
        for (Iterator<Outgoing> it = inFlight.values().iterator(); it.hasNext(); ) {
            Outgoing o = it.next();
            if (o.call != null ? o.call.isOverdue(nowNanos) : nowSeconds - o.sentAtSeconds > SERVICE_MESSAGE_MEMORY_SECONDS) {
                it.remove();
                if (o.call != null) {
                    overdue.add(o);
                }
            }
        }
        // reported only now: a listener may submit a call from here
        for (Outgoing o : overdue) {
            listener.onError(o.call, new RequestTimeoutException(o.call.name(), o.msgId != 0, o.call.acknowledged()));
        }
        containers.values().removeIf(ids -> MessageIdClock.secondsOf(ids[0]) < nowSeconds - SERVICE_MESSAGE_MEMORY_SECONDS * 2);
    }

    /**
     * The connection dropped. Calls that were sent but not answered go back to the queue and are sent on
     * the next connection with the same msg_ids while those are young enough, so that the server, which
     * answers each msg_id of a session once, neither loses nor repeats them. Service messages are not
     * resent; acks still owed stay owed.
     */
    public void onConnectionLost() {
        List<Outgoing> unanswered = new ArrayList<>();
        for (Outgoing o : inFlight.values()) {
            if (o.call != null) {
                o.keepIdOnResend = true;
                unanswered.add(o);
            }
        }
        inFlight.clear();
        containers.clear();
        quickAcks.clear();
        initPending = initWrapper != null;
        unanswered.sort(Comparator.comparingLong(o -> o.msgId));
        for (int i = unanswered.size() - 1; i >= 0; i--) {
            queue.addFirst(unanswered.get(i));
        }
    }

    /**
     * Starts a new session on the same key: new session id, seqnos from zero, an empty replay window; every
     * unanswered call is sent again with a new msg_id, after a {@code destroy_session} that lets the server
     * forget the old session (and stop keeping updates for it).
     */
    public void resetSession() {
        resetSession(SessionResetReason.REQUESTED);
    }

    private void resetSession(SessionResetReason reason) {
        long abandoned = sessionId;
        sessionId = newSessionId();
        seqNo.reset();
        clock.restartSequence();
        initPending = initWrapper != null;
        received = new ReceivedMessageIds(replayWindow);
        List<Outgoing> unanswered = new ArrayList<>();
        for (Outgoing o : inFlight.values()) {
            if (o.call != null) {
                unanswered.add(o);
            }
        }
        for (Outgoing o : queue) {
            if (o.call != null) {
                unanswered.add(o);
            }
        }
        inFlight.clear();
        queue.clear();
        containers.clear();
        ackCount = 0;
        unanswered.sort(Comparator.comparingLong(o -> o.msgId == 0 ? Long.MAX_VALUE : o.msgId));
        for (Outgoing o : unanswered) {
            o.msgId = 0;
            o.keepIdOnResend = false;
            queue.add(o);
        }
        queue.addFirst(new Outgoing(null, new DestroySession(abandoned).toByteArray(), true));
        abandonedSessions.add(abandoned);
        if (abandonedSessions.size() > ABANDONED_SESSIONS_REMEMBERED) {
            abandonedSessions.removeFirst();
        }
        listener.onSessionReset(reason);
    }

    /**
     * Ends the session without failing its calls, handing back every call not answered yet (queued or sent)
     * in the order they were made, to be submitted to a new session (after the server forgot the key).
     *
     * @return the unanswered calls
     */
    public List<OutgoingCall<?>> takePendingCalls() {
        List<Outgoing> all = new ArrayList<>(inFlight.values());
        all.sort(Comparator.comparingLong(o -> o.msgId));
        all.addAll(queue);
        List<OutgoingCall<?>> calls = new ArrayList<>();
        for (Outgoing o : all) {
            if (o.call != null) {
                o.call.outgoing = null;
                calls.add(o.call);
            }
        }
        queue.clear();
        inFlight.clear();
        closed = true;
        return calls;
    }

    /**
     * Closes the session: every pending call fails with {@link SessionClosedException}.
     *
     * @param reason why, for the calls' exception
     */
    public void close(String reason) {
        if (closed) {
            return;
        }
        closed = true;
        List<Outgoing> all = new ArrayList<>(queue);
        all.addAll(inFlight.values());
        queue.clear();
        inFlight.clear();
        for (Outgoing o : all) {
            if (o.call != null) {
                listener.onError(o.call, new SessionClosedException(reason, o.msgId != 0));
            }
        }
    }

    /**
     * The transport delivered a quick-ack token: the calls of the matching packet count as acknowledged,
     * as if by {@code msgs_ack}. Tokens of packets this session did not ask about are ignored.
     *
     * @param token the token, with its top bit set
     */
    public void onQuickAck(int token) {
        long[] ids = quickAcks.remove(token);
        if (ids == null) {
            return;
        }
        for (long id : ids) {
            acknowledged(id);
        }
        listener.onQuickAck(ids);
    }

    // ------------------------------------------------------------------ incoming

    /**
     * Processes one transport frame: an encrypted message from the server. Problems are reported to the
     * listener ({@link SessionListener#onDropped}); nothing is thrown for bad input.
     *
     * @param buf the frame's buffer
     * @param off where the frame starts
     * @param len its length
     */
    public void onFrame(byte[] buf, int off, int len) {
        if (closed) {
            return;
        }
        if (decrypted.length < len) {
            decrypted = new byte[Math.max(len, decrypted.length * 2)];
        }
        int plainLength;
        try {
            plainLength = cipher.decrypt(buf, off, len, decrypted, 0);
        } catch (SecurityCheckException e) {
            listener.onDropped(DropReason.SECURITY_CHECK, e.getMessage());
            return;
        }
        byte[] p = decrypted;
        long frameSession = (long) LONG.get(p, 8);
        if (frameSession != sessionId) {
            listener.onDropped(DropReason.WRONG_SESSION, "session id of the message is not ours");
            return;
        }
        authenticatedFrames++;
        long msgId = (long) LONG.get(p, 16);
        int seq = (int) INT.get(p, 24);
        int bodyLength = plainLength - MessageCipher.PLAINTEXT_HEADER_SIZE;
        if (!acceptMessageId(msgId, seq, p, MessageCipher.PLAINTEXT_HEADER_SIZE, bodyLength)) {
            return;
        }
        handle(msgId, seq, p, MessageCipher.PLAINTEXT_HEADER_SIZE, bodyLength, 0);
        if (resetRequested != null) {
            // only now: the rest of the frame (say, results in the same container) belongs to the old session
            SessionResetReason reason = resetRequested;
            resetRequested = null;
            resetSession(reason);
        }
    }

    /**
     * Parity, replay and time-window checks of a server msg_id; reports and returns false on failure. The
     * replay check comes first, so that replayed old frames cannot move our clock, and the id is recorded
     * only once accepted, so that a message dropped for its time can still arrive again.
     */
    private boolean acceptMessageId(long msgId, int seq, byte[] b, int bodyOff, int bodyLen) {
        int low = (int) (msgId & 3);
        if (low != 1 && low != 3) {
            listener.onDropped(DropReason.BAD_MESSAGE_ID, "server msg_id with low bits " + low);
            return false;
        }
        switch (received.check(msgId)) {
            case DUPLICATE:
                ackIfContentRelated(msgId, seq); // our ack may have been lost: repeat it
                listener.onDropped(DropReason.DUPLICATE, "msg_id seen before");
                return false;
            case TOO_OLD:
                listener.onDropped(DropReason.TOO_OLD, "msg_id older than the replay window");
                return false;
            default:
                break;
        }
        if (!clock.isWithinWindow(msgId) && !holdsClockCorrection(b, bodyOff, bodyLen)) {
            // https://core.telegram.org/mtproto/security_guidelines: ignored, and nothing in it is used
            listener.onDropped(DropReason.OUTSIDE_TIME_WINDOW, "msg_id time differs from server time by more than the window");
            return false;
        }
        received.accept(msgId, (seq & 1) != 0); // marked: content-related, so acknowledged by us
        return true;
    }

    /**
     * @return whether the body is (or is a container holding) {@code bad_msg_notification} 16/17 about a
     *     message we sent: the one kind of message from outside the time window that is accepted, since it
     *     is how the server corrects our clock, and naming our own msg_id shows it answers us
     */
    private boolean holdsClockCorrection(byte[] b, int off, int len) {
        if (!MessageContainers.isContainer(b, off, len)) {
            return isClockCorrection(b, off, len);
        }
        boolean[] found = {false};
        MessageContainers.forEach(b, off, len, (innerId, innerSeq, buf, at, bytes) -> {
            found[0] = isClockCorrection(buf, at, bytes);
            return !found[0];
        });
        return found[0];
    }

    private boolean isClockCorrection(byte[] b, int off, int len) {
        if (len < 20 || (int) INT.get(b, off) != BadMsgNotification.CONSTRUCTOR_ID || !isClockError((int) INT.get(b, off + 16))) {
            return false;
        }
        long badMsgId = (long) LONG.get(b, off + 4);
        return inFlight.containsKey(badMsgId) || containers.containsKey(badMsgId);
    }

    private static boolean isClockError(int code) {
        return code == 16 || code == 17;
    }

    private void ackIfContentRelated(long msgId, int seq) {
        if ((seq & 1) == 0) {
            return;
        }
        if (ackCount == acks.length) {
            acks = Arrays.copyOf(acks, acks.length * 2);
        }
        acks[ackCount++] = msgId;
    }

    private void handle(long msgId, int seq, byte[] b, int off, int len, int depth) {
        try {
            dispatch(msgId, seq, b, off, len, depth);
        } catch (TlDecodeException e) {
            listener.onDropped(DropReason.MALFORMED, e.getMessage());
        }
        ackIfContentRelated(msgId, seq); // even when it could not be processed: resending will not fix it
    }

    private void dispatch(long msgId, int seq, byte[] b, int off, int len, int depth) {
        if (len < 4) {
            throw new TlDecodeException(0, "message body of " + len + " bytes");
        }
        int id = (int) INT.get(b, off);
        TlReader r = new TlReader(b, off + 4, len - 4);
        switch (id) {
            case MsgContainer.CONSTRUCTOR_ID -> container(msgId, b, off, len, depth);
            case RpcResult.CONSTRUCTOR_ID -> rpcResult(b, off, len);
            case GzipPacked.CONSTRUCTOR_ID -> {
                if (gzipLevels >= MAX_GZIP_NESTING) {
                    throw new TlDecodeException(0, "gzip_packed nested deeper than " + MAX_GZIP_NESTING + " levels");
                }
                byte[] inner = GzipCodecPool.gunzip(r.readBytes());
                gzipLevels++;
                try {
                    dispatch(msgId, seq, inner, 0, inner.length, depth);
                } finally {
                    gzipLevels--;
                }
            }
            case MsgCopy.CONSTRUCTOR_ID -> {
                r.readInt(); // the copied message is bare: msg_id seqno bytes body
                long copiedId = r.readLong();
                int copiedSeq = r.readInt();
                int bytes = r.readInt();
                int at = off + 4 + r.position();
                if (bytes < 0 || bytes > r.remaining()) {
                    throw new TlDecodeException(r.position(), "msg_copy body of " + bytes + " bytes does not fit");
                }
                if (depth + 1 >= MAX_MESSAGE_NESTING) {
                    throw new TlDecodeException(0, "msg_copy nested deeper than " + MAX_MESSAGE_NESTING + " levels");
                }
                if (received.accept(copiedId) == ReceivedMessageIds.Verdict.NEW) {
                    handle(copiedId, copiedSeq, b, at, bytes, depth + 1);
                }
            }
            case MsgsAck.CONSTRUCTOR_ID -> acknowledged(MsgsAck.readBare(r).msgIds());
            case BadServerSalt.CONSTRUCTOR_ID -> badServerSalt(BadServerSalt.readBare(r));
            case BadMsgNotification.CONSTRUCTOR_ID -> badMessage(msgId, BadMsgNotification.readBare(r));
            case NewSessionCreated.CONSTRUCTOR_ID -> newSessionCreated(NewSessionCreated.readBare(r));
            case Pong.CONSTRUCTOR_ID -> {
                Pong pong = Pong.readBare(r);
                complete(pong.msgId(), pong);
            }
            case FutureSalts.CONSTRUCTOR_ID -> {
                FutureSalts fs = FutureSalts.readBare(r);
                List<ServerSalts.Salt> list = new ArrayList<>();
                for (FutureSalt s : fs.salts()) {
                    list.add(new ServerSalts.Salt(s.salt(), s.validSince(), s.validUntil()));
                }
                salts.addFuture(list);
                complete(fs.reqMsgId(), fs);
            }
            case MsgsStateReq.CONSTRUCTOR_ID -> stateRequest(msgId, MsgsStateReq.readBare(r).msgIds());
            case MsgResendReq.CONSTRUCTOR_ID -> resendRequest(msgId, MsgResendReq.readBare(r).msgIds());
            case MsgDetailedInfo.CONSTRUCTOR_ID -> detailedInfo(MsgDetailedInfo.readBare(r).answerMsgId());
            case MsgNewDetailedInfo.CONSTRUCTOR_ID -> detailedInfo(MsgNewDetailedInfo.readBare(r).answerMsgId());
            case DestroySessionOk.CONSTRUCTOR_ID -> {
                DestroySessionOk ok = DestroySessionOk.readBare(r);
                destroySessionAnswer(ok.sessionId(), ok);
            }
            case DestroySessionNone.CONSTRUCTOR_ID -> {
                DestroySessionNone none = DestroySessionNone.readBare(r);
                destroySessionAnswer(none.sessionId(), none);
            }
            case MsgsAllInfo.CONSTRUCTOR_ID, MsgsStateInfo.CONSTRUCTOR_ID, HttpWait.CONSTRUCTOR_ID -> {
                // informational; nothing to do
            }
            default -> listener.onUpdates(Arrays.copyOfRange(b, off, off + len));
        }
    }

    private void container(long containerId, byte[] b, int off, int len, int depth) {
        if (depth > 0) {
            throw new TlDecodeException(0, "msg_container inside another message");
        }
        boolean[] older = {true};
        MessageContainers.forEach(b, off, len, (innerId, innerSeq, buf, at, bytes) -> {
            older[0] = innerId < containerId;
            return older[0];
        });
        if (!older[0]) { // refused whole: none of its messages is used
            listener.onDropped(DropReason.BAD_MESSAGE_ID, "a message in a container has a msg_id above the container's");
            return;
        }
        MessageContainers.forEach(b, off, len, (innerId, innerSeq, buf, at, bytes) -> {
            if (acceptMessageId(innerId, innerSeq, buf, at, bytes)) {
                handle(innerId, innerSeq, buf, at, bytes, 1);
            }
            return true;
        });
    }

    private void rpcResult(byte[] b, int off, int len) {
        TlReader r = new TlReader(b, off + 4, len - 4);
        long reqMsgId = r.readLong();
        Outgoing o = inFlight.remove(reqMsgId);
        if (o == null) {
            o = takeQueued(reqMsgId);
        }
        if (o != null && o.call == null && answersAbandonedSession(r)) {
            return; // our own destroy_session, answered in rpc_result
        }
        if (o == null || o.call == null) {
            listener.onDropped(DropReason.UNKNOWN_REQUEST, "rpc_result for a call no longer waited for");
            return;
        }
        boolean mayReinitialize = !o.reinitialized && initWrapper != null && isApiCall(o);
        if (!deliver(o.call, b, off + 12, len - 12, mayReinitialize)) {
            // the server does not know our layer (it lost the session or the connection's state):
            // introduce ourselves again and resend this call, once
            o.reinitialized = true;
            o.keepIdOnResend = false;
            initPending = true;
            queue.addFirst(o);
        }
    }

    /**
     * Finds a call put back in the queue with its msg_id kept (after a lost connection) whose answer
     * arrives before it was sent again; it is answered and need not be sent.
     */
    private Outgoing takeQueued(long msgId) {
        for (Iterator<Outgoing> it = queue.iterator(); it.hasNext(); ) {
            Outgoing o = it.next();
            if (o.msgId == msgId && o.keepIdOnResend) {
                it.remove();
                return o;
            }
        }
        return null;
    }

    /** @return whether the result is a destroy_session answer about a session we abandoned (and consumes it) */
    private boolean answersAbandonedSession(TlReader r) {
        int id = r.peekInt();
        if (id != DestroySessionOk.CONSTRUCTOR_ID && id != DestroySessionNone.CONSTRUCTOR_ID) {
            return false;
        }
        r.readInt();
        return abandonedSessions.remove(r.readLong());
    }

    /**
     * Hands a call its answer without decoding it; only a plain {@code rpc_error} is read here.
     *
     * @return false when the server answered CONNECTION_NOT_INITED, {@code mayReinitialize} is set, and so the
     *     call was not reported but is to be resent wrapped in initConnection
     */
    private boolean deliver(OutgoingCall<?> call, byte[] b, int off, int len, boolean mayReinitialize) {
        if (len < 4) {
            throw new TlDecodeException(0, "rpc_result of " + len + " bytes");
        }
        if ((int) INT.get(b, off) == RpcError.CONSTRUCTOR_ID) {
            RpcError error = RpcError.readBare(new TlReader(b, off + 4, len - 4));
            if (mayReinitialize && error.errorCode() == 400 && "CONNECTION_NOT_INITED".equals(error.errorMessage())) {
                return false;
            }
            listener.onError(call, RpcException.of(error.errorCode(), error.errorMessage(), call.name()));
            return true;
        }
        listener.onAnswer(call, RpcAnswer.ofBody(call, Arrays.copyOfRange(b, off, off + len)));
        return true;
    }

    private void complete(long requestMsgId, Object result) {
        Outgoing o = inFlight.remove(requestMsgId);
        if (o == null || o.call == null) {
            listener.onDropped(DropReason.UNKNOWN_REQUEST, "answer for a call no longer waited for");
            return;
        }
        listener.onAnswer(o.call, RpcAnswer.ofValue(o.call, result));
    }

    private void destroySessionAnswer(long destroyed, Object answer) {
        for (Outgoing o : inFlight.values()) {
            if (o.call != null && o.call.method() instanceof DestroySession d && d.sessionId() == destroyed) {
                complete(o.msgId, answer);
                return;
            }
        }
        if (!abandonedSessions.remove(destroyed)) {
            listener.onDropped(DropReason.UNKNOWN_REQUEST, "destroy_session answer for a call no longer waited for");
        }
    }

    private void acknowledged(List<Long> ids) {
        for (Long id : ids) {
            acknowledged(id.longValue());
        }
    }

    private void acknowledged(long id) {
        Outgoing o = inFlight.get(id);
        if (o == null) {
            return;
        }
        if (o.call == null) {
            inFlight.remove(id); // a service message: delivered, nothing more to wait for
        } else {
            o.call.markAcknowledged();
        }
    }

    /** Puts the messages of {@code badMsgId} (all of them if it was a container) back in the queue. */
    private void resend(long badMsgId, boolean keepId) {
        long[] inner = containers.remove(badMsgId);
        long[] ids = inner != null ? inner : new long[] {badMsgId};
        List<Outgoing> again = new ArrayList<>();
        for (long id : ids) {
            Outgoing o = inFlight.remove(id);
            if (o == null) {
                continue;
            }
            if (!keepId && ++o.resends > MAX_RESENDS) {
                if (o.call != null) {
                    listener.onError(o.call, new MessageRejectedException(o.call.name(), MessageRejectedException.RESEND_LIMIT,
                            "rejected " + MAX_RESENDS + " times"));
                }
                continue;
            }
            o.keepIdOnResend = keepId;
            again.add(o);
        }
        for (int i = again.size() - 1; i >= 0; i--) {
            queue.addFirst(again.get(i));
        }
    }

    private void badServerSalt(BadServerSalt bad) {
        salts.replace(bad.newServerSalt());
        resend(bad.badMsgId(), false);
    }

    private void badMessage(long notificationId, BadMsgNotification bad) {
        int code = bad.errorCode();
        switch (code) {
            case 16, 17 -> {
                clock.syncToServerMessageId(notificationId);
                long lastSeconds = MessageIdClock.secondsOf(clock.lastIssued());
                if (lastSeconds > clock.serverMillis() / 1000 + MessageIdClock.MAX_FUTURE_SECONDS) {
                    // the server's time went back past the ids already used: ids must rise within a session
                    resetRequested = SessionResetReason.CLOCK_WENT_BACK;
                } else {
                    resend(bad.badMsgId(), false);
                }
            }
            case 19, 20, 48 -> resend(bad.badMsgId(), false);
            case 32 -> resetRequested = SessionResetReason.SEQNO_TOO_LOW;
            case 33 -> resetRequested = SessionResetReason.SEQNO_TOO_HIGH;
            default -> failMessage(bad.badMsgId(), code);
        }
    }

    private void failMessage(long badMsgId, int code) {
        long[] inner = containers.remove(badMsgId);
        long[] ids = inner != null ? inner : new long[] {badMsgId};
        for (long id : ids) {
            Outgoing o = inFlight.remove(id);
            if (o != null && o.call != null) {
                listener.onError(o.call, new MessageRejectedException(o.call.name(), code, "bad_msg_notification " + code));
            }
        }
    }

    private void newSessionCreated(NewSessionCreated created) {
        salts.replace(created.serverSalt());
        List<Outgoing> before = new ArrayList<>();
        for (Outgoing o : inFlight.values()) {
            if (o.call != null && o.msgId < created.firstMsgId()) {
                before.add(o);
            }
        }
        before.sort(Comparator.comparingLong(o -> o.msgId));
        for (Outgoing o : before) {
            inFlight.remove(o.msgId);
        }
        for (int i = before.size() - 1; i >= 0; i--) {
            queue.addFirst(before.get(i));
        }
        listener.onNewSessionCreated(created.firstMsgId(), created.uniqueId());
    }

    /**
     * Answers {@code msgs_state_req} (https://core.telegram.org/mtproto/service_messages_about_messages):
     * 4 received, +8 if our ack already left, +16 if it needed none; 1 older than we remember; 3 ahead of
     * the time window; 2 not received.
     */
    private void stateRequest(long requestId, List<Long> ids) {
        byte[] info = new byte[ids.size()];
        long nowSeconds = clock.serverMillis() / 1000;
        for (int i = 0; i < info.length; i++) {
            long id = ids.get(i);
            if (received.contains(id)) {
                info[i] = (byte) (4 + (!received.isMarked(id) ? 16 : ackPending(id) ? 0 : 8));
            } else if (id <= received.floor()) {
                info[i] = 1;
            } else if (MessageIdClock.secondsOf(id) > nowSeconds + MessageIdClock.MAX_FUTURE_SECONDS) {
                info[i] = 3;
            } else {
                info[i] = 2;
            }
        }
        queueService(new MsgsStateInfo(requestId, info));
    }

    private boolean ackPending(long msgId) {
        for (int i = 0; i < ackCount; i++) {
            if (acks[i] == msgId) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code msg_resend_req}: our messages still waiting for an answer go out again with their msg_ids;
     * if any id is not such a message, the request is answered as a {@code msgs_state_req} for all of them.
     */
    private void resendRequest(long requestId, List<Long> ids) {
        List<Outgoing> again = new ArrayList<>();
        boolean allKnown = true;
        for (Long id : ids) {
            Outgoing o = inFlight.remove(id);
            if (o != null) {
                o.keepIdOnResend = true;
                again.add(o);
            } else {
                allKnown = false;
            }
        }
        for (int i = again.size() - 1; i >= 0; i--) {
            queue.addFirst(again.get(i));
        }
        if (!allKnown) {
            stateRequest(requestId, ids);
        }
    }

    private void detailedInfo(long answerMsgId) {
        if (received.contains(answerMsgId)) {
            ackIfContentRelated(answerMsgId, 1);
        } else {
            queueService(new MsgResendReq(TlLongList.of(answerMsgId)));
        }
    }
}
