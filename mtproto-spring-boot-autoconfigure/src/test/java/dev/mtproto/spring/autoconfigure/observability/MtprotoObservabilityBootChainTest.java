package dev.mtproto.spring.autoconfigure.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.ConnectionState;
import dev.mtproto.client.interceptor.RpcRequest;
import dev.mtproto.spring.autoconfigure.MtprotoAutoConfiguration;
import dev.mtproto.spring.autoconfigure.metrics.MtprotoMetricsAutoConfiguration;
import dev.mtproto.spring.autoconfigure.observation.MtprotoObservationAutoConfiguration;
import dev.mtproto.spring.client.TelegramClients;
import dev.mtproto.spring.metrics.ClientMeters;
import dev.mtproto.spring.metrics.ClientMetersRegistry;
import dev.mtproto.spring.metrics.MtprotoMetrics;
import dev.mtproto.tl.api.help.GetConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.EOFException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Ours behind Boot's real metrics and observation auto-configurations, listed first so only the
 * {@code afterName} ordering can put them after Boot's: a stale name (as in Spring AI issue #5444) would leave
 * {@code @ConditionalOnBean(MeterRegistry / ObservationRegistry)} unmatched and these tests failing.
 */
class MtprotoObservabilityBootChainTest {
    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MtprotoMetricsAutoConfiguration.class, MtprotoObservationAutoConfiguration.class,
                    MtprotoAutoConfiguration.class, ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
            .withPropertyValues("mtproto.auto-startup=false", "mtproto.api-id=17349", "mtproto.api-hash=0123456789abcdef0123456789abcdef",
                    "mtproto.session.store=memory", "mtproto.dc.addresses.2=127.0.0.1:1", "mtproto.dc.home=2",
                    "mtproto.bot-token=123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq");

    @Test
    void theMetersAreBoundByBootAndMoveWithTheClientsEvents() {
        this.contextRunner.run((context) -> {
            assertThat(context).hasSingleBean(MtprotoMetrics.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.find("mtproto.client.requests.pending").tag("mtproto.account", "default").gauge()).isNotNull();
            ClientMeters events = context.getBean(ClientMetersRegistry.class).find("default").orElseThrow();
            ConnectionId dc2 = ConnectionId.main(2);
            events.bytesSent(dc2, 100);
            events.bytesSent(dc2, 24);
            events.bytesReceived(dc2, 7);
            events.stateChanged(dc2, ConnectionState.CONNECTED);
            events.reconnectScheduled(dc2, 0, Duration.ofSeconds(1), new EOFException("closed"));
            events.floodWait("messages.sendMessage", dc2, Duration.ofSeconds(3), true);
            assertThat(registry.get("mtproto.client.sent").tag("mtproto.dc", "2").functionCounter().count()).isEqualTo(124);
            assertThat(registry.get("mtproto.client.sent").meter().getId().getBaseUnit()).isEqualTo("bytes");
            assertThat(registry.get("mtproto.client.received").tag("mtproto.account", "default").functionCounter().count()).isEqualTo(7);
            assertThat(registry.get("mtproto.client.connected").tag("mtproto.dc", "2").gauge().value()).isEqualTo(1);
            assertThat(registry.get("mtproto.client.reconnects").tag("reason", "server_closed").functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("mtproto.client.flood.wait").tag("rpc.method", "messages.sendMessage").timer().totalTime(
                    java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(3);
            events.stateChanged(dc2, ConnectionState.DISCONNECTED);
            assertThat(registry.get("mtproto.client.connected").tag("mtproto.dc", "2").gauge().value()).isZero();
        });
    }

    @Test
    void anObservedCallBecomesATimerInBootsMeterRegistry() {
        this.contextRunner.run((context) -> {
            MtprotoObservabilityAutoConfigurationTest.observationInterceptor(context.getBean(TelegramClients.class))
                    .intercept(MtprotoObservabilityAutoConfigurationTest.answering(
                            new RpcRequest<>(3, GetConfig.INSTANCE, ConnectionId.main(2), 1, Duration.ofSeconds(1))))
                    .join();
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("mtproto.client.requests").tag("rpc.method", "help.getConfig").tag("outcome", "success")
                    .tag("rpc.system", "mtproto").tag("mtproto.dc", "2").tag("mtproto.account", "default").tag("mtproto.error", "none")
                    .timer().count()).isEqualTo(1);
            assertThat(registry.find("mtproto.client.requests").tagKeys("mtproto.call_id").timer()).isNull();
        });
    }

    @Test
    void managementMetricsEnableMtprotoFalseSwitchesTheMetersOff() {
        this.contextRunner.withPropertyValues("management.metrics.enable.mtproto=false").run((context) -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.find("mtproto.client.requests.pending").gauge()).isNull();
        });
    }
}
