package dev.mtproto.session.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.session.MessageContainers;
import dev.mtproto.session.MessageIdClock;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlWriter;
import dev.mtproto.tl.api.InvokeWithLayer;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.tl.mtproto.BadMsgNotification;
import dev.mtproto.tl.mtproto.MsgsStateInfo;
import dev.mtproto.tl.mtproto.MsgsStateReq;
import dev.mtproto.tl.mtproto.RpcAnswerDropped;
import dev.mtproto.tl.mtproto.RpcDropAnswer;
import dev.mtproto.tl.mtproto.RpcResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rules of a DC's session beyond the per-message checks: containers as a whole, drop answers, state info, handlers. */
class ServerSessionRulesTest {
    private static final long SALT = 42;
    private final AtomicInteger executions = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicReference<Object> nextResult = new java.util.concurrent.atomic.AtomicReference<>();
    private final MessageIdClock clientClock = MessageIdClock.system();
    private AuthKey key;
    private ServerSession server;
    private int seq;
    /** The msg_id of every message the server sent, containers' inner messages included. */
    private final List<Long> serverIds = new ArrayList<>();

    @BeforeEach
    void setUp() {
        byte[] k = new byte[256];
        RandomSource.secure().nextBytes(k, 0, k.length);
        key = AuthKey.of(k);
        server = new ServerSession(key, 7, SALT, MessageIdClock.system(), RandomSource.secure(), call -> {
            executions.incrementAndGet();
            Object scripted = nextResult.getAndSet(null);
            return scripted != null ? scripted : new NearestDc("XX", 1, 1);
        });
    }

    private TlObject call() {
        return new InvokeWithLayer<>(223, dev.mtproto.tl.api.InitConnection.<dev.mtproto.tl.api.NearestDcType>builder().apiId(1)
                .deviceModel("d").systemVersion("s").appVersion("a").systemLangCode("en").langPack("").langCode("en")
                .query(GetNearestDc.INSTANCE).build());
    }

    private void send(long msgId, int seqNo, TlObject body) {
        byte[] b = body.toByteArray();
        server.receive(SALT, msgId, seqNo, b, 0, b.length);
    }

    private void sendContainer(long containerId, long[] ids, TlObject[] bodies) {
        TlWriter w = new TlWriter();
        int at = MessageContainers.begin(w, containerId, 0, ids.length);
        for (int i = 0; i < ids.length; i++) {
            MessageContainers.writeMessage(w, ids[i], seq++ * 2 + 1, bodies[i].toByteArray());
        }
        MessageContainers.end(w, at);
        byte[] all = w.toByteArray();
        server.receive(SALT, containerId, 0, all, 16, all.length - 16);
    }

    private List<TlObject> replies() {
        List<ServerReplies.Message> messages = ServerReplies.drain(server, key);
        messages.forEach(m -> serverIds.add(m.msgId()));
        return messages.stream().map(ServerReplies.Message::body).toList();
    }

    /** @return only the rpc_results among the replies (a first message also gets new_session_created) */
    private List<TlObject> results() {
        return replies().stream().filter(o -> o instanceof RpcResult).toList();
    }

    /** A container is checked as a whole: a bad inner id (64) must not leave earlier inner calls executed. */
    @Test
    void invalidContainerExecutesNothing() {
        long good = clientClock.nextClientId();
        long containerId = clientClock.nextClientId();
        long bad = containerId + 4; // above the container's id: invalid container
        sendContainer(containerId, new long[] {good, bad}, new TlObject[] {call(), call()});
        assertThat(replies()).contains(new BadMsgNotification(containerId, 0, 64));
        assertThat(executions).as("inner call executed although the container was rejected").hasValue(0);
    }

    /** Inner msg_ids get the same 16/17 window check as top-level ones. */
    @Test
    void innerMessageIdsAreCheckedAgainstTheTimeWindow() {
        long ancient = (System.currentTimeMillis() / 1000 - 3600) << 32; // an hour old
        long containerId = clientClock.nextClientId();
        sendContainer(containerId, new long[] {ancient}, new TlObject[] {call()});
        assertThat(replies()).anySatisfy(o -> assertThat(o).isEqualTo(new BadMsgNotification(ancient, 1, 16)));
        assertThat(executions).hasValue(0);
    }

