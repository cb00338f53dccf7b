package dev.mtproto.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.SendMessageTypingAction;
import dev.mtproto.tl.api.UpdateShort;
import dev.mtproto.tl.api.UpdateUserTyping;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The DC never sends a client the same msg_id twice, even when a session is made anew or the DC's clock
 * goes back: clients drop a repeated msg_id as a replay, so the message would be lost. The DC's clock stands
 * still here, which puts every id in the same millisecond. (Root cause of
 * {@code ClientAgainstTestDcTest.badSaltsNewSessionsAndClockSkewAreAllSurvived} timing out about once in 40
 * runs: its {@code bad_msg_notification} 17 repeated the msg_id of an answer sent in the same millisecond
 * before the skew.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TestDcMessageIdsTest {
    private static final NearestDc NEAREST = new NearestDc("XX", 1, 1);

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder()
            .clock(Clock.fixed(Instant.now(), ZoneOffset.UTC)));

    private static long call(RawClient c) {
        long id = c.nextMsgId();
        c.send(id, c.nextSeqNo(true), RawClient.initialized(GetNearestDc.INSTANCE));
        assertThat(c.resultOf(id)).isEqualTo(NEAREST);
        return id;
    }

    @Test
    void aSessionMadeAnewDoesNotRepeatTheOldOnesIds() {
        TestDc dc = TELEGRAM.cluster().dc(1);
        try (RawClient c = RawClient.connect(dc, 1)) {
            call(c);
            dc.faults().newSessionOnNextMessage();
            call(c);
            assertThat(c.serverMsgIds()).hasSizeGreaterThanOrEqualTo(4).doesNotHaveDuplicates();
        }
    }

    @Test
    void theClockGoingBackDoesNotRepeatIdsSentBefore() {
        TestDc dc = TELEGRAM.cluster().dc(1);
        try (RawClient c = RawClient.connect(dc, 1)) {
            call(c);
            dc.skewClock(Duration.ofMinutes(10));
            dc.pushToAll(new UpdateShort(new UpdateUserTyping(1, null, SendMessageTypingAction.INSTANCE), 1));
            dc.skewClock(Duration.ZERO); // back to the millisecond of the first call's messages
            for (int i = 2; i <= 5; i++) {
                dc.pushToAll(new UpdateShort(new UpdateUserTyping(i, null, SendMessageTypingAction.INSTANCE), i));
            }
            c.until(m -> m instanceof UpdateShort u && u.date() == 5);
            assertThat(c.serverMsgIds()).doesNotHaveDuplicates();
        }
    }
}
