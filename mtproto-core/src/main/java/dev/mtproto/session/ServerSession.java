package dev.mtproto.session;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.MessageCipher;
import dev.mtproto.crypto.MessageDirection;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.TlWriter;
import dev.mtproto.tl.mtproto.BadMsgNotification;
import dev.mtproto.tl.mtproto.BadServerSalt;
import dev.mtproto.tl.mtproto.DestroySession;
import dev.mtproto.tl.mtproto.DestroySessionNone;
import dev.mtproto.tl.mtproto.DestroySessionOk;
import dev.mtproto.tl.mtproto.FutureSalts;
import dev.mtproto.tl.mtproto.GetFutureSalts;
import dev.mtproto.tl.mtproto.GzipPacked;
import dev.mtproto.tl.mtproto.MsgResendReq;
import dev.mtproto.tl.mtproto.MsgsAck;
import dev.mtproto.tl.mtproto.MsgsStateInfo;
import dev.mtproto.tl.mtproto.MsgsStateReq;
import dev.mtproto.tl.mtproto.NewSessionCreated;
import dev.mtproto.tl.mtproto.Ping;
import dev.mtproto.tl.mtproto.PingDelayDisconnect;
import dev.mtproto.tl.mtproto.Pong;
import dev.mtproto.tl.mtproto.RpcAnswerDropped;
import dev.mtproto.tl.mtproto.RpcAnswerUnknown;
import dev.mtproto.tl.mtproto.RpcDropAnswer;
import dev.mtproto.tl.mtproto.RpcError;
import dev.mtproto.tl.mtproto.RpcResult;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of one encrypted MTProto session, without I/O: what a Telegram DC does with a client's
 * messages. Our in-process test DC drives it; tests use it to exercise {@link ClientSession} against a
 * real peer.
 *
 * <p>It checks every client message the way a DC does and answers with the matching service message:
 * wrong salt: {@code bad_server_salt}; msg_id not divisible by 4: code 18; more than 300 s old or 30 s
 * ahead of the server clock: 16/17; content-related with an even seqno or the reverse: 35/34; a container
 * whose id is not above its messages': 64. The first message of a session gets {@code new_session_created}.
 * Calls are unwrapped ({@code invokeWithLayer}, {@code initConnection}, {@code invokeWithoutUpdates}, ...),
 * executed by a {@link CallHandler}, and answered with {@code rpc_result} or {@code rpc_error}; an answer is
 * kept per request msg_id so that a request resent after a reconnect gets the same answer again instead of
 * running twice, until the client acknowledges the answer. Server messages stay queued for resending until
 * the client acknowledges them. A handler's failure other than {@link RpcException} is answered with
 * {@code 500 INTERNAL_SERVER_ERROR} and logged.
 *
 * <p>Not thread-safe: the owner serialises calls.
 */
public final class ServerSession {
    /** Answers kept for requests that may be resent. */
    public static final int ANSWER_CACHE_SIZE = 2048;
    /** The most bytes of answers kept for requests that may be resent. */
    public static final long ANSWER_CACHE_BYTES = 64L << 20;
    /** The most sent messages kept for resending while the client does not acknowledge them. */
    public static final int UNACKNOWLEDGED_LIMIT = 8192;
    private static final Logger LOG = LoggerFactory.getLogger(ServerSession.class);

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** Executes the API calls of a session. */
    @FunctionalInterface
    public interface CallHandler {
        /**
         * @param call the call, unwrapped
         * @return the result: a {@link TlObject}, a {@link Boolean} for {@code Bool}, or a {@link List} of
         *     {@code Integer}, {@code Long}, {@code String}, {@code byte[]} or {@link TlObject} for vectors;
         *     or a {@link java.util.concurrent.CompletionStage} of one of these, answered when it completes
         *     (see {@link ServerSession#deferredAnswers}) while the session goes on with other messages
         * @throws RpcException to answer with {@code rpc_error}
         */
        Object handle(ServerCall call);
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

    private static final class Pending {
        final byte[] body;
        final boolean contentRelated;
        final boolean response;
        /** For an {@code rpc_result}: the msg_id of the request it answers; else 0. */
        long answers;
        long msgId;
        int seqNo;

