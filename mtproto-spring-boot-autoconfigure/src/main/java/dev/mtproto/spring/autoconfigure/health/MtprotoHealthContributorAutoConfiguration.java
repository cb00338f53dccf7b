package dev.mtproto.spring.autoconfigure.health;

import dev.mtproto.spring.autoconfigure.MtprotoAutoConfiguration;
import dev.mtproto.spring.autoconfigure.MtprotoClientConfigCustomizer;
import dev.mtproto.spring.client.TelegramClients;
import dev.mtproto.spring.health.ConnectionWatches;
import dev.mtproto.spring.health.MtprotoHealthIndicator;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code mtproto} health indicator ({@link MtprotoHealthIndicator}), when {@code spring-boot-health} is on
 * the classpath and {@code management.health.mtproto.enabled} is not false. It uses the application's
 * {@link Clock} bean if there is one, else the system clock.
 */
@AutoConfiguration(after = MtprotoAutoConfiguration.class)
// by name: a context registering this class by its Class object (not through AutoConfiguration.imports) reads
// the annotation by reflection, which drops it whole when a class literal is missing (found by HealthModuleAbsentTest)
@ConditionalOnClass(value = TelegramClients.class, name = { "org.springframework.boot.health.contributor.HealthIndicator",
        "org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator" })
@ConditionalOnBean(TelegramClients.class)
@ConditionalOnEnabledHealthIndicator("mtproto")
@EnableConfigurationProperties(MtprotoHealthProperties.class)
public final class MtprotoHealthContributorAutoConfiguration {

    MtprotoHealthContributorAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    ConnectionWatches mtprotoConnectionWatches(ObjectProvider<Clock> clock) {
        return new ConnectionWatches(clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    MtprotoClientConfigCustomizer mtprotoHealthClientConfigCustomizer(ConnectionWatches watches) {
        return (accountName, builder) -> builder.addEventListener(watches.forAccount(accountName));
    }

    @Bean
    @ConditionalOnMissingBean(name = { "mtprotoHealthIndicator", "mtprotoHealthContributor" })
    MtprotoHealthIndicator mtprotoHealthIndicator(TelegramClients clients, ConnectionWatches watches, MtprotoHealthProperties properties,
            ObjectProvider<Clock> clock) {
        return new MtprotoHealthIndicator(clients, watches, properties.downAfter(), clock.getIfAvailable(Clock::systemUTC));
    }
}
