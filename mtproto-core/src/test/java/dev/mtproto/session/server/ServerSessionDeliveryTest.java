package dev.mtproto.session.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.api.SendMessageTypingAction;
import dev.mtproto.tl.api.UpdateShort;
import dev.mtproto.tl.api.UpdateUserTyping;
import dev.mtproto.tl.api.UpdatesTooLong;
import dev.mtproto.tl.mtproto.BadMsgNotification;
import dev.mtproto.tl.mtproto.GzipPacked;
import dev.mtproto.tl.mtproto.MsgResendReq;
import dev.mtproto.tl.mtproto.MsgsStateInfo;
import dev.mtproto.tl.mtproto.RpcAnswerDropped;
import dev.mtproto.tl.mtproto.RpcAnswerDroppedRunning;
import dev.mtproto.tl.mtproto.RpcDropAnswer;
import dev.mtproto.tl.mtproto.RpcResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What a DC's session sends and when: seqno order, resends, dropped answers, calls refused before they are
 * read, and the bound on what it keeps for a client that is away.
 */
class ServerSessionDeliveryTest {
    private final List<Leniency> leniencies = new ArrayList<>();
    private final SessionFixture f = new SessionFixture(ServerSessionSettings.builder().leniencyListener(leniencies::add).build());

    private static UpdateShort typing(int i) {
        return new UpdateShort(new UpdateUserTyping(i, null, SendMessageTypingAction.INSTANCE), i);
    }

    /** 32: a message with a lower msg_id came with a higher seqno, or the same odd one; Telegram sends it. */
    @Test
    void aSeqnoTooLowIsRefusedWith32InBothModes() {
        for (SessionFixture s : List.of(f, new SessionFixture(ServerSessionSettings.builder().strictChecks(true).build()))) {
            long first = s.nextId();
            long second = s.nextId();
            s.send(first, 7, SessionFixture.call());
            s.send(second, 5, SessionFixture.call());
            long third = s.nextId();
            s.send(third, 7, SessionFixture.call()); // the same odd seqno again
            assertThat(s.replies()).contains(new BadMsgNotification(second, 5, 32), new BadMsgNotification(third, 7, 32));
            assertThat(s.executions).hasValue(1);
        }
    }

    /** 33 (a seqno too high for its msg_id): not known from Telegram, so it passes unless checks are strict. */
    @Test
    void aSeqnoTooHighPassesAndIsCountedUnlessChecksAreStrict() {
        SessionFixture strict = new SessionFixture(ServerSessionSettings.builder().strictChecks(true).build());
        for (SessionFixture s : List.of(f, strict)) {
            long earlier = s.nextId();
            long later = s.nextId();
            s.send(later, 5, SessionFixture.call());
            s.send(earlier, 7, SessionFixture.call()); // arrives after a higher msg_id with a lower seqno
            List<TlObject> replies = s.replies();
            if (s == strict) {
                assertThat(replies).contains(new BadMsgNotification(earlier, 7, 33));
                assertThat(s.executions).hasValue(1);
            } else {
                assertThat(replies).contains(new RpcResult(earlier, SessionFixture.NEAREST));
                assertThat(leniencies).containsExactly(Leniency.SEQNO_TOO_HIGH);
            }
        }
    }

    /** msg_resend_req: kept messages go out again; any unknown id makes the DC tell the state of them all. */
    @Test
    void resendRequestsResendWhatIsKeptAndAnswerStateInfoForUnknownIds() {
        long call = f.send(SessionFixture.call());
        List<ServerReplies.Message> sent = f.messages();
        long answerId = sent.stream().filter(m -> m.body() instanceof RpcResult).findFirst().orElseThrow().msgId();

        long resend = f.send(new MsgResendReq(List.of(answerId)));
        assertThat(f.replies()).as("all known: no state info").containsExactly(new RpcResult(call, SessionFixture.NEAREST));

        long unknown = answerId + (1L << 32); // a server id never sent
        long clients = call; // the client's own message: known from its parity not to be the server's
        long mixed = f.send(new MsgResendReq(List.of(answerId, unknown, clients)));
        List<TlObject> replies = f.replies();
        assertThat(replies).contains(new RpcResult(call, SessionFixture.NEAREST));
        assertThat(replies).filteredOn(o -> o instanceof MsgsStateInfo).singleElement().isInstanceOfSatisfying(MsgsStateInfo.class, info -> {
            assertThat(info.reqMsgId()).isEqualTo(mixed);
            assertThat(info.info()).hasSize(3);
            assertThat(info.info()[2]).as("the client's own call, received, answered, answer kept").isEqualTo((byte) (4 | 32 | 64));
        });
        assertThat(resend).isNotZero();
    }

