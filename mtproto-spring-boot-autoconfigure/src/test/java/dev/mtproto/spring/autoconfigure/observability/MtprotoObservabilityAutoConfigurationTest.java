package dev.mtproto.spring.autoconfigure.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.interceptor.RpcChain;
import dev.mtproto.client.interceptor.RpcInterceptor;
import dev.mtproto.client.interceptor.RpcRequest;
import dev.mtproto.spring.actuate.MtprotoEndpoint;
import dev.mtproto.spring.autoconfigure.MtprotoAutoConfiguration;
import dev.mtproto.spring.autoconfigure.endpoint.MtprotoEndpointAutoConfiguration;
import dev.mtproto.spring.autoconfigure.health.MtprotoHealthContributorAutoConfiguration;
import dev.mtproto.spring.autoconfigure.metrics.MtprotoMetricsAutoConfiguration;
import dev.mtproto.spring.autoconfigure.observation.MtprotoObservationAutoConfiguration;
import dev.mtproto.spring.client.TelegramClients;
import dev.mtproto.spring.health.MtprotoHealthIndicator;
import dev.mtproto.spring.metrics.MtprotoMetrics;
import dev.mtproto.spring.observation.DefaultMtprotoClientObservationConvention;
import dev.mtproto.spring.observation.MtprotoClientObservationConvention;
import dev.mtproto.spring.observation.ObservationRpcInterceptor;
import dev.mtproto.spring.observation.RequestObservationContext;
import dev.mtproto.tl.api.help.GetConfig;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The conditions and back-off of the metrics, observation, health and endpoint auto-configurations. Nothing
 * connects ({@code mtproto.auto-startup=false}); {@code MtprotoObservabilityClusterTest} runs them against a
 * test cluster, {@code MtprotoObservabilityBootChainTest} behind Boot's own auto-configurations.
 */
