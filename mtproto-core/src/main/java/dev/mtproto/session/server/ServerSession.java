package dev.mtproto.session.server;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.MessageCipher;
import dev.mtproto.crypto.MessageDirection;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.session.GzipCodec;
import dev.mtproto.session.MessageIdClock;
import dev.mtproto.session.OutboundPacket;
import dev.mtproto.session.ReceivedMessageIds;
import dev.mtproto.session.SeqNoCounter;
import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.mtproto.NewSessionCreated;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.LongPredicate;

/**
 * The server side of one encrypted MTProto session, without I/O: what a Telegram DC does with a client's
 * messages. Our in-process test DC drives it; tests use it to exercise the client session against a real
 * peer.
 *
 * <p>It checks every client message the way a DC does and answers a failure with the matching service
 * message (https://core.telegram.org/mtproto/service_messages_about_messages): msg_id not divisible by 4:
 * code 18; more than 300 s old or 30 s ahead of the server clock: 16/17 (checked before the salt, which is
 * valid by time); wrong salt: {@code bad_server_salt}; content-related with an even seqno: 35; a seqno lower than that of a message with
 * a lower msg_id: 32; a container whose id is not above its messages': 64 (the container is refused as a
 * whole). What Telegram lets pass ({@link Leniency}: an odd seqno on an ack or a container, a seqno too
 * high) passes and is reported, unless the {@link ServerSessionSettings} ask for strict checks, which
 * answer it with its documented code (34, 33). The first message of a session gets
 * {@code new_session_created}.
 *
 * <p>Service messages are answered by the session itself; API calls are unwrapped, executed by a
 * {@link CallHandler} and answered with {@code rpc_result} or {@code rpc_error}; an answer is kept per
 * request msg_id so that a request resent after a reconnect gets the same answer again instead of running
 * twice, until the client acknowledges the answer. Server messages stay queued for resending until the
 * client acknowledges them, within the bounds of {@link ServerSessionSettings.Builder#outboundLimit}.
 *
 * <p>Not thread-safe: the owner serialises calls.
 */
public final class ServerSession {
    /** Largest decompressed {@code gzip_packed} accepted from a client. */
    public static final int MAX_INFLATED_SIZE = 16 << 20;
    private static final int REPLAY_WINDOW = 4096;

    /** Executes the API calls of a session. */
    @FunctionalInterface
    public interface CallHandler {
        /**
         * @param call the call, unwrapped
         * @return the result: a {@link TlObject}, a {@link Boolean} for {@code Bool}, or a {@link List} of
         *     {@code Integer}, {@code Long}, {@code String}, {@code byte[]} or {@link TlObject} for vectors;
         *     or a {@link CompletionStage} of one of these, answered when it completes (see
         *     {@link ServerSession#deferredAnswers}) while the session goes on with other messages
         * @throws RpcException to answer with {@code rpc_error}
         */
        Object handle(ServerCall call);
    }

    /**
     * Decides, as a call is about to run, whether the DC reads it at all. A test DC's connection faults use
     * it: "the connection dropped before the call arrived".
     */
    @FunctionalInterface
    public interface CallAdmission {
        /**
         * @param call the call, unwrapped, after the session's checks passed and before it runs
         * @return {@code false} to act as if the message never arrived: it does not run, is not recorded as
         *     received (so the client may send it again with the same msg_id), and the rest of the packet is
         *     not read; {@link ServerSession#receive} then returns {@code false}
         */
        boolean admit(TlMethod<?> call);
    }

    /**
     * One call as the handler sees it.
     *
     * @param method the function, with wrappers removed
     * @param requestMsgId the msg_id the client sent it with
     * @param layer the API layer the client announced with {@code invokeWithLayer} (0 if never)
     * @param session the session it came in
     */
    public record ServerCall(TlMethod<?> method, long requestMsgId, int layer, ServerSession session) {
    }

    private final AuthKey authKey;
    private final long sessionId;
    private final MessageIdClock clock;
    private final RandomSource random;
    private final SeqNoCounter seqNo = new SeqNoCounter();
    private final GzipCodec gzip = new GzipCodec(MAX_INFLATED_SIZE);
    private final ServerSaltSchedule salts;
    private final OutboundQueue queue;
    private final PacketWriter packets;
    private final Answers answers;
    private final CallRunner calls;
    private final ServiceMessages services;
    private final InboundMessages inbound;
    private LayerCodec layers = LayerCodec.CURRENT;