    /** Inner msg_id 0 is the hash table's empty marker: it is never remembered, so it replays forever. */
    @Test
    void innerMessageIdZeroIsNotAReplayHole() {
        for (int i = 0; i < 3; i++) {
            sendContainer(clientClock.nextClientId(), new long[] {0}, new TlObject[] {call()});
            replies();
        }
        assertThat(executions).as("the same msg_id 0 executed again and again").hasValue(0);
    }

    /** rpc_answer_dropped names the dropped RESPONSE message, and the response leaves the resend queue. */
    @Test
    void droppedAnswerIsNotResentOnReconnect() {
        long req = clientClock.nextClientId();
        send(req, seq++ * 2 + 1, call());
        replies(); // answer sent, not yet acknowledged
        long drop = clientClock.nextClientId();
        send(drop, seq++ * 2 + 1, new RpcDropAnswer(req));
        RpcResult r = (RpcResult) replies().get(0);
        RpcAnswerDropped dropped = (RpcAnswerDropped) r.result();
        assertThat(dropped.msgId()).as("msg_id of the dropped answer, not of the request").isNotEqualTo(req);
        server.onReconnect();
        assertThat(replies()).noneMatch(o -> o instanceof RpcResult rr && rr.reqMsgId() == req);
    }

    /** msgs_state_info: 1 for ids below the window, 3 for ids above the highest received, 2 only in between. */
    @Test
    void stateInfoDistinguishesTooLowAndTooHigh() {
        long first = clientClock.nextClientId();
        send(first, seq++ * 2 + 1, call());
        replies();
        long req = clientClock.nextClientId();
        long tooHigh = req + (100L << 32);
        send(req, seq++ * 2 + 1, new MsgsStateReq(List.of(tooHigh)));
        assertThat(replies()).containsExactly(new MsgsStateInfo(req, new byte[] {3}));
    }

    @Test
    void anAcknowledgedAnswerIsNoLongerKeptForResends() {
        long req = clientClock.nextClientId();
        send(req, seq++ * 2 + 1, call());
        replies();
        long[] sent = serverIds.stream().mapToLong(Long::longValue).toArray();
        send(clientClock.nextClientId(), seq * 2, new dev.mtproto.tl.mtproto.MsgsAck(dev.mtproto.tl.TlLongList.of(sent)));
        send(req, seq++ * 2 + 1, call()); // a duplicate of an answered, acknowledged request
        assertThat(replies()).as("nothing to resend: the client has the answer").isEmpty();
        assertThat(executions).hasValue(1);
    }

    @Test
    void aHandlerThatReturnsNothingUsableIsAnswered500AndTheSessionGoesOn() {
        nextResult.set(new Object());
        long req = clientClock.nextClientId();
        send(req, seq++ * 2 + 1, call());
        assertThat(results()).containsExactly(new RpcResult(req, new dev.mtproto.tl.mtproto.RpcError(500, "INTERNAL_SERVER_ERROR")));
        long next = clientClock.nextClientId();
        send(next, seq++ * 2 + 1, call());
        assertThat(results()).containsExactly(new RpcResult(next, new NearestDc("XX", 1, 1)));
    }

    @Test
    void aDeferredAnswerIsWrittenWhenItCompletesAndOtherCallsAreAnsweredMeanwhile() {
        java.util.concurrent.CompletableFuture<Object> later = new java.util.concurrent.CompletableFuture<>();
        nextResult.set(later);
        long slow = clientClock.nextClientId();
        send(slow, seq++ * 2 + 1, call());
        long fast = clientClock.nextClientId();
        send(fast, seq++ * 2 + 1, call());
        assertThat(results()).containsExactly(new RpcResult(fast, new NearestDc("XX", 1, 1)));
        later.complete(new NearestDc("YY", 2, 2));
        assertThat(results()).containsExactly(new RpcResult(slow, new NearestDc("YY", 2, 2)));
    }

    @Test
    void stateInfoSaysTooLowForIdsOutsideTheWindow() {
        long req = clientClock.nextClientId();
        long ancient = (System.currentTimeMillis() / 1000 - 3600) << 32;
        send(req, seq++ * 2 + 1, new MsgsStateReq(List.of(ancient)));
        assertThat(replies()).contains(new MsgsStateInfo(req, new byte[] {1}));
    }
}