class MtprotoObservabilityAutoConfigurationTest {
    private static final String TOKEN = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq";
    private static final String API_HASH = "0123456789abcdef0123456789abcdef";

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MtprotoAutoConfiguration.class, MtprotoMetricsAutoConfiguration.class,
                    MtprotoObservationAutoConfiguration.class, MtprotoHealthContributorAutoConfiguration.class,
                    MtprotoEndpointAutoConfiguration.class))
            .withPropertyValues("mtproto.auto-startup=false", "mtproto.api-id=17349", "mtproto.api-hash=" + API_HASH,
                    "mtproto.session.store=memory", "mtproto.dc.addresses.2=127.0.0.1:1", "mtproto.dc.home=2", "mtproto.bot-token=" + TOKEN);

    @Test
    void withoutMeterOrObservationRegistryNoMetricsAndNoObservations() {
        this.contextRunner.run((context) -> {
            assertThat(context).hasSingleBean(TelegramClients.class).doesNotHaveBean(MtprotoMetrics.class);
            assertThat(interceptors(context.getBean(TelegramClients.class))).noneMatch(ObservationRpcInterceptor.class::isInstance);
        });
    }

    @Test
    void withAMeterRegistryTheAccountsMetersAreBound() {
        this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
            assertThat(context).hasSingleBean(MtprotoMetrics.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            context.getBean(MtprotoMetrics.class).bindTo(registry);
            assertThat(registry.get("mtproto.client.requests.pending").tag("mtproto.account", "default").gauge().value()).isZero();
            assertThat(registry.get("mtproto.updates.dispatched").tag("mtproto.account", "default").functionCounter().count()).isZero();
            assertThat(registry.get("mtproto.updates.pending").gauge().value()).isZero();
            assertThat(context.getBean(TelegramClients.class).get("default").raw().config().eventListeners())
                    .anyMatch(dev.mtproto.spring.metrics.ClientMeters.class::isInstance);
        });
    }

    @Test
    void whenMicrometerIsNotOnTheClasspathMetricsBackOff() {
        this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run((context) -> assertThat(context)
                .hasSingleBean(TelegramClients.class).doesNotHaveBean(MtprotoMetrics.class));
    }

    @Test
    void anApplicationsOwnConventionNamesTheObservations() {
        this.contextRunner.withUserConfiguration(ObservationConfiguration.class, CustomConventionConfiguration.class).run((context) -> {
            RpcInterceptor interceptor = observationInterceptor(context.getBean(TelegramClients.class));
            List<Observation.Context> seen = context.getBean(ObservationConfiguration.class).stopped;
            interceptor.intercept(answering(new RpcRequest<>(7, GetConfig.INSTANCE, ConnectionId.main(2), 1, Duration.ofSeconds(1)))).join();
            assertThat(seen).singleElement().satisfies(c -> {
                assertThat(c.getName()).isEqualTo("custom.requests");
                assertThat(c.getLowCardinalityKeyValue("rpc.method").getValue()).isEqualTo("help.getConfig");
                assertThat(c.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("success");
                assertThat(c.getLowCardinalityKeyValue("mtproto.dc").getValue()).isEqualTo("2");
                assertThat(c.getLowCardinalityKeyValue("custom").getValue()).isEqualTo("yes");
            });
        });
    }

    @Test
    void whenObservationIsNotOnTheClasspathNoInterceptorIsAdded() {
        this.contextRunner.withUserConfiguration(ObservationConfiguration.class).withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
                .run((context) -> assertThat(interceptors(context.getBean(TelegramClients.class)))
                        .noneMatch(ObservationRpcInterceptor.class::isInstance));
    }

    @Test
    void theHealthIndicatorIsUnknownBeforeTheAccountStartsAndShowsNoSecret() {
        this.contextRunner.run((context) -> {
            assertThat(context).hasSingleBean(MtprotoHealthIndicator.class).hasBean("mtprotoHealthIndicator");
            Health health = context.getBean(MtprotoHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
            assertThat(health.getDetails()).containsOnlyKeys("default");
            @SuppressWarnings("unchecked")
            Map<String, Object> details = (Map<String, Object>) health.getDetails().get("default");
            assertThat(details).containsEntry("status", "CREATED").containsEntry("dc", 2).containsEntry("layer", 228)
                    .containsEntry("connection", "DISCONNECTED");
            assertThat(health.toString()).doesNotContain("AAHdq").doesNotContain(API_HASH);
        });
    }

    @Test
    void theHealthIndicatorBacksOffWhenDisabledAbsentOrDefinedByTheApplication() {
        this.contextRunner.withPropertyValues("management.health.mtproto.enabled=false")
                .run((context) -> assertThat(context).doesNotHaveBean(MtprotoHealthIndicator.class));
        this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run((context) -> assertThat(context).hasSingleBean(TelegramClients.class).doesNotHaveBean(MtprotoHealthIndicator.class));
        this.contextRunner.withUserConfiguration(OwnHealthConfiguration.class).run((context) -> {
            assertThat(context).doesNotHaveBean(MtprotoHealthIndicator.class);
            assertThat(context.getBean("mtprotoHealthIndicator", HealthIndicator.class).health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        });
    }

    @Test
    void aNegativeGracePeriodIsRefusedNamingTheProperty() {
        this.contextRunner.withPropertyValues("management.health.mtproto.down-after=-1s").run((context) -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("management.health.mtproto.down-after"));
    }

    @Test
    void theEndpointExistsOnlyWhenExposed() {
        this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MtprotoEndpoint.class));
        this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=mtproto").run((context) -> {
            MtprotoEndpoint.MtprotoDescriptor described = context.getBean(MtprotoEndpoint.class).mtproto();
            assertThat(described.accounts()).singleElement().satisfies(a -> {
                assertThat(a.name()).isEqualTo("default");
                assertThat(a.status()).isEqualTo("CREATED");
                assertThat(a.homeDc()).isEqualTo(2);
                assertThat(a.userId()).isNull();
                assertThat(a.connection()).isEqualTo("DISCONNECTED");
            });
            assertThat(described.handlers()).isEmpty();
            assertThat(described.toString()).doesNotContain("AAHdq").doesNotContain(API_HASH);
        });
    }

    static List<RpcInterceptor> interceptors(TelegramClients clients) {
        return clients.get("default").raw().config().interceptors();
    }

    static RpcInterceptor observationInterceptor(TelegramClients clients) {
        return interceptors(clients).stream().filter(ObservationRpcInterceptor.class::isInstance).findFirst().orElseThrow();
    }

    /** A chain whose next step answers at once with an empty result. */
    static <R> RpcChain<R> answering(RpcRequest<R> request) {
        return new RpcChain<>() {
            @Override
            public RpcRequest<R> request() {
                return request;
            }

            @Override
            public CompletableFuture<R> proceed(RpcRequest<R> r) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Void> delay(Duration delay) {
                return CompletableFuture.completedFuture(null);
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    static class MeterRegistryConfiguration {
        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ObservationConfiguration {
        final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

        @Bean
        ObservationRegistry observationRegistry() {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(new ObservationHandler<>() {
                @Override
                public void onStop(Observation.Context context) {
                    stopped.add(context);
                }

                @Override
                public boolean supportsContext(Observation.Context context) {
                    return true;
                }
            });
            return registry;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomConventionConfiguration {
        @Bean
        MtprotoClientObservationConvention customConvention() {
            return new DefaultMtprotoClientObservationConvention() {
                @Override
                public String getName() {
                    return "custom.requests";
                }

                @Override
                public KeyValues getLowCardinalityKeyValues(RequestObservationContext context) {
                    return super.getLowCardinalityKeyValues(context).and("custom", "yes");
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnHealthConfiguration {
        @Bean
        HealthIndicator mtprotoHealthIndicator() {
            return () -> Health.outOfService().build();
        }
    }
}
