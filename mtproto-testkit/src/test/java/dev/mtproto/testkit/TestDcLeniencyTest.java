package dev.mtproto.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.session.server.Leniency;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.tl.mtproto.BadMsgNotification;
import dev.mtproto.tl.mtproto.HttpWait;
import dev.mtproto.tl.mtproto.MsgsAck;
import dev.mtproto.tl.mtproto.Ping;
import dev.mtproto.tl.mtproto.Pong;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The test DC is as lenient as Telegram's DCs where they are known to be, counting it, and as strict as the
 * docs when asked (https://core.telegram.org/mtproto/service_messages_about_messages), seen from a client
 * that sends its messages exactly as told.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TestDcLeniencyTest {
    @RegisterExtension
    static final TestDcExtension LENIENT = TestDcExtension.withDcs(1);
    @RegisterExtension
    static final TestDcExtension STRICT = TestDcExtension.of(TestCluster.builder().strictChecks(true));

    private RawClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private RawClient connect(TestDcExtension telegram) {
        client = RawClient.connect(telegram.cluster().dc(1), 1);
        long call = client.nextMsgId();
        client.send(call, client.nextSeqNo(true), RawClient.initialized(GetNearestDc.INSTANCE));
        assertThat(client.resultOf(call)).isEqualTo(new NearestDc("XX", 1, 1));
        return client;
    }

    /** @return what the DC sent until the pong of a ping sent now, the pong left out */
    private List<TlObject> untilPong(RawClient c) {
        long ping = c.nextMsgId();
        c.send(ping, c.nextSeqNo(true), new Ping(99));
        List<TlObject> seen = c.until(m -> m instanceof Pong p && p.msgId() == ping);
        return seen.subList(0, seen.size() - 1);
    }

    @Test
    void anAckWithAnOddSeqnoIsTakenAndCountedAsOnTelegram() {
        RawClient c = connect(LENIENT);
        c.send(c.nextMsgId(), c.nextSeqNo(true), new MsgsAck(List.of(1L)));
        assertThat(untilPong(c)).noneMatch(m -> m instanceof BadMsgNotification);
        assertThat(LENIENT.cluster().dc(1).inspection().leniencies(Leniency.ODD_SEQNO_WITHOUT_CONTENT)).isEqualTo(1);
    }

    @Test
    void strictChecksAnswerAnOddAckWith34() {
        RawClient c = connect(STRICT);
        long ack = c.nextMsgId();
        int seq = c.nextSeqNo(true);
        c.send(ack, seq, new MsgsAck(List.of(1L)));
        assertThat(untilPong(c)).contains(new BadMsgNotification(ack, seq, 34));
        assertThat(STRICT.cluster().dc(1).inspection().leniencies()).containsOnlyKeys(Leniency.values()).doesNotContainValue(1L);
    }

    /** Runs a test with a client of the lenient DC, then with one of the strict DC. */
    private void inBothModes(BiConsumer<TestDcExtension, RawClient> test) {
        for (TestDcExtension telegram : List.of(LENIENT, STRICT)) {
            try (RawClient c = connect(telegram)) {
                test.accept(telegram, c);
            }
        }
    }

    @Test
    void aContainerWithAnOddSeqnoRunsItsCallsWhenLenientAndIsRefusedWhenStrict() {
        inBothModes((telegram, c) -> {
            TestDc dc = telegram.cluster().dc(1);
            int before = dc.inspection().executions(GetNearestDc.class);
            long call = c.nextMsgId();
            long container = c.nextMsgId();
            int seq = c.nextSeqNo(true);
            c.sendContainer(container, seq + 2, List.of(new RawClient.Inner(call, seq, GetNearestDc.INSTANCE)));
            if (telegram == LENIENT) {
                assertThat(c.resultOf(call)).isEqualTo(new NearestDc("XX", 1, 1));
                assertThat(dc.inspection().leniencies(Leniency.ODD_SEQNO_CONTAINER)).isEqualTo(1);
            } else {
                assertThat(untilPong(c)).contains(new BadMsgNotification(container, seq + 2, 34));
                assertThat(dc.inspection().executions(GetNearestDc.class)).isEqualTo(before);
            }
        });
    }

    @Test
    void pingsAreAnsweredWhateverTheirSeqnoParityInBothModes() {
        inBothModes((telegram, c) -> {
            long even = c.nextMsgId();
            c.send(even, c.nextSeqNo(false), new Ping(1));
            assertThat(c.until(m -> m instanceof Pong)).last().isEqualTo(new Pong(even, 1));
            assertThat(untilPong(c)).noneMatch(m -> m instanceof BadMsgNotification);
            assertThat(telegram.cluster().dc(1).inspection().leniencies()).doesNotContainValue(1L);
        });
    }

    @Test
    void aCallWithAnEvenSeqnoIsRefusedWith35InBothModesAsTelegramDoes() {
        inBothModes((telegram, c) -> {
            long call = c.nextMsgId();
            int seq = c.nextSeqNo(false);
            c.send(call, seq, GetNearestDc.INSTANCE);
            assertThat(untilPong(c)).contains(new BadMsgNotification(call, seq, 35));
        });
    }

    @Test
    void httpWaitOverTcpIsTakenWithoutAnAnswer() {
        RawClient c = connect(LENIENT);
        c.send(c.nextMsgId(), c.nextSeqNo(false), new HttpWait(0, 0, 25_000));
        assertThat(untilPong(c)).isEmpty();
    }
}
