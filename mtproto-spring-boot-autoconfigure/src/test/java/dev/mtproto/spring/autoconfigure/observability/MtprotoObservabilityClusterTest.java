package dev.mtproto.spring.autoconfigure.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mtproto.client.ConnectionState;
import dev.mtproto.spring.actuate.MtprotoEndpoint;
import dev.mtproto.spring.autoconfigure.ClusterProperties;
import dev.mtproto.spring.autoconfigure.MtprotoAutoConfiguration;
import dev.mtproto.spring.autoconfigure.endpoint.MtprotoEndpointAutoConfiguration;
import dev.mtproto.spring.autoconfigure.handler.MtprotoHandlerAutoConfiguration;
import dev.mtproto.spring.autoconfigure.health.MtprotoHealthContributorAutoConfiguration;
import dev.mtproto.spring.autoconfigure.metrics.MtprotoMetricsAutoConfiguration;
import dev.mtproto.spring.autoconfigure.observation.MtprotoObservationAutoConfiguration;
import dev.mtproto.spring.client.TelegramClients;
import dev.mtproto.spring.handler.UpdateHandler;
import dev.mtproto.spring.health.MtprotoHealthIndicator;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The whole application against a test cluster over real MTProto: the bot signs in, a person writes, a
 * handler answers; the calls are observed with their tags, the updates and the handler are counted, the health
 * is UP with its details and the endpoint lists account and handler; then Telegram goes away and the health
 * turns DOWN once the grace period has passed on the injected clock (no sleep).
 */
class MtprotoObservabilityClusterTest {
    private final MutableClock clock = new MutableClock(Instant.now());

    @Test
    void aBotsCallsUpdatesHandlerAndHealthAreObservedUntilTelegramGoesAway() {
        TestCluster cluster = TestCluster.start(1);
        try {
            World world = cluster.world();
            Account bot = world.newBot("observed_bot").name("Observed").create();
            Account alice = world.newUser("+15550123").name("Alice").create();
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(MtprotoAutoConfiguration.class, MtprotoHandlerAutoConfiguration.class,
                            MtprotoMetricsAutoConfiguration.class, MtprotoObservationAutoConfiguration.class,
                            MtprotoHealthContributorAutoConfiguration.class, MtprotoEndpointAutoConfiguration.class,
                            ObservationAutoConfiguration.class, MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                            SimpleMetricsExportAutoConfiguration.class))
                    .withPropertyValues(ClusterProperties.of(cluster, "mtproto.bot-token=" + bot.botToken(),
                            "management.endpoints.web.exposure.include=mtproto", "management.health.mtproto.down-after=30s"))
                    .withBean(Clock.class, () -> clock).withUserConfiguration(EchoHandler.class).run((context) -> {
                        assertThat(context).hasNotFailed();
                        MeterRegistry registry = context.getBean(MeterRegistry.class);
                        MtprotoHealthIndicator health = context.getBean(MtprotoHealthIndicator.class);
                        world.send(alice).to(bot).text("hi");
                        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(registry.find("mtproto.client.requests")
                                .tag("rpc.method", "messages.sendMessage").tag("outcome", "success").timer()).isNotNull());
                        assertThat(registry.get("mtproto.client.requests").tag("rpc.method", "messages.sendMessage")
                                .tag("mtproto.account", "default").tag("mtproto.dc", "1").tag("rpc.error_code", "none").timer().count())
                                .isEqualTo(1);
                        // Alice's message, and the bot's own answer, which Telegram hands the sender as an update too
                        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(registry.get("mtproto.updates.dispatched")
                                .functionCounter().count()).isEqualTo(2));
                        assertThat(registry.get("mtproto.updates.received").tag("update.type", "new_message").counter().count()).isEqualTo(2);
                        assertThat(registry.get("mtproto.updates.handler").tag("mtproto.handler", "EchoHandler.echo")
                                .tag("outcome", "success").tag("update.type", "new_message").timer().count()).isEqualTo(1);
                        assertThat(registry.get("mtproto.client.connected").tag("mtproto.dc", "1").gauge().value()).isEqualTo(1);
                        assertThat(registry.get("mtproto.client.sent").tag("mtproto.dc", "1").functionCounter().count()).isPositive();
                        assertThat(registry.get("mtproto.client.received").tag("mtproto.dc", "1").functionCounter().count()).isPositive();

                        Health up = health.health();
                        assertThat(up.getStatus()).isEqualTo(Status.UP);
                        assertThat(details(up)).containsEntry("status", "SIGNED_IN").containsEntry("dc", 1).containsEntry("layer", 228)
                                .containsEntry("connection", "CONNECTED").containsKey("lastUpdateAge")
                                .doesNotContainKey("disconnectedFor");
                        assertThat(up.toString()).doesNotContain(bot.botToken());

                        MtprotoEndpoint.MtprotoDescriptor described = context.getBean(MtprotoEndpoint.class).mtproto();
                        assertThat(described.accounts()).singleElement().satisfies(a -> {
                            assertThat(a.status()).isEqualTo("SIGNED_IN");
                            assertThat(a.userId()).isEqualTo(bot.id());
                            assertThat(a.updatesDispatched()).isEqualTo(2);
                            assertThat(Instant.parse(a.signedInAt())).isBefore(Instant.now().plusSeconds(1));
                            assertThat(a.connection()).isEqualTo("CONNECTED");
                        });
                        assertThat(described.handlers()).singleElement().satisfies(h -> {
                            assertThat(h.id()).isEqualTo("EchoHandler.echo");
                            assertThat(h.updateKind()).isEqualTo("NewMessage");
                            assertThat(h.invocations()).isEqualTo(1);
                            assertThat(h.failures()).isZero();
                        });
                        assertThat(described.toString()).doesNotContain(bot.botToken());

                        cluster.close();
                        TelegramClients clients = context.getBean(TelegramClients.class);
                        await().atMost(Duration.ofSeconds(10)).until(() -> clients.get("default").raw().state() != ConnectionState.CONNECTED);
                        assertThat(registry.get("mtproto.client.connected").tag("mtproto.dc", "1").gauge().value()).isZero();
                        clock.advance(Duration.ofSeconds(29));
                        Health reconnecting = health.health();
                        assertThat(reconnecting.getStatus()).isEqualTo(Status.UP);
                        assertThat(details(reconnecting)).containsEntry("disconnectedFor", "PT29S");
                        clock.advance(Duration.ofSeconds(2));
                        Health down = health.health();
                        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                        assertThat(details(down)).containsEntry("disconnectedFor", "PT31S").containsEntry("health", "DOWN");
                        assertThat(registry.find("mtproto.client.reconnects").tag("mtproto.dc", "1").functionCounters()).isNotEmpty();
                    });
        } finally {
            cluster.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Health health) {
        return (Map<String, Object>) health.getDetails().get("default");
    }

    @Configuration(proxyBeanMethods = false)
    static class EchoHandler {
        @Bean
        EchoBot echoBot() {
            return new EchoBot();
        }
    }

    static class EchoBot {
        @UpdateHandler(id = "EchoHandler.echo")
        String echo(String text) {
            return "echo: " + text;
        }
    }
}