    /** rpc_answer_dropped names the answer as queued: its msg_id and seqno exist before it is sent. */
    @Test
    void droppingAnAnswerNotYetSentNamesItsMsgIdAndSeqno() {
        long call = f.send(SessionFixture.call());
        long drop = f.send(new RpcDropAnswer(call));
        List<ServerReplies.Message> sent = f.messages();
        assertThat(sent).noneMatch(m -> m.body() instanceof RpcResult r && r.reqMsgId() == call);
        RpcAnswerDropped dropped = sent.stream().map(ServerReplies.Message::body).filter(o -> o instanceof RpcResult r && r.reqMsgId() == drop)
                .map(o -> (RpcAnswerDropped) ((RpcResult) o).result()).findFirst().orElseThrow();
        assertThat(dropped.msgId()).isNotZero().matches(id -> (id & 3) == 1, "a server response id");
        assertThat(dropped.seqNo() & 1).as("content-related").isEqualTo(1);
        assertThat(dropped.bytes()).isPositive();
    }

    /** https://core.telegram.org/mtproto/service_messages: a query still running is dropped "running", and its own answer says so too. */
    @Test
    void droppingTheAnswerOfACallStillRunningIsAnsweredDroppedRunningTwice() {
        CompletableFuture<Object> later = new CompletableFuture<>();
        f.nextResult.set(later);
        long call = f.send(SessionFixture.call());
        long drop = f.send(new RpcDropAnswer(call));
        assertThat(f.results()).containsExactly(new RpcResult(drop, RpcAnswerDroppedRunning.INSTANCE));
        later.complete(SessionFixture.NEAREST);
        assertThat(f.results()).containsExactly(new RpcResult(call, RpcAnswerDroppedRunning.INSTANCE));
    }

    @Test
    void aCallRefusedBeforeItIsReadNeitherRunsNorCountsAsReceived() {
        AtomicBoolean refuse = new AtomicBoolean(true);
        f.server.callAdmission(call -> !refuse.get());
        long id = f.nextId();
        int seq = f.nextSeq();
        assertThat(f.send(id, seq, SessionFixture.call())).as("the owner must drop the connection").isFalse();
        assertThat(f.results()).isEmpty();
        assertThat(f.executions).hasValue(0);

        refuse.set(false); // the client sends it again on a new connection, with the same msg_id
        assertThat(f.send(id, seq, SessionFixture.call())).isTrue();
        assertThat(f.results()).containsExactly(new RpcResult(id, SessionFixture.NEAREST));
        assertThat(f.executions).hasValue(1);
    }

    @Test
    void aRefusedCallStopsTheRestOfItsContainerButEarlierMessagesStand() {
        int[] seen = {0};
        f.server.callAdmission(call -> ++seen[0] != 2);
        long a = f.nextId();
        long b = f.nextId();
        long c = f.nextId();
        long container = f.nextId();
        TlObject call = SessionFixture.call();
        assertThat(f.sendContainer(container, new long[] {a, b, c}, new TlObject[] {call, call, call})).isFalse();
        assertThat(f.results()).containsExactly(new RpcResult(a, SessionFixture.NEAREST));
        assertThat(f.executions).hasValue(1);
    }

    /** A client away too long: the oldest messages go, and the updates lost are announced with updatesTooLong. */
    @Test
    void aFullQueueDropsTheOldestAndAnnouncesLostUpdates() {
        SessionFixture small = new SessionFixture(ServerSessionSettings.builder().outboundLimit(16, 64 << 10).build());
        for (int i = 0; i < 40; i++) {
            small.server.push(typing(i));
        }
        assertThat(small.server.droppedOutbound()).as("16 kept, the marker among them").isEqualTo(25);
        List<TlObject> expected = new ArrayList<>(List.of(UpdatesTooLong.INSTANCE));
        for (int i = 25; i < 40; i++) {
            expected.add(typing(i));
        }
        assertThat(small.replies()).containsExactlyElementsOf(expected);
    }

    @Test
    void theQueueIsBoundedByBytesToo() {
        SessionFixture small = new SessionFixture(ServerSessionSettings.builder().outboundLimit(16, 64 << 10).build());
        for (int i = 0; i < 3; i++) {
            small.server.push(new GzipPacked(new byte[30_000 + i]));
        }
        List<TlObject> replies = small.replies();
        assertThat(replies).hasSize(3).first().isEqualTo(UpdatesTooLong.INSTANCE);
        assertThat(replies.subList(1, 3)).extracting(o -> ((GzipPacked) o).packedData().length).containsExactly(30_001, 30_002);
    }

    /** An answer dropped from a full queue stays in the answer cache: the request sent again gets it. */
    @Test
    void anAnswerDroppedFromAFullQueueIsStillAnsweredWhenTheRequestComesAgain() {
        SessionFixture small = new SessionFixture(ServerSessionSettings.builder().outboundLimit(16, 64 << 10).build());
        long id = small.nextId();
        int seq = small.nextSeq();
        small.send(id, seq, SessionFixture.call());
        for (int i = 0; i < 20; i++) {
            small.server.push(typing(i));
        }
        assertThat(small.results()).isEmpty();
        small.send(id, seq, SessionFixture.call());
        assertThat(small.results()).containsExactly(new RpcResult(id, SessionFixture.NEAREST));
        assertThat(small.executions).hasValue(1);
    }
}