        Pending(byte[] body, boolean contentRelated, boolean response) {
            this.body = body;
            this.contentRelated = contentRelated;
            this.response = response;
        }
    }

    private final AuthKey authKey;
    private final long sessionId;
    private final MessageIdClock clock;
    private final RandomSource random;
    private final CallHandler handler;
    private final MessageCipher cipher;
    private final SeqNoCounter seqNo = new SeqNoCounter();
    private final ReceivedMessageIds received = new ReceivedMessageIds(4096);
    private final GzipCodec gzip = new GzipCodec(ClientSession.MAX_INFLATED_SIZE);
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final Map<Long, Pending> unacknowledged = new LinkedHashMap<>();
    /** Answers by request msg_id, until the client acknowledges them; bounded by count and bytes. */
    private final Map<Long, Pending> answers = new LinkedHashMap<>();
    private long answerBytes;
    private final TlWriter plain = new TlWriter(4096);
    private final TlWriter resultWriter = new TlWriter(1024);
    private byte[] wire = new byte[4096];

    private final ServerSaltSchedule salts;
    private boolean announced;
    private int layer;
    private int pingDisconnectDelay;
    private boolean destroyed;
    private java.util.concurrent.Executor deferredAnswers = Runnable::run;
    private java.util.function.LongPredicate otherSessions = id -> false;

    /**
     * @param authKey the key the client uses
     * @param sessionId the client's session id
     * @param salt the salt valid now (e.g. the key exchange's first salt)
     * @param clock the DC's clock (server msg_ids); skewing it makes the DC see client msg_ids as off
     * @param random randomness for salts, unique ids and padding
     * @param handler executes API calls
     */
    public ServerSession(AuthKey authKey, long sessionId, long salt, MessageIdClock clock, RandomSource random, CallHandler handler) {
        this.authKey = Objects.requireNonNull(authKey, "authKey");
        this.sessionId = sessionId;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.cipher = new MessageCipher(authKey, MessageDirection.SERVER_TO_CLIENT, random, MessageCipher.DEFAULT_MAX_ENCRYPTED_DATA_SIZE);
        this.salts = new ServerSaltSchedule(salt, nowSeconds(), this::nextRandomLong);
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
        return layer;
    }

    /**
     * Sets the layer the client announced earlier on the same key, so that a new session of a known client
     * needs no new {@code initConnection} (a DC keeps it with the authorization).
     *
     * @param knownLayer the layer, 0 if unknown
     */
    public void inheritLayer(int knownLayer) {
        if (layer == 0) {
            layer = knownLayer;
        }
    }

    /** @return the salt valid now */
    public long salt() {
        return salts.current(nowSeconds());
    }

    /** @return the {@code disconnect_delay} of the last {@code ping_delay_disconnect}, 0 if none */
    public int pingDisconnectDelay() {
        return pingDisconnectDelay;
    }

