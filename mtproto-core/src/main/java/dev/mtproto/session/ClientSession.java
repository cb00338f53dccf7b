package dev.mtproto.session;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.MessageCipher;
import dev.mtproto.crypto.MessageDirection;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.tl.TlMethod;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The client side of one encrypted MTProto session, as a state machine without I/O
 * (https://core.telegram.org/mtproto/description, /service_messages, /service_messages_about_messages).
 *
 * <p>Calls go in with {@link #submit}; {@link #nextPacket} turns what is queued (calls, pending acks,
 * service answers) into one encrypted packet, several messages in a {@code msg_container}; frames from the
 * transport go in with {@link #onFrame}, which decrypts and checks them and reports answers, errors and
 * updates to the {@link SessionListener}. Timers are the caller's: {@link #expire} fails overdue calls,
 * {@link #onConnectionLost} prepares resending on the next connection. The work is done by parts with one
 * job each: {@link OutgoingCalls} (submitting, cancelling, the next packet), {@link OutboundPacker} (queue,
 * ids, acks, containers, gzip), {@link SentMessages} (what waits
 * for an answer), {@link InboundUnpacker} (decryption and checks, containers, gzip, copies) and
 * {@link ServiceMessages} (what each server message means); the package documentation has the rules.
 *
 * <p>Not thread-safe: the owner serialises calls (one lock per session). Listener callbacks run at the end
 * of the method that caused them, so a listener may call {@link #submit} from one.
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

    private final AuthKey authKey;
    private final MessageCipher cipher;
    private final RandomSource random;
    private final MessageIdClock clock;
    private final ServerSalts salts;
    private final SessionEvents events;
    private final OutboundPacker packer;
    private final SentMessages sent = new SentMessages();
    private final InboundUnpacker inbound;
    private final ServiceMessages service;
    private final AbandonedSessions abandoned;
    private final ConnectionLoss loss;
    private final SessionTimer timer;
    private final OutgoingCalls outgoing;
    private final Inboxes inboxes = new Inboxes();
    private long sessionId;
    private boolean closed;

    /**
     * Starts a session with a fresh random session id.
     *
     * @param authKey the authorization key of the DC
     * @param firstSalt the server salt to start with (from the key exchange or the session store)
     * @param clock msg_ids and server time (its offset from the key exchange or the store)
     * @param random where session ids and padding come from ({@link RandomSource#secure()} outside tests)
     * @param listener receives answers, errors and updates
     * @param replayWindow how many received msg_ids to remember at most (a few thousand)
     * @param maxPacketSize the largest packet the transport carries (its frame limit); no packet is made
     *     larger, and {@link #submit} refuses a call that cannot fit
     * @throws IllegalArgumentException if {@code maxPacketSize} cannot hold even a small message
     */
    public ClientSession(AuthKey authKey, long firstSalt, MessageIdClock clock, RandomSource random,
                         SessionListener listener, int replayWindow, int maxPacketSize) {
        if (maxPacketSize < MIN_PACKET_SIZE) {
            throw new IllegalArgumentException("maxPacketSize must be at least " + MIN_PACKET_SIZE + ", got " + maxPacketSize);
        }
        this.authKey = Objects.requireNonNull(authKey, "authKey");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.events = new SessionEvents(Objects.requireNonNull(listener, "listener"));
        this.cipher = new MessageCipher(authKey, MessageDirection.CLIENT_TO_SERVER, random, MessageCipher.DEFAULT_MAX_ENCRYPTED_DATA_SIZE);
        this.salts = new ServerSalts(firstSalt);
        this.packer = new OutboundPacker(cipher, clock, maxPacketSize);
        this.inbound = new InboundUnpacker(cipher, clock, events);
        this.service = new ServiceMessages(sent, packer, salts, clock, events, replayWindow);
        this.abandoned = new AbandonedSessions(events, replayWindow);
        SessionParts parts = new SessionParts(sent, packer, service, abandoned, events);
        this.loss = new ConnectionLoss(parts);
        this.timer = new SessionTimer(parts);
        this.outgoing = new OutgoingCalls(parts, cipher, salts);
        this.sessionId = newSessionId();
    }

    private long newSessionId() {
        long id;
        do {
            id = random.nextLong();
        } while (id == 0);
        return id;
    }

    /**
     * Sets how to introduce the client to the server: a function that wraps an API call in
     * {@code invokeWithLayer(layer, initConnection(..., call))}. The first API call after the session starts,
     * after a session reset and after {@link #onConnectionLost()} is sent wrapped, so that every new session
     * and connection announces the layer before it is used. Service calls (ping, salts) are never wrapped.
     *
     * @param wrapper the wrapper, or {@code null} to send calls as they are
     */
    public void initWrapper(UnaryOperator<TlMethod<?>> wrapper) {
        packer.initWrapper(wrapper);
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
        return salts.current(nowSeconds());
    }

    /** @return the server salts, to ask for more when {@link ServerSalts#needsRefresh} says so */
    public ServerSalts salts() {
        return salts;
    }

    /** @return how many calls are waiting to be sent or answered */
    public int pendingCalls() {
        return sent.calls() + abandoned.calls() + packer.queuedCalls();
    }

    /** @return whether {@link #nextPacket} has something to send */
    public boolean hasOutgoing() {
        return packer.hasQueued() || packer.pendingAcks() > 0;
    }

    /** @return whether messages are queued besides acks */
    public boolean hasQueuedMessages() {
        return packer.hasQueued();
    }

    /**
     * @return how many frames passed decryption (so came from a server holding our key) and named our
     *     session, since the session was created
     */
    public long authenticatedFrames() {
        return inbound.authenticatedFrames();
    }

    /** @return how many acks wait to be sent */
    public int pendingAcks() {
        return packer.pendingAcks();
    }

    private long nowSeconds() {
        return clock.serverMillis() / 1000;
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
        ensureOpen();
        outgoing.submit(call);
    }

    private void ensureOpen() {
        if (closed) {
            throw new SessionClosedException("the session is closed", false);
        }
    }

    /**
     * @return a new msg_id of this session, for a message whose body must name its own msg_id (the
     *     binding of a temporary key); give it to {@link #submitWithId} before any other message is packed
     */
    public long reserveMessageId() {
        return clock.nextClientId();
    }

    /**
     * Queues a call ahead of everything else, with a msg_id from {@link #reserveMessageId()} that it keeps
     * (inside {@code invokeWithLayer(initConnection(...))} when it is the session's first API call, which
     * keeps the msg_id too): {@code auth.bindTempAuthKey}, whose encrypted inner message must carry the
     * msg_id of the request itself.
     *
     * @param call the call
     * @param msgId the reserved msg_id
     * @throws SessionClosedException if the session was closed
     * @throws RequestTooLargeException if the call cannot fit in one packet
     */
    public void submitWithId(OutgoingCall<?> call, long msgId) {
        ensureOpen();
        outgoing.submitWithId(call, msgId);
    }

    /**
     * Stops waiting for a call. A call not sent yet is dropped; one already sent stays unanswered and an
     * {@code rpc_drop_answer} asks the server not to send its result. The listener is not told.
     *
     * @param call the call
     * @return whether the call was still pending
     */
    public boolean cancel(OutgoingCall<?> call) {
        return outgoing.cancel(call);
    }

    /**
     * Builds the next packet: pending acks and queued messages, in one container when there are several,
     * never larger than the packet limit.
     *
     * @param quickAck whether the caller will ask the transport for a quick ack of this packet
     * @return the packet, or {@code null} when there is nothing to send
     */
    public OutboundPacket nextPacket(boolean quickAck) {
        if (closed || !hasOutgoing()) {
            return null;
        }
        return outgoing.nextPacket(sessionId, nowSeconds(), quickAck);
    }

    // ------------------------------------------------------------------ timers and connection events

    /**
     * The owner's timer: fails calls whose deadline passed ({@link RequestTimeoutException}; for a call left
     * in an abandoned session {@link OutcomeUnknownException}), asks the server about calls sent long ago
     * and still unanswered ({@code msgs_state_req}), forgets old service messages, and asks the server to
     * forget abandoned sessions nothing of which waits any more.
     *
     * @param nowNanos the current {@link System#nanoTime()}
     */
    public void expire(long nowNanos) {
        timer.run(nowNanos, nowSeconds());
        events.flush();
    }

    /**
     * The connection dropped. Calls that were sent but not answered are not sent again straight away: the
     * server may have forgotten the session meanwhile (a restart), and a new session would run a resent
     * msg_id again. They stay in flight and the next connection asks about them first
     * ({@code msgs_state_req}): received (4) means the answer is coming (the server sends its unacknowledged
     * answers again on a new connection); not received (2, 3) sends the call again under a new msg_id; a
     * session the server forgot announces itself with {@code new_session_created} (and answers 1), and the
     * calls fail with {@link OutcomeUnknownException}. Service messages are not resent; acks still owed stay
     * owed.
     */
    public void onConnectionLost() {
        loss.lost(true, nowSeconds());
    }

    /**
     * The DC closed the connection with transport error -404: it could not read what came on it (it does not
     * know the key, or could not decrypt). As {@link #onConnectionLost()}, except that calls sent only on
     * that connection are not taken as {@linkplain OutgoingCall#mayHaveReachedServer() possibly received}.
     */
    public void onKeyRefused() {
        loss.lost(false, nowSeconds());
    }

    /**
     * Starts a new session on the same key: new session id, seqnos from zero, an empty replay window. Calls
     * not sent yet go in the new session; calls already sent may have run, so they are never sent again:
     * they wait for their answers from the old session (whose frames are still accepted), and fail with
     * {@link OutcomeUnknownException} if none comes by their deadline. Once nothing of the old session
     * waits, a {@code destroy_session} lets the server forget it (and stop keeping updates for it).
     */
    public void resetSession() {
        resetSession(SessionResetReason.REQUESTED, List.of());
        events.flush();
    }

    /** @param refused the msg_ids the server refused (so did not run) in the notifications that asked for it */
    private void resetSession(SessionResetReason reason, List<Long> refused) {
        long old = sessionId;
        sessionId = newSessionId();
        clock.restartSequence();
        abandoned.abandon(old, refused, sent, packer, service);
        packer.newSession();
        service.newSession();
        events.sessionReset(reason);
    }

    /**
     * Ends the session without failing its calls, handing back every call not answered yet (queued, sent, or
     * waiting in a session left earlier) in the order they were made, for the owner to fail (the client
     * closing). To move calls to a session under a new key use {@link #takeCallsForNewKey()}.
     *
     * @return the unanswered calls
     */
    public List<OutgoingCall<?>> takePendingCalls() {
        closed = true;
        return loss.takeAll();
    }

    /**
     * Ends the session because the DC forgot its key, handing back the calls that may be sent in a new
     * session (under a new key) in the order they were made: those the server cannot have received. The
     * others fail through the listener with {@link OutcomeUnknownException}: calls waiting in a session left
     * earlier, and calls that {@linkplain OutgoingCall#mayHaveReachedServer() may have reached the server}
     * (acknowledged, or sent on a connection lost before), which a new session would run a second time.
     *
     * @return the calls to submit to the next session
     */
    public List<OutgoingCall<?>> takeCallsForNewKey() {
        closed = true;
        List<OutgoingCall<?>> again = loss.takeForNewKey();
        events.flush();
        return again;
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
        loss.failAll(reason);
        events.flush();
    }

    /**
     * The transport delivered a quick-ack token: the calls of the matching packet count as acknowledged,
     * as if by {@code msgs_ack}. Tokens of packets this session did not ask about are ignored.
     *
     * @param token the token, with its top bit set
     */
    public void onQuickAck(int token) {
        long[] ids = sent.takeQuickAck(token);
        if (ids == null) {
            return;
        }
        for (long id : ids) {
            sent.acknowledged(id);
        }
        events.quickAck(ids);
        events.flush();
    }

    // ------------------------------------------------------------------ incoming

    /** The inbox of each session id of ours (a class rather than a lambda: made once, visible to heap tools). */
    private final class Inboxes implements java.util.function.LongFunction<InboundUnpacker.Inbox> {
        @Override
        public InboundUnpacker.Inbox apply(long session) {
            return session == sessionId ? service : abandoned.find(session);
        }
    }

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
        inbound.onFrame(buf, off, len, inboxes);
        SessionResetReason reset = service.takeResetRequest();
        if (reset != null) {
            // only now: the rest of the frame (say, results in the same container) belonged to the old session
            resetSession(reset, service.resetRefused());
        }
        abandoned.destroyFinished(packer, service);
        events.flush();
    }
}
