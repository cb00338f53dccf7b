package dev.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.NearestDcType;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.tl.api.help.GetSupportName;
import dev.mtproto.tl.api.help.SupportName;
import dev.mtproto.tl.api.help.SupportNameType;
import dev.mtproto.tl.mtproto.BadMsgNotification;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * New sessions after bad_msg_notification 32/33 in a {@link ClientSession} talking to the in-memory DC: calls
 * still answered and never run twice, the abandoned session destroyed on the server once nothing of it waits,
 * late answers of the old session taken, and a notification about a message we never sent ignored.
 */
class SessionResetTest {
    private final ClientServerPair pair = new ClientServerPair();

    @Test
    void seqnoErrorsStartANewSessionAndCallsStillGetAnswered() {
        pair.initialize();
        long before = pair.client.sessionId();
        OutgoingCall<NearestDcType> c = pair.call(GetNearestDc.INSTANCE);
        pair.client.nextPacket(false); // lost; the DC names it (a bad_msg_notification about a msg_id of ours)
        pair.dc.session(before).push(new BadMsgNotification(c.msgId(), 1, 32));
        pair.pump();
        assertThat(pair.client.sessionId()).isNotEqualTo(before);
        assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(pair.events.newSessions).as("ours and the server's announcement").isGreaterThanOrEqualTo(2);
    }

    @Test
    void anAbandonedSessionIsDestroyedOnTheServer() {
        pair.initialize();
        long before = pair.client.sessionId();
        OutgoingCall<NearestDcType> c = pair.call(GetNearestDc.INSTANCE);
        pair.client.nextPacket(false);
        pair.dc.session(before).push(new BadMsgNotification(c.msgId(), 1, 33));
        pair.pump();
        assertThat(pair.client.sessionId()).isNotEqualTo(before);
        assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(pair.dc.receivedConstructors).contains(dev.mtproto.tl.mtproto.DestroySession.CONSTRUCTOR_ID);
        assertThat(pair.dc.sessions).as("the server forgot the old session").containsOnlyKeys(pair.client.sessionId());
        assertThat(pair.events.drops).as("the destroy_session answer was expected").isEmpty();
        assertThat(pair.events.errors).isEmpty();
    }

    @Test
    void aSessionResetInsideAContainerKeepsTheResultsOfTheSameContainer() {
        pair.initialize();
        OutgoingCall<NearestDcType> c = pair.call(GetNearestDc.INSTANCE);
        OutboundPacket p = pair.client.nextPacket(false);
        pair.dc.session(pair.client.sessionId()).push(new BadMsgNotification(c.msgId(), 1, 32));
        pair.dc.receive(p); // executed; the DC's next packet holds [bad_msg 32, rpc_result]
        pair.pump();
        assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(pair.executions.get("help.getNearestDc")).as("not run again in the new session").isEqualTo(2);
        assertThat(pair.events.dropped(DropReason.UNKNOWN_REQUEST)).isZero();
    }

    @Test
    void aSeqnoNotificationAboutAMessageWeNeverSentIsIgnored() {
        pair.initialize();
        long before = pair.client.sessionId();
        pair.dc.session(before).push(new BadMsgNotification(pair.client.clock().nextClientId() - (4L << 32), 1, 32));
        OutgoingCall<NearestDcType> c = pair.call(GetNearestDc.INSTANCE);
        pair.pump();
        assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(pair.client.sessionId()).as("no new session").isEqualTo(before);
        assertThat(pair.events.resets).isEmpty();
        assertThat(pair.events.dropped(DropReason.NOT_OUR_MESSAGE)).isEqualTo(1);
    }

    /** A call the DC holds, then a call whose packet is lost and which the DC names in bad_msg_notification. */
    private OutgoingCall<SupportNameType> heldCallThenAResetNaming(int code, long deadlineNanos) {
        pair.heldAnswer = new CompletableFuture<>();
        OutgoingCall<SupportNameType> held = new OutgoingCall<>(GetSupportName.INSTANCE, "help.getSupportName", deadlineNanos);
        pair.client.submit(held);
        pair.pump();
        assertThat(pair.executions.get("help.getSupportName")).isEqualTo(1);
        OutgoingCall<NearestDcType> lost = pair.call(GetNearestDc.INSTANCE);
        pair.client.nextPacket(false); // never arrives
        pair.dc.session(pair.client.sessionId()).push(new BadMsgNotification(lost.msgId(), 1, code));
        pair.pump();
        assertThat(lost.future()).as("the rejected message is sent again, in the new session").isCompletedWithValue(new NearestDc("XX", 2, 2));
        return held;
    }

    @Test
    void aSessionResetResendsOnlyWhatTheServerCannotHaveRunAndTakesLateAnswersOfTheOldSession() {
        pair.initialize();
        long before = pair.client.sessionId();
        OutgoingCall<SupportNameType> held = heldCallThenAResetNaming(32, Long.MAX_VALUE);
        assertThat(pair.client.sessionId()).isNotEqualTo(before);
        assertThat(pair.events.resets).containsExactly(SessionResetReason.SEQNO_TOO_LOW);
        assertThat(held.future()).isNotDone();
        assertThat(pair.dc.sessions).as("the old session is kept while a call of it waits").containsKey(before);

        pair.heldAnswer.complete(new SupportName("late"));
        pair.pump();
        assertThat(held.future()).as("answered in the abandoned session").isCompletedWithValue(new SupportName("late"));
        assertThat(pair.executions.get("help.getSupportName")).as("never run twice").isEqualTo(1);
        assertThat(pair.events.dropped(DropReason.WRONG_SESSION)).isZero();
        assertThat(pair.dc.sessions).as("destroyed once nothing of it waits").containsOnlyKeys(pair.client.sessionId());
        assertThat(pair.events.drops).isEmpty();
    }

    @Test
    void aCallLeftInAnAbandonedSessionFailsAsOutcomeUnknownAtItsDeadline() {
        pair.initialize();
        long deadline = System.nanoTime() + 60_000_000_000L;
        OutgoingCall<SupportNameType> held = heldCallThenAResetNaming(33, deadline);
        assertThat(pair.events.resets).containsExactly(SessionResetReason.SEQNO_TOO_HIGH);
        pair.client.expire(deadline + 1);
        assertThat(held.future()).isCompletedExceptionally();
        assertThat(pair.events.errors).singleElement().isInstanceOf(OutcomeUnknownException.class);
        assertThat(pair.executions.get("help.getSupportName")).isEqualTo(1);
        pair.pump();
        assertThat(pair.dc.sessions).as("destroyed once nothing of it waits").containsOnlyKeys(pair.client.sessionId());
    }
}
