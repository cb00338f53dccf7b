package dev.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.crypto.RandomSource;
import dev.mtproto.tl.api.InputAppEvent;
import dev.mtproto.tl.api.JsonNull;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.NearestDcType;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.tl.api.help.GetSupportName;
import dev.mtproto.tl.api.help.SaveAppLog;
import dev.mtproto.tl.api.help.SupportName;
import dev.mtproto.tl.api.help.SupportNameType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a {@link ClientSession} packs what it sends to the in-memory DC: many calls in one container, large
 * bodies gzipped (and the DC's large answers unpacked), containers cut below the packet limit, and a call too
 * large for any packet refused alone at submission.
 */
class SessionOutgoingPacketsTest {
    private final ClientServerPair pair = new ClientServerPair();

    @Test
    void manyCallsShareOneContainerAndEachGetsItsOwnAnswer() {
        pair.initialize();
        List<OutgoingCall<NearestDcType>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(pair.call(GetNearestDc.INSTANCE));
        }
        OutboundPacket packet = pair.client.nextPacket(false);
        assertThat(pair.client.hasQueuedMessages()).as("all 40 fit in one container").isFalse();
        pair.dc.receive(packet);
        pair.pump();
        assertThat(calls).allSatisfy(c -> assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2)));
        assertThat(pair.executions.get("help.getNearestDc")).isEqualTo(41);
    }

    @Test
    void largeBodiesAreGzippedBothWays() {
        pair.initialize();
        String big = "event ".repeat(2000);
        OutgoingCall<Boolean> log = pair.call(new SaveAppLog(List.of(new InputAppEvent(1.5, big, 7, JsonNull.INSTANCE))));
        OutgoingCall<SupportNameType> name = pair.call(GetSupportName.INSTANCE);
        OutboundPacket packet = pair.client.nextPacket(false);
        assertThat(packet.length()).as("12 KB of text went out compressed").isLessThan(2000);
        pair.dc.receive(packet);
        pair.pump();
        assertThat(log.future()).isCompletedWithValue(true);
        assertThat(((SaveAppLog) pair.executed.get(pair.executed.size() - 2)).events().get(0).type()).isEqualTo(big);
        assertThat(name.future().join()).isEqualTo(new SupportName("support ".repeat(1000)));
    }

    private static String incompressible(int chars) {
        byte[] b = new byte[chars * 3 / 4];
        RandomSource.secure().nextBytes(b, 0, b.length);
        return java.util.Base64.getEncoder().encodeToString(b);
    }

    private static SaveAppLog appLog(String text) {
        return new SaveAppLog(List.of(new InputAppEvent(1.5, text, 7, JsonNull.INSTANCE)));
    }

    @Test
    void aCallTooLargeForOnePacketFailsAloneAtSubmission() {
        pair.packetLimit = 16 * 1024;
        pair.client = pair.newClient(pair.events);
        pair.initialize();
        OutgoingCall<NearestDcType> before = pair.call(GetNearestDc.INSTANCE);
        OutgoingCall<Boolean> huge = new OutgoingCall<>(appLog(incompressible(40_000)), "help.saveAppLog", Long.MAX_VALUE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pair.client.submit(huge))
                .isInstanceOfSatisfying(RequestTooLargeException.class, e -> {
                    assertThat(e.limit()).isEqualTo(16 * 1024);
                    assertThat(e.size()).isGreaterThan(16 * 1024);
                });
        OutgoingCall<NearestDcType> after = pair.call(GetNearestDc.INSTANCE);
        pair.pump();
        assertThat(before.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(after.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(pair.client.pendingCalls()).isZero();
    }

    @Test
    void containersAreCutBeforeTheyExceedThePacketLimit() {
        pair.packetLimit = 16 * 1024;
        pair.client = pair.newClient(pair.events);
        pair.initialize();
        List<OutgoingCall<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            calls.add(pair.call(appLog(incompressible(2000))));
        }
        pair.pump(); // asserts every packet against the limit
        assertThat(calls).allSatisfy(c -> assertThat(c.future()).isCompletedWithValue(true));
        assertThat(pair.executions.get("help.saveAppLog")).isEqualTo(30);
    }
}
