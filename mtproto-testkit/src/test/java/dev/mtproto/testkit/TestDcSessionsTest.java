package dev.mtproto.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.tl.mtproto.BadServerSalt;
import dev.mtproto.tl.mtproto.NewSessionCreated;
import dev.mtproto.tl.mtproto.Ping;
import dev.mtproto.tl.mtproto.Pong;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sessions on the test DC: where connection faults apply, and how long idle sessions are kept. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TestDcSessionsTest {
    private static final NearestDc NEAREST = new NearestDc("XX", 1, 1);
    private static final MutableClock CLOCK = new MutableClock();

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().clock(CLOCK).idleSessionTimeout(Duration.ofMinutes(1)));

    private final TestDc dc = TELEGRAM.cluster().dc(1);
    private RawClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    /** @return a client whose session has run one call */
    private RawClient connected() {
        RawClient c = RawClient.connect(dc, 1);
        long first = c.nextMsgId();
        c.send(first, c.nextSeqNo(true), RawClient.initialized(GetNearestDc.INSTANCE));
        assertThat(c.resultOf(first)).isEqualTo(NEAREST);
        return c;
    }

    private static void assertAlive(RawClient c) {
        long ping = c.nextMsgId();
        c.send(ping, c.nextSeqNo(false), new Ping(5));
        assertThat(c.until(m -> m instanceof Pong)).last().isEqualTo(new Pong(ping, 5));
    }

    /** A drop fault waits for a call the session runs: a message refused for its salt leaves it armed. */
    @Test
    void aDropBeforeTheAnswerAppliesOnlyToACallThatWouldRun() {
        client = connected();
        int before = dc.inspection().executions(GetNearestDc.class);
        dc.faults().nextCall(GetNearestDc.class).dropConnectionBeforeAnswer();
        dc.faults().badServerSaltOnNextMessage();
        long refused = client.nextMsgId();
        client.send(refused, client.nextSeqNo(true), GetNearestDc.INSTANCE);
        assertThat(client.until(m -> m instanceof BadServerSalt)).isNotEmpty();
        assertAlive(client);

        long call = client.nextMsgId();
        int seq = client.nextSeqNo(true);
        client.send(call, seq, GetNearestDc.INSTANCE); // the salt is right now: the fault takes this one
        assertThat(client.closedByServer()).isTrue();
        assertThat(dc.inspection().executions(GetNearestDc.class)).isEqualTo(before);

        client.reconnect(); // the same message again: the DC never read it, so it runs now, once
        client.send(call, seq, GetNearestDc.INSTANCE);
        assertThat(client.resultOf(call)).isEqualTo(NEAREST);
        assertThat(dc.inspection().executions(GetNearestDc.class)).isEqualTo(before + 1);
    }

    /** A request sent again is answered from the cache: neither drop fault applies to it. */
    @Test
    void aDuplicateAnsweredFromTheCacheLeavesDropFaultsArmed() {
        client = connected();
        long call = client.nextMsgId();
        int seq = client.nextSeqNo(true);
        client.send(call, seq, GetNearestDc.INSTANCE);
        assertThat(client.resultOf(call)).isEqualTo(NEAREST);
        int before = dc.inspection().executions(GetNearestDc.class);
        dc.faults().nextCall(GetNearestDc.class).dropConnectionAfterAnswer();
        dc.faults().nextCall(GetNearestDc.class).dropConnectionBeforeAnswer();

        client.send(call, seq, GetNearestDc.INSTANCE);
        assertThat(client.resultOf(call)).isEqualTo(NEAREST);
        assertAlive(client);
        assertThat(dc.inspection().executions(GetNearestDc.class)).isEqualTo(before);

        client.send(client.nextMsgId(), client.nextSeqNo(true), GetNearestDc.INSTANCE);
        assertThat(client.closedByServer()).as("a new call meets the armed fault").isTrue();
    }

    /** Telegram forgets sessions nobody used for long; the client's next message gets new_session_created. */
    @Test
    void anIdleSessionIsForgottenAfterTheIdleTimeout() {
        client = connected();
        CLOCK.advance(Duration.ofSeconds(30));
        try (RawClient other = connected()) {
            assertThat(dc.inspection().sessionCount()).as("30 s idle: kept").isGreaterThanOrEqualTo(2);
            CLOCK.advance(Duration.ofSeconds(45));
            long call = other.nextMsgId();
            other.send(call, other.nextSeqNo(true), GetNearestDc.INSTANCE);
            assertThat(other.resultOf(call)).isEqualTo(NEAREST);
            assertThat(dc.inspection().sessionCount()).as("idle 75 s: forgotten; 45 s: kept").isEqualTo(1);
        }
        long again = client.nextMsgId();
        client.send(again, client.nextSeqNo(true), GetNearestDc.INSTANCE);
        List<TlObject> seen = client.untilResult(again);
        assertThat(seen).anyMatch(m -> m instanceof NewSessionCreated n && n.firstMsgId() == again);
        assertThat(dc.inspection().sessionCount()).isEqualTo(2);
    }
}