    /**
     * @param authKey the key the client uses
     * @param sessionId the client's session id
     * @param salt the salt valid now (e.g. the key exchange's first salt)
     * @param clock the DC's clock (server msg_ids); skewing it makes the DC see client msg_ids as off
     * @param random randomness for salts, unique ids and padding
     * @param handler executes API calls
     */
    public ServerSession(AuthKey authKey, long sessionId, long salt, MessageIdClock clock, RandomSource random, CallHandler handler) {
        this(authKey, sessionId, salt, clock, random, handler, ServerSessionSettings.lenient());
    }

    /**
     * @param authKey the key the client uses
     * @param sessionId the client's session id
     * @param salt the salt valid now (e.g. the key exchange's first salt)
     * @param clock the DC's clock (server msg_ids); skewing it makes the DC see client msg_ids as off
     * @param random randomness for salts, unique ids and padding
     * @param handler executes API calls
     * @param settings how strict the checks are, and where leniencies are reported
     */
    public ServerSession(AuthKey authKey, long sessionId, long salt, MessageIdClock clock, RandomSource random, CallHandler handler,
            ServerSessionSettings settings) {
        Objects.requireNonNull(settings, "settings");
        this.authKey = Objects.requireNonNull(authKey, "authKey");
        this.sessionId = sessionId;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        MessageCipher cipher = new MessageCipher(authKey, MessageDirection.SERVER_TO_CLIENT, random, MessageCipher.DEFAULT_MAX_ENCRYPTED_DATA_SIZE);
        this.queue = new OutboundQueue(clock, seqNo, settings.outboundMessages(), settings.outboundBytes());
        this.packets = new PacketWriter(cipher, clock, seqNo);
        this.salts = new ServerSaltSchedule(salt, nowSeconds(), this::nextRandomLong);
        this.answers = new Answers(queue, gzip);
        this.calls = new CallRunner(this, handler, answers);
        ReceivedMessageIds received = new ReceivedMessageIds(REPLAY_WINDOW);
        this.services = new ServiceMessages(sessionId, queue, answers, calls, received, salts, this::nowSeconds);
        this.inbound = new InboundMessages(this, new InboundChecks(settings), salts, queue, answers, services, calls, gzip, received);
    }

    /** @return the client's session id */
    public long sessionId() {
        return sessionId;
    }

    /** @return the key of the session */
    public AuthKey authKey() {
        return authKey;
    }

    /** @return the layer the client announced, 0 if none yet */
    public int layer() {
        return calls.layer();
    }

    /**
     * Sets the layer the client announced earlier on the same key, so that a new session of a known client
     * needs no new {@code initConnection} (a DC keeps it with the authorization).
     *
     * @param knownLayer the layer, 0 if unknown
     */
    public void inheritLayer(int knownLayer) {
        calls.inheritLayer(knownLayer);
    }

    /** @return the salt valid now */
    public long salt() {
        return salts.current(nowSeconds());
    }

    /** @return the {@code disconnect_delay} of the last {@code ping_delay_disconnect}, 0 if none */
    public int pingDisconnectDelay() {
        return services.pingDisconnectDelay();
    }

    /**
     * Sets where answers of calls whose handler returned a {@link CompletionStage} are written once it
     * completes. The session is not thread-safe, so the owner passes an executor that takes its lock, runs
     * the task, and sends what got queued.
     *
     * @param executor runs answer tasks; by default on the completing thread
     */
    public void deferredAnswers(Executor executor) {
        calls.deferredAnswers(executor);
    }

    /**
     * Sets what decides, just before a call runs, whether the DC reads it at all.
     *
     * @param admission the decision; by default every call is admitted
     */
    public void callAdmission(CallAdmission admission) {
        calls.admission(admission);
    }

    /**
     * Sets how calls are read and answers and updates written for clients of other API layers.
     *
     * @param codec the codec; by default {@link LayerCodec#CURRENT}: every client speaks the generated layer
     */
    public void layerCodec(LayerCodec codec) {
        this.layers = Objects.requireNonNull(codec, "codec");
    }

    /** @return how calls are read and answers and updates written for the client's layer */
    LayerCodec layerCodec() {
        return layers;
    }

