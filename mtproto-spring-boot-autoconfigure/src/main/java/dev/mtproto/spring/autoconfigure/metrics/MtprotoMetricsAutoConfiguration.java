package dev.mtproto.spring.autoconfigure.metrics;

import dev.mtproto.spring.autoconfigure.MtprotoAutoConfiguration;
import dev.mtproto.spring.autoconfigure.MtprotoClientConfigCustomizer;
import dev.mtproto.spring.client.TelegramClients;
import dev.mtproto.spring.metrics.ClientMetersRegistry;
import dev.mtproto.spring.metrics.HandlerMeters;
import dev.mtproto.spring.metrics.MtprotoMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The accounts' {@code mtproto.*} meters, when Micrometer has a {@link MeterRegistry}: a listener on each
 * client's events (added through a {@link MtprotoClientConfigCustomizer}), a {@link MtprotoMetrics} binder,
 * and a timer around every update handler. {@code management.metrics.enable.mtproto=false} turns them off.
 */
@AutoConfiguration(after = MtprotoAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ TelegramClients.class, MeterRegistry.class })
@ConditionalOnBean({ TelegramClients.class, MeterRegistry.class })
public final class MtprotoMetricsAutoConfiguration {

    MtprotoMetricsAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    ClientMetersRegistry mtprotoClientMetersRegistry() {
        return new ClientMetersRegistry();
    }

    @Bean
    MtprotoClientConfigCustomizer mtprotoMetricsClientConfigCustomizer(ClientMetersRegistry meters) {
        return (accountName, builder) -> builder.addEventListener(meters.forAccount(accountName));
    }

    @Bean
    @ConditionalOnMissingBean
    MtprotoMetrics mtprotoMetrics(TelegramClients clients, ClientMetersRegistry meters) {
        return new MtprotoMetrics(clients, meters);
    }

    @Bean
    @ConditionalOnMissingBean
    HandlerMeters mtprotoHandlerMeters(MeterRegistry registry) {
        return new HandlerMeters(registry);
    }
}
