package dev.mtproto.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.client.net.Dialer;
import dev.mtproto.client.net.RouteSelection;
import dev.mtproto.client.net.TransportRoute;
import dev.mtproto.client.proxy.ProxyConfig;
import dev.mtproto.transport.TransportKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Routes in the configuration, their names, and the plan an attempt makes of them. */
class TransportRoutesConfigTest {
    private static final String HASH = "0123456789abcdef0123456789abcdef";
    private static final TransportRoute DIRECT = TransportRoute.direct(TransportKind.INTERMEDIATE, true);
    private static final TransportRoute SOCKS = TransportRoute.of(ProxyConfig.socks5("10.0.0.1", 1080, "alice", "s3cret").dialer(),
            TransportKind.ABRIDGED, false);
    private static final DcAddress V4 = new DcAddress(2, "149.154.167.51", 443);
    private static final DcAddress V4B = new DcAddress(2, "149.154.167.52", 443);
    private static final DcAddress V6 = new DcAddress(2, "2001:67c:4e8:f002::a", 443, Set.of(DcAddress.Flag.IPV6), Optional.empty());

    @Test
    void routeNamesComeFromTheDialerAndTransportAndNeverShowSecrets() {
        assertThat(DIRECT.name()).isEqualTo("direct intermediate+obfuscated");
        assertThat(SOCKS.name()).isEqualTo("SOCKS5 proxy 10.0.0.1:1080 abridged").doesNotContain("s3cret").doesNotContain("alice");
        TransportRoute mtproxy = TransportRoute.of(ProxyConfig.mtproxy("1.2.3.4", 443,
                dev.mtproto.transport.MtproxySecret.fromHex("dd0123456789abcdef0123456789abcdef")).dialer(), TransportKind.PADDED_INTERMEDIATE, true);
        assertThat(mtproxy.name()).isEqualTo("MTProxy 1.2.3.4:443 padded-intermediate+obfuscated").doesNotContain("0123456789abcdef");
        Dialer lambda = (target, timeout) -> {
            throw new java.io.IOException("unused");
        };
        assertThat(lambda.describe()).isEqualTo("custom dialer");
    }

    @Test
    void badRoutesAndSelectionsAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> TransportRoute.direct(TransportKind.FULL, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FULL cannot be obfuscated");
        assertThatThrownBy(() -> DIRECT.named(" ")).hasMessageContaining("route name");
        var b = ClientConfig.builder(1, HASH);
        assertThatThrownBy(() -> b.routes(List.of())).hasMessageContaining("at least one route");
        assertThatThrownBy(() -> b.routes(List.of(DIRECT, DIRECT))).hasMessageContaining("two routes are named \"direct intermediate+obfuscated\"");
        assertThatThrownBy(() -> RouteSelection.race(Duration.ofMillis(-1))).hasMessageContaining("0 to 60 s");
        assertThat(RouteSelection.race().toString()).isEqualTo("race (stagger 250 ms)");
    }

    @Test
    void theDialerIsOneRouteWithTheConfiguredTransportAndRoutesReplaceIt() {
        ClientConfig one = ClientConfig.builder(1, HASH).transport(TransportKind.ABRIDGED, false).build();
        assertThat(one.routes()).containsExactly(TransportRoute.direct(TransportKind.ABRIDGED, false));
        ClientConfig two = ClientConfig.builder(1, HASH).routes(List.of(SOCKS, DIRECT)).routeSelection(RouteSelection.race()).build();
        assertThat(two.routes()).containsExactly(SOCKS, DIRECT);
        assertThat(two.dialer()).isSameAs(SOCKS.dialer());
        assertThat(two.toString()).contains("SOCKS5 proxy 10.0.0.1:1080 abridged, direct").contains("race").doesNotContain("s3cret");
        assertThat(ClientConfig.builder(1, HASH).routes(List.of(SOCKS)).dialer(Dialer.direct()).build().routes())
                .extracting(TransportRoute::name).containsExactly("direct intermediate+obfuscated");
    }

    @Test
    void thePlanPutsTheRememberedRouteFirstAndRotatesAddressesByAttempt() {
        List<RouteCandidate> plan = RouteCandidate.plan(List.of(DIRECT, SOCKS), Optional.empty(), List.of(V4, V4B), IpFamily.IPV4_ONLY, 0);
        assertThat(plan).containsExactly(new RouteCandidate(DIRECT, V4), new RouteCandidate(SOCKS, V4));
        plan = RouteCandidate.plan(List.of(DIRECT, SOCKS), Optional.of(SOCKS.name()), List.of(V4, V4B), IpFamily.IPV4_ONLY, 1);
        assertThat(plan).containsExactly(new RouteCandidate(SOCKS, V4B), new RouteCandidate(DIRECT, V4B));
        plan = RouteCandidate.plan(List.of(DIRECT), Optional.of("a route no longer configured"), List.of(V4), IpFamily.IPV4_ONLY, 0);
        assertThat(plan).containsExactly(new RouteCandidate(DIRECT, V4));
    }

    @Test
    void bothFamiliesGiveAnIpv6AndAnIpv4CandidatePerRoute() {
        DcOptions options = DcOptions.of(V4, V6, V4B);
        assertThat(options.candidates(2, DcRole.MAIN, IpFamily.IPV4_ONLY)).containsExactly(V4, V4B);
        assertThat(options.candidates(2, DcRole.MAIN, IpFamily.PREFER_IPV4)).containsExactly(V4, V4B, V6);
        assertThat(options.candidates(2, DcRole.MAIN, IpFamily.PREFER_IPV6)).containsExactly(V6, V4, V4B);
        List<RouteCandidate> plan = RouteCandidate.plan(List.of(DIRECT, SOCKS), Optional.empty(),
                options.candidates(2, DcRole.MAIN, IpFamily.BOTH), IpFamily.BOTH, 0);
        assertThat(plan).containsExactly(new RouteCandidate(DIRECT, V6), new RouteCandidate(DIRECT, V4),
                new RouteCandidate(SOCKS, V6), new RouteCandidate(SOCKS, V4));
    }

    @Test
    void theMemoryIsPerDcAndRoleAndForgetsOnlyTheRouteThatFailed() {
        RouteMemory memory = new RouteMemory();
        memory.worked(2, DcRole.MAIN, "b");
        assertThat(memory.remembered(2, DcRole.MAIN)).contains("b");
        assertThat(memory.remembered(2, DcRole.DOWNLOAD)).isEmpty();
        assertThat(memory.remembered(4, DcRole.MAIN)).isEmpty();
        memory.failed(2, DcRole.MAIN, "a");
        assertThat(memory.remembered(2, DcRole.MAIN)).contains("b");
        memory.failed(2, DcRole.MAIN, "b");
        assertThat(memory.remembered(2, DcRole.MAIN)).isEmpty();
    }
}