    /** @return how many messages were dropped because the client let too many pile up (see {@link ServerSessionSettings.Builder#outboundLimit}) */
    public long droppedOutbound() {
        return queue.dropped();
    }

    /**
     * Sets how {@code destroy_session} reaches the other sessions of the same key, which only the DC knows.
     *
     * @param destroyer given another session id of this key, forgets that session and says whether it
     *     existed; by default no other session exists
     */
    public void otherSessions(LongPredicate destroyer) {
        services.otherSessions(destroyer);
    }

    /**
     * @return whether the client destroyed this session ({@code destroy_session} naming it, which the docs
     *     leave undefined; we answer {@code destroy_session_ok} and stop using it)
     */
    public boolean destroyed() {
        return services.destroyed();
    }

    /** @return whether packets are waiting */
    public boolean hasOutgoing() {
        return queue.hasWaiting();
    }

    /**
     * Makes the current salt, and every salt announced so far, invalid at once, so that the client's next
     * message gets {@code bad_server_salt}.
     */
    public void rotateSalt() {
        salts.replaceAll(nowSeconds());
    }

    /**
     * Sends {@code new_session_created} again, as a DC does after forgetting a session.
     *
     * @param firstMsgId the msg_id of the first client message of the new session
     */
    public void announceNewSession(long firstMsgId) {
        byte[] body = new NewSessionCreated(firstMsgId, nextRandomLong(), salt()).toByteArray();
        queue.add(new OutboundMessage(body, true, false, OutboundMessage.Kind.SERVICE, 0));
    }

    /**
     * Queues updates (or any object) pushed by the server, in the client's layer (see {@link #layerCodec}).
     *
     * @param update the object
     */
    public void push(TlObject update) {
        byte[] body = layers.writeUpdate(update.toByteArray(), layer());
        if (body != null) { // null: the client's layer has no such update
            queue.add(new OutboundMessage(body, true, false, OutboundMessage.Kind.UPDATE, 0));
        }
    }

    /** The client reconnected: server messages it has not acknowledged go out again with their msg_ids. */
    public void onReconnect() {
        queue.requeueUnacknowledged();
    }

    /** Drops every message of the session still waiting for an acknowledgement (a DC that forgot it). */
    public void forgetUnacknowledged() {
        queue.forgetUnacknowledged();
    }

    /** @return the message ids waiting for acknowledgement, oldest first (for tests) */
    public List<Long> unacknowledgedIds() {
        return queue.unacknowledgedIds();
    }

    // ------------------------------------------------------------------ incoming

    /**
     * Processes one decrypted client message.
     *
     * @param messageSalt the salt the client used
     * @param msgId the message's id
     * @param seq its seqno
     * @param body the buffer holding its body
     * @param off where the body starts
     * @param len its length
     * @return {@code false} if the {@link CallAdmission} refused a call: the message, and any after it in
     *     the same container, were not read; the owner should drop the connection without sending
     * @throws TlDecodeException if the body is malformed (the test DC then drops the connection, like a DC)
     */
    public boolean receive(long messageSalt, long msgId, int seq, byte[] body, int off, int len) {
        return inbound.receive(messageSalt, msgId, seq, body, off, len, nowSeconds());
    }

    // ------------------------------------------------------------------ outgoing

    /**
     * Builds the next packet for the client: queued messages, in a container when there are several.
     *
     * @return the encrypted packet, or {@code null} when nothing is queued; its buffer is reused by the next call
     */
    public OutboundPacket nextPacket() {
        // answers acknowledge their requests implicitly; no separate acks are sent
        List<OutboundMessage> batch = queue.nextBatch(PacketWriter.MAX_CONTAINER_MESSAGES, PacketWriter.MAX_CONTAINER_BYTES);
        return batch.isEmpty() ? null : packets.write(salt(), sessionId, batch);
    }

    /** Releases native memory. */
    public void close() {
        gzip.close();
    }

    @Override
    public String toString() {
        return "ServerSession{authKeyId=" + Long.toHexString(authKey.id()) + ", sessionId=" + Long.toHexString(sessionId) + "}";
    }

    private long nowSeconds() {
        return clock.serverMillis() / 1000;
    }

    private long nextRandomLong() {
        byte[] b = new byte[8];
        random.nextBytes(b, 0, 8);
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }
}
