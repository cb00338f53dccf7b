package dev.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.NearestDcType;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.tl.mtproto.FutureSalts;
import dev.mtproto.tl.mtproto.GetFutureSalts;
import dev.mtproto.tl.mtproto.Ping;
import dev.mtproto.tl.mtproto.Pong;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Server salts and time in a {@link ClientSession} talking to the in-memory DC: bad_server_salt resends, pings
 * and future salts, announced salts used on time, salt changes after a fetch, and the clock offset corrected
 * from bad_msg_notification 16/17 (also when the DC's clock, or ours, jumps).
 */
class SessionSaltsAndClockTest {
    private final ClientServerPair pair = new ClientServerPair();

    @Test
    void badServerSaltResendsEveryMessageOfTheContainer() {
        pair.initialize();
        pair.dc.session(pair.client.sessionId()).rotateSalt();
        List<OutgoingCall<NearestDcType>> calls = List.of(pair.call(GetNearestDc.INSTANCE), pair.call(GetNearestDc.INSTANCE), pair.call(GetNearestDc.INSTANCE));
        pair.pump();
        assertThat(calls).allSatisfy(c -> assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2)));
        assertThat(pair.executions.get("help.getNearestDc")).as("each executed once").isEqualTo(4);
        assertThat(pair.client.currentSalt()).isEqualTo(pair.dc.session(pair.client.sessionId()).salt());
    }

    @Test
    void pingsAndFutureSalts() {
        OutgoingCall<?> ping = pair.call(new Ping(42));
        OutgoingCall<?> salts = pair.call(new GetFutureSalts(3));
        pair.pump();
        assertThat(ping.future().join()).isInstanceOfSatisfying(Pong.class, p -> assertThat(p.pingId()).isEqualTo(42));
        assertThat(salts.future().join()).isInstanceOfSatisfying(FutureSalts.class, f -> assertThat(f.salts()).hasSize(3));
        assertThat(pair.client.salts().future()).hasSize(3);
    }

    @Test
    void aClientFollowingAnnouncedSaltsUsesEachOnTimeAndNeverMeetsBadServerSalt() {
        AtomicLong travel = new AtomicLong();
        pair.client = pair.newClient(pair.events, new MessageIdClock(() -> System.currentTimeMillis() + travel.get(), 0));
        pair.initialize();
        OutgoingCall<?> fetch = pair.call(new GetFutureSalts(4));
        pair.pump();
        List<dev.mtproto.tl.mtproto.FutureSalt> announced = ((FutureSalts) fetch.future().join()).salts();
        assertThat(announced.get(0).salt()).isEqualTo(ClientServerPair.FIRST_SALT);

        for (int hour = 1; hour < 4; hour++) {
            travel.set(hour * 3_600_000L + 60_000);
            pair.dc.skewMillis.set(travel.get());
            int packetsBefore = pair.dc.packetSalts.size();
            OutgoingCall<NearestDcType> c = pair.call(GetNearestDc.INSTANCE);
            pair.pump();
            assertThat(c.future().join()).isEqualTo(new NearestDc("XX", 2, 2));
            assertThat(pair.dc.packetSalts.subList(packetsBefore, pair.dc.packetSalts.size()))
                    .as("hour %d: every packet carries the salt announced for it, none is resent", hour)
                    .containsOnly(announced.get(hour).salt());
        }
        assertThat(pair.executions.get(GetNearestDc.INSTANCE.tlName())).isEqualTo(4);
    }

    @Test
    void aSaltChangeAfterFutureSaltsWereFetchedIsFollowed() {
        pair.initialize();
        OutgoingCall<?> fetch = pair.call(new GetFutureSalts(4));
        pair.pump();
        assertThat(fetch.future()).isCompleted();
        pair.dc.session(pair.client.sessionId()).rotateSalt(); // every salt announced so far is invalid now
        OutgoingCall<NearestDcType> c = pair.call(GetNearestDc.INSTANCE);
        pair.pump();
        assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(pair.client.currentSalt()).isEqualTo(pair.dc.session(pair.client.sessionId()).salt());
        assertThat(pair.client.salts().needsRefresh(pair.client.clock().serverMillis() / 1000, 600)).as("fetch them again").isTrue();
        assertThat(pair.events.errors).isEmpty();
    }

    @Test
    void clockDifferencesAreCorrectedFromBadMsgNotification() {
        AtomicLong localJump = new AtomicLong();
        pair.client = pair.newClient(pair.events, new MessageIdClock(() -> System.currentTimeMillis() + localJump.get(), 0));

        pair.dc.skewMillis.set(10 * 60_000); // the DC runs 10 minutes ahead of us: our msg_ids look too old to it (16)
        OutgoingCall<NearestDcType> c = pair.call(GetNearestDc.INSTANCE);
        pair.pump();
        assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(pair.client.clock().offsetMillis()).isBetween(9 * 60_000L, 11 * 60_000L);

        // our wall clock jumps 30 minutes ahead (say, a bad NTP step): our ids now look too high (17), and
        // since ids must rise within a session, the client starts a new one at the corrected time
        long sessionBefore = pair.client.sessionId();
        localJump.set(30 * 60_000);
        OutgoingCall<NearestDcType> d = pair.call(GetNearestDc.INSTANCE);
        pair.pump();
        assertThat(d.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(pair.client.clock().offsetMillis()).isBetween(-21 * 60_000L, -19 * 60_000L);
        assertThat(pair.client.sessionId()).isNotEqualTo(sessionBefore);
        assertThat(pair.executions.get("help.getNearestDc")).as("nothing ran twice").isEqualTo(2);
    }

    @Test
    void aDcWhoseClockJumpsAheadMidSessionIsFollowed() {
        pair.initialize();
        pair.dc.skewMillis.set(10 * 60_000);
        OutgoingCall<NearestDcType> c = pair.call(GetNearestDc.INSTANCE);
        pair.pump();
        assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(pair.client.clock().offsetMillis()).isBetween(9 * 60_000L, 11 * 60_000L);
        assertThat(pair.executions.get("help.getNearestDc")).isEqualTo(2);
    }
}
