package dev.mtproto.session.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.mtproto.BadMsgNotification;
import dev.mtproto.tl.mtproto.MsgsStateInfo;
import dev.mtproto.tl.mtproto.MsgsStateReq;
import dev.mtproto.tl.mtproto.RpcAnswerDropped;
import dev.mtproto.tl.mtproto.RpcDropAnswer;
import dev.mtproto.tl.mtproto.RpcResult;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rules of a DC's session beyond the per-message checks: containers as a whole, drop answers, state info, handlers. */
class ServerSessionRulesTest {
    private SessionFixture f;

    @BeforeEach
    void setUp() {
        f = new SessionFixture(ServerSessionSettings.lenient());
    }

    /** A container is checked as a whole: a bad inner id (64) must not leave earlier inner calls executed. */
    @Test
    void invalidContainerExecutesNothing() {
        long good = f.clientClock.nextClientId();
        long containerId = f.clientClock.nextClientId();
        long bad = containerId + 4; // above the container's id: invalid container
        f.sendContainer(containerId, new long[] {good, bad}, new TlObject[] {SessionFixture.call(), SessionFixture.call()});
        assertThat(f.replies()).contains(new BadMsgNotification(containerId, 0, 64));
        assertThat(f.executions).as("inner call executed although the container was rejected").hasValue(0);
    }

    /** Inner msg_ids get the same 16/17 window check as top-level ones. */
    @Test
    void innerMessageIdsAreCheckedAgainstTheTimeWindow() {
        long ancient = (System.currentTimeMillis() / 1000 - 3600) << 32; // an hour old
        long containerId = f.clientClock.nextClientId();
        f.sendContainer(containerId, new long[] {ancient}, new TlObject[] {SessionFixture.call()});
        assertThat(f.replies()).anySatisfy(o -> assertThat(o).isEqualTo(new BadMsgNotification(ancient, 1, 16)));
        assertThat(f.executions).hasValue(0);
    }

    /** Inner msg_id 0 is the hash table's empty marker: it is never remembered, so it replays forever. */
    @Test
    void innerMessageIdZeroIsNotAReplayHole() {
        for (int i = 0; i < 3; i++) {
            f.sendContainer(f.clientClock.nextClientId(), new long[] {0}, new TlObject[] {SessionFixture.call()});
            f.replies();
        }
        assertThat(f.executions).as("the same msg_id 0 executed again and again").hasValue(0);
    }

    /** rpc_answer_dropped names the dropped RESPONSE message, and the response leaves the resend queue. */
    @Test
    void droppedAnswerIsNotResentOnReconnect() {
        long req = f.clientClock.nextClientId();
        f.send(req, f.nextSeq(), SessionFixture.call());
        f.replies(); // answer sent, not yet acknowledged
        long drop = f.clientClock.nextClientId();
        f.send(drop, f.nextSeq(), new RpcDropAnswer(req));
        RpcResult r = (RpcResult) f.replies().get(0);
        RpcAnswerDropped dropped = (RpcAnswerDropped) r.result();
        assertThat(dropped.msgId()).as("msg_id of the dropped answer, not of the request").isNotEqualTo(req);
        f.server.onReconnect();
        assertThat(f.replies()).noneMatch(o -> o instanceof RpcResult rr && rr.reqMsgId() == req);
    }

    /** msgs_state_info: 1 for ids below the window, 3 for ids above the highest received, 2 only in between. */
    @Test
    void stateInfoDistinguishesTooLowAndTooHigh() {
        long first = f.clientClock.nextClientId();
        f.send(first, f.nextSeq(), SessionFixture.call());
        f.replies();
        long req = f.clientClock.nextClientId();
        long tooHigh = req + (100L << 32);
        f.send(req, f.nextSeq(), new MsgsStateReq(List.of(tooHigh)));
        assertThat(f.replies()).containsExactly(new MsgsStateInfo(req, new byte[] {3}));
    }

    @Test
    void anAcknowledgedAnswerIsNoLongerKeptForResends() {
        long req = f.clientClock.nextClientId();
        f.send(req, f.nextSeq(), SessionFixture.call());
        f.replies();
        long[] sent = f.serverIds.stream().mapToLong(Long::longValue).toArray();
        f.send(f.clientClock.nextClientId(), f.evenSeq(), new dev.mtproto.tl.mtproto.MsgsAck(dev.mtproto.tl.TlLongList.of(sent)));
        f.send(req, f.nextSeq(), SessionFixture.call()); // a duplicate of an answered, acknowledged request
        assertThat(f.replies()).as("nothing to resend: the client has the answer").isEmpty();
        assertThat(f.executions).hasValue(1);
    }

    @Test
    void aHandlerThatReturnsNothingUsableIsAnswered500AndTheSessionGoesOn() {
        f.nextResult.set(new Object());
        long req = f.clientClock.nextClientId();
        f.send(req, f.nextSeq(), SessionFixture.call());
        assertThat(f.results()).containsExactly(new RpcResult(req, new dev.mtproto.tl.mtproto.RpcError(500, "INTERNAL_SERVER_ERROR")));
        long next = f.clientClock.nextClientId();
        f.send(next, f.nextSeq(), SessionFixture.call());
        assertThat(f.results()).containsExactly(new RpcResult(next, new NearestDc("XX", 1, 1)));
    }

    @Test
    void aDeferredAnswerIsWrittenWhenItCompletesAndOtherCallsAreAnsweredMeanwhile() {
        java.util.concurrent.CompletableFuture<Object> later = new java.util.concurrent.CompletableFuture<>();
        f.nextResult.set(later);
        long slow = f.clientClock.nextClientId();
        f.send(slow, f.nextSeq(), SessionFixture.call());
        long fast = f.clientClock.nextClientId();
        f.send(fast, f.nextSeq(), SessionFixture.call());
        assertThat(f.results()).containsExactly(new RpcResult(fast, new NearestDc("XX", 1, 1)));
        later.complete(new NearestDc("YY", 2, 2));
        assertThat(f.results()).containsExactly(new RpcResult(slow, new NearestDc("YY", 2, 2)));
    }

    @Test
    void stateInfoSaysTooLowForIdsOutsideTheWindow() {
        long req = f.clientClock.nextClientId();
        long ancient = (System.currentTimeMillis() / 1000 - 3600) << 32;
        f.send(req, f.nextSeq(), new MsgsStateReq(List.of(ancient)));
        assertThat(f.replies()).contains(new MsgsStateInfo(req, new byte[] {1}));
    }

    /**
     * A msg_id below the session's first one was sent to a session the DC forgot (the client resumed it after a
     * restart): the DC cannot tell whether that one ran it, so it says 1 (unknown), never 2 (not received:
     * "send it again", which would run it twice).
     */
    @Test
    void stateInfoSaysUnknownForIdsSentBeforeTheSessionBegan() {
        long sentToTheForgottenSession = f.clientClock.nextClientId();
        long req = f.clientClock.nextClientId();
        f.send(req, f.nextSeq(), new MsgsStateReq(List.of(sentToTheForgottenSession)));
        assertThat(f.replies()).contains(new MsgsStateInfo(req, new byte[] {1}));
    }
}