    /**
     * Sets where answers of calls whose handler returned a {@link java.util.concurrent.CompletionStage} are
     * written once it completes. The session is not thread-safe, so the owner passes an executor that takes
     * its lock, runs the task, and sends what got queued.
     *
     * @param executor runs answer tasks; by default on the completing thread
     */
    public void deferredAnswers(java.util.concurrent.Executor executor) {
        this.deferredAnswers = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Sets how {@code destroy_session} reaches the other sessions of the same key, which only the DC knows.
     *
     * @param destroyer given another session id of this key, forgets that session and says whether it
     *     existed; by default no other session exists
     */
    public void otherSessions(java.util.function.LongPredicate destroyer) {
        this.otherSessions = Objects.requireNonNull(destroyer, "destroyer");
    }

    /**
     * @return whether the client destroyed this session ({@code destroy_session} naming it, which the docs
     *     leave undefined; we answer {@code destroy_session_ok} and stop using it)
     */
    public boolean destroyed() {
        return destroyed;
    }

    /** @return whether packets are waiting */
    public boolean hasOutgoing() {
        return !queue.isEmpty();
    }

    /**
     * Makes the current salt, and every salt announced so far, invalid at once, so that the client's next
     * message gets {@code bad_server_salt}.
     */
    public void rotateSalt() {
        salts.replaceAll(nowSeconds());
    }

    /** Sends {@code new_session_created} again, as a DC does after forgetting a session. */
    public void announceNewSession(long firstMsgId) {
        queue.add(new Pending(new NewSessionCreated(firstMsgId, nextRandomLong(), salt()).toByteArray(), true, false));
    }

    /**
     * Queues updates (or any object) pushed by the server.
     *
     * @param update the object
     */
    public void push(TlObject update) {
        queue.add(new Pending(update.toByteArray(), true, false));
    }

    /**
     * The client reconnected: server messages it has not acknowledged go out again with their msg_ids.
     */
    public void onReconnect() {
        List<Pending> again = new ArrayList<>(unacknowledged.values());
        unacknowledged.clear();
        for (int i = again.size() - 1; i >= 0; i--) {
            queue.addFirst(again.get(i));
        }
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
     * @throws TlDecodeException if the body is malformed (the test DC then drops the connection, like a DC)
     */
    public void receive(long messageSalt, long msgId, int seq, byte[] body, int off, int len) {
        long now = nowSeconds();
        if (!salts.accepts(messageSalt, now)) {
            queue.add(new Pending(new BadServerSalt(msgId, seq, 48, salts.current(now)).toByteArray(), false, true));
            return;
        }
        int code = checkMessageId(msgId, now);
        if (code != 0) {
            badMessage(msgId, seq, code);
            return;
        }
        if (MessageContainers.isContainer(body, off, len)) {
            if ((seq & 1) != 0) {
                badMessage(msgId, seq, 34);
                return;
            }
            switch (received.accept(msgId)) {
                case NEW -> {
                }
                case DUPLICATE -> {
                    badMessage(msgId, seq, 19);
                    return;
                }
                default -> {
                    badMessage(msgId, seq, 20);
                    return;
                }
            }
            boolean[] valid = {true};
            MessageContainers.forEach(body, off, len, (innerId, innerSeq, b, at, bytes) -> {
                valid[0] = innerId < msgId;
                return valid[0];
            });
            if (!valid[0]) { // the container is refused as a whole: none of its messages runs
                badMessage(msgId, 0, 64);
                return;
            }
            MessageContainers.forEach(body, off, len, (innerId, innerSeq, b, at, bytes) -> {
                int innerCode = checkMessageId(innerId, now);
                if (innerCode != 0) {
                    badMessage(innerId, innerSeq, innerCode);
                } else {
                    message(innerId, innerSeq, b, at, bytes);
                }
                return true;
            });
            return;
        }
        message(msgId, seq, body, off, len);
    }

    private int checkMessageId(long msgId, long now) {
        if ((msgId & 3) != 0) {
            return 18;
        }
        long at = MessageIdClock.secondsOf(msgId);
        if (at < now - MessageIdClock.MAX_PAST_SECONDS) {
            return 16;
        }
        if (at > now + MessageIdClock.MAX_FUTURE_SECONDS) {
            return 17;
        }
        return 0;
    }

    private void badMessage(long msgId, int seq, int code) {
        queue.add(new Pending(new BadMsgNotification(msgId, seq, code).toByteArray(), false, true));
    }

    private void message(long msgId, int seq, byte[] b, int off, int len) {
        if (len < 4) {
            throw new TlDecodeException(0, "message body of " + len + " bytes");
        }
        if (!announced) { // first_msg_id is the first message's id: inside a container, the first inner one
            announced = true;
            announceNewSession(msgId);
        }
        int id = (int) INT.get(b, off);
        boolean contentRelated = id != MsgsAck.CONSTRUCTOR_ID;
        if (contentRelated != ((seq & 1) == 1)) {
            badMessage(msgId, seq, contentRelated ? 35 : 34);
            return;
        }
        switch (received.accept(msgId)) {
            case NEW -> {
            }
            case DUPLICATE -> {
                Pending answer = answers.get(msgId);
                if (answer != null) { // the same answer again, never a second execution
                    Pending again = new Pending(answer.body, true, true);
                    again.answers = msgId;
                    queue.add(again);
                }
                return;
            }
            default -> {
                badMessage(msgId, seq, 20);
                return;
            }
        }
        TlReader r = new TlReader(b, off + 4, len - 4);
        switch (id) {
            case MsgsAck.CONSTRUCTOR_ID -> {
                for (Long acked : MsgsAck.readBare(r).msgIds()) {
                    Pending p = unacknowledged.remove(acked);
                    if (p != null && p.answers != 0) {
                        forgetAnswer(p.answers); // the client has it and will not ask again
                    }
                }
            }
            case GzipPacked.CONSTRUCTOR_ID -> {
                byte[] inner = gzip.gunzip(r.readBytes());
                executeCall(msgId, new TlReader(inner).readObject());
            }
            case MsgsStateReq.CONSTRUCTOR_ID -> {
                List<Long> ids = MsgsStateReq.readBare(r).msgIds();
                byte[] info = new byte[ids.size()];
                long now = nowSeconds();
                for (int i = 0; i < info.length; i++) {
                    info[i] = stateOf(ids.get(i), now);
                }
                queue.add(new Pending(new MsgsStateInfo(msgId, info).toByteArray(), true, true));
            }
            case MsgResendReq.CONSTRUCTOR_ID -> {
                for (Long wanted : MsgResendReq.readBare(r).msgIds()) {
                    Pending p = unacknowledged.remove(wanted);
                    if (p != null) {
                        queue.add(p);
                    }
                }
            }
            case MsgsStateInfo.CONSTRUCTOR_ID, dev.mtproto.tl.mtproto.MsgsAllInfo.CONSTRUCTOR_ID,
                    dev.mtproto.tl.mtproto.MsgDetailedInfo.CONSTRUCTOR_ID, dev.mtproto.tl.mtproto.MsgNewDetailedInfo.CONSTRUCTOR_ID -> {
                // informational answers from the client; nothing to do
            }
            default -> executeCall(msgId, new TlReader(b, off, len).readObject());
        }
    }

    private void executeCall(long msgId, TlObject object) {
        if (object instanceof Ping ping) {
            queue.add(new Pending(new Pong(msgId, ping.pingId()).toByteArray(), true, true));
            return;
        }
        if (object instanceof PingDelayDisconnect ping) {
            pingDisconnectDelay = ping.disconnectDelay();
            queue.add(new Pending(new Pong(msgId, ping.pingId()).toByteArray(), true, true));
            return;
        }
        if (object instanceof GetFutureSalts get) {
            long now = nowSeconds();
            queue.add(new Pending(new FutureSalts(msgId, (int) now, salts.announce(get.num(), now)).toByteArray(), true, true));
            return;
        }
        if (object instanceof RpcDropAnswer drop) {
            answer(msgId, dropAnswer(drop.reqMsgId()));
            return;
        }
        if (object instanceof DestroySession destroy) {
            long target = destroy.sessionId();
            boolean existed = target == sessionId || otherSessions.test(target);
            destroyed |= target == sessionId;
            TlObject answer = existed ? new DestroySessionOk(target) : new DestroySessionNone(target);
            answer(msgId, answer);
            return;
        }
        if (!(object instanceof TlMethod<?> method)) {
            answerError(msgId, 400, "INPUT_METHOD_INVALID");
            return;
        }
        TlMethod<?> inner = unwrap(method);
        if (layer == 0 && !isServiceFunction(inner)) {
            answerError(msgId, 400, "CONNECTION_NOT_INITED");
            return;
        }
        Object result;
        try {
            result = handler.handle(new ServerCall(inner, msgId, layer, this));
        } catch (RuntimeException e) {
            finishCall(msgId, inner, null, e);
            return;
        }
        if (result instanceof java.util.concurrent.CompletionStage<?> later) {
            later.whenComplete((value, error) -> deferredAnswers.execute(() -> finishCall(msgId, inner, value, error)));
            return;
        }
        finishCall(msgId, inner, result, null);
    }

    /** Answers a call with its result or its failure; a handler's bug becomes a 500, never a silent drop. */
    private void finishCall(long msgId, TlMethod<?> call, Object result, Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof RpcException e) {
            answerError(msgId, e.code(), e.errorMessage());
            return;
        }
        if (cause == null) {
            try {
                resultWriter.reset();
                ServerResults.write(result, resultWriter);
                answerBytes(msgId, resultWriter.toByteArray());
                return;
            } catch (RuntimeException e) {
                cause = e;
            }
        }
        LOG.warn("the handler of " + call.tlName() + " failed; answering 500", cause);
        answerError(msgId, 500, "INTERNAL_SERVER_ERROR");
    }

    /**
     * Answers {@code rpc_drop_answer}: an answer still waiting to be sent, or sent but not acknowledged,
     * leaves the outgoing queue and is reported as dropped; one already delivered, or never made, is unknown.
     */
    private TlObject dropAnswer(long requestMsgId) {
        Pending answer = answers.get(requestMsgId);
        if (answer == null) {
            return RpcAnswerUnknown.INSTANCE;
        }
        forgetAnswer(requestMsgId);
        boolean queued = queue.removeIf(p -> p.answers == requestMsgId);
        Pending sent = null;
        for (java.util.Iterator<Pending> it = unacknowledged.values().iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (p.answers == requestMsgId) {
                it.remove();
                sent = p;
            }
        }
        if (sent == null && !queued) {
            return RpcAnswerUnknown.INSTANCE;
        }
        return sent != null ? new RpcAnswerDropped(sent.msgId, sent.seqNo, sent.body.length)
                : new RpcAnswerDropped(0, 0, answer.body.length);
    }

    /**
     * {@code msgs_state_req}: 4 received; 1 below what the session can still tell (older than the replay
     * window or the time window); 3 ahead of the time window; 2 not received.
     */
    private byte stateOf(long id, long now) {
        if (received.contains(id)) {
            return 4;
        }
        long at = MessageIdClock.secondsOf(id);
        if (id <= received.floor() || at < now - MessageIdClock.MAX_PAST_SECONDS) {
            return 1;
        }
        return (byte) (at > now + MessageIdClock.MAX_FUTURE_SECONDS ? 3 : 2);
    }

    private void forgetAnswer(long requestMsgId) {
        Pending removed = answers.remove(requestMsgId);
        if (removed != null) {
            answerBytes -= removed.body.length;
        }
    }

    static boolean isServiceFunction(TlObject method) {
        return dev.mtproto.tl.mtproto.MtprotoSchema.INSTANCE.nameOf(method.constructorId()) != null;
    }

    private TlMethod<?> unwrap(TlMethod<?> method) {
        return unwrap(method, announced -> layer = announced);
    }

    /**
     * Removes the wrappers a client puts around calls: {@code invokeWithLayer}, {@code initConnection},
     * {@code invokeWithoutUpdates}, {@code invokeAfterMsg(s)}, {@code invokeWithTakeout},
     * {@code invokeWithMessagesRange}, {@code invokeWithBusinessConnection}.
     *
     * @param method a call as sent
     * @param layerSeen told the layer of an {@code invokeWithLayer}, if there is one
     * @return the innermost call
     */
    public static TlMethod<?> unwrap(TlMethod<?> method, java.util.function.IntConsumer layerSeen) {
        TlMethod<?> m = method;
        while (true) {
            if (m instanceof dev.mtproto.tl.api.InvokeWithLayer<?> w) {
                layerSeen.accept(w.layer());
                m = w.query();
            } else if (m instanceof dev.mtproto.tl.api.InitConnection<?> w) {
                m = w.query();
            } else if (m instanceof dev.mtproto.tl.api.InvokeWithoutUpdates<?> w) {
                m = w.query();
            } else if (m instanceof dev.mtproto.tl.api.InvokeAfterMsg<?> w) {
                m = w.query();
            } else if (m instanceof dev.mtproto.tl.api.InvokeAfterMsgs<?> w) {
                m = w.query();
            } else if (m instanceof dev.mtproto.tl.api.InvokeWithTakeout<?> w) {
                m = w.query();
            } else if (m instanceof dev.mtproto.tl.api.InvokeWithMessagesRange<?> w) {
                m = w.query();
            } else if (m instanceof dev.mtproto.tl.api.InvokeWithBusinessConnection<?> w) {
                m = w.query();
            } else {
                return m;
            }
        }
    }

    private void answer(long reqMsgId, TlObject result) {
        answerBytes(reqMsgId, result.toByteArray());
    }

    private void answerError(long reqMsgId, int code, String message) {
        answer(reqMsgId, new RpcError(code, message));
    }

    private void answerBytes(long reqMsgId, byte[] result) {
        byte[] payload = result;
        if (result.length >= ClientSession.GZIP_THRESHOLD) {
            byte[] gz = gzip.gzip(result, 0, result.length);
            if (gz.length + 8 < result.length) {
                payload = new GzipPacked(gz).toByteArray();
            }
        }
        TlWriter w = new TlWriter(payload.length + 12);
        w.writeInt(RpcResult.CONSTRUCTOR_ID);
        w.writeLong(reqMsgId);
        w.writeRaw(payload);
        Pending answer = new Pending(w.toByteArray(), true, true);
        answer.answers = reqMsgId;
        forgetAnswer(reqMsgId);
        answers.put(reqMsgId, answer);
        answerBytes += answer.body.length;
        for (java.util.Iterator<Pending> it = answers.values().iterator();
                it.hasNext() && (answers.size() > ANSWER_CACHE_SIZE || answerBytes > ANSWER_CACHE_BYTES); ) {
            answerBytes -= it.next().body.length;
            it.remove();
        }
        queue.add(answer);
    }

    // ------------------------------------------------------------------ outgoing

    /**
     * Builds the next packet for the client: queued messages (and acks), in a container when there are
     * several.
     *
     * @return the encrypted packet, or {@code null} when nothing is queued
     */
    public OutboundPacket nextPacket() {
        if (queue.isEmpty()) {
            return null; // answers acknowledge their requests implicitly; no separate acks are sent
        }
        List<Pending> batch = new ArrayList<>();
        int bytes = 0;
        while (!queue.isEmpty() && batch.size() < ClientSession.MAX_CONTAINER_MESSAGES) {
            Pending next = queue.peek();
            if (!batch.isEmpty() && bytes + next.body.length + 16 > ClientSession.MAX_CONTAINER_BYTES) {
                break;
            }
            batch.add(queue.poll());
            bytes += next.body.length + 16;
        }
        for (Pending p : batch) {
            if (p.msgId == 0) {
                p.msgId = clock.nextServerId(p.response);
                p.seqNo = seqNo.next(p.contentRelated);
            }
            if (p.contentRelated) {
                unacknowledged.put(p.msgId, p);
            }
        }
        for (java.util.Iterator<Long> it = unacknowledged.keySet().iterator(); unacknowledged.size() > UNACKNOWLEDGED_LIMIT; ) {
            it.next(); // a client that never acknowledges: forget the oldest rather than grow without end
            it.remove();
        }
        plain.reset();
        plain.writeLong(salt());
        plain.writeLong(sessionId);
        if (batch.size() == 1) {
            Pending p = batch.get(0);
            MessageContainers.writeMessage(plain, p.msgId, p.seqNo, p.body);
        } else {
            int lengthAt = MessageContainers.begin(plain, clock.nextServerId(false), seqNo.next(false), batch.size());
            for (Pending p : batch) {
                MessageContainers.writeMessage(plain, p.msgId, p.seqNo, p.body);
            }
            MessageContainers.end(plain, lengthAt);
        }
        int length = cipher.wireLength(plain.size(), 0);
        if (wire.length < length) {
            wire = new byte[Math.max(length, wire.length * 2)];
        }
        int written = cipher.encrypt(plain.buffer(), 0, plain.size(), 0, wire, 0);
        return new OutboundPacket(wire, written, false);
    }

    /**
     * Drops every message of the session still waiting for an acknowledgement (a DC that forgot it).
     */
    public void forgetUnacknowledged() {
        unacknowledged.clear();
    }

    /** Releases native memory. */
    public void close() {
        gzip.close();
    }

    @Override
    public String toString() {
        return "ServerSession{authKeyId=" + Long.toHexString(authKey.id()) + ", sessionId=" + Long.toHexString(sessionId) + "}";
    }

    /** @return the message ids waiting for acknowledgement, oldest first (for tests) */
    List<Long> unacknowledgedIds() {
        return List.copyOf(unacknowledged.keySet());
    }
}
