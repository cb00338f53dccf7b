package dev.mtproto.spring.autoconfigure.observation;

import dev.mtproto.spring.autoconfigure.MtprotoAutoConfiguration;
import dev.mtproto.spring.autoconfigure.MtprotoClientConfigCustomizer;
import dev.mtproto.spring.client.TelegramClients;
import dev.mtproto.spring.observation.MtprotoClientObservationConvention;
import dev.mtproto.spring.observation.ObservationRpcInterceptor;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * An {@code mtproto.client.requests} observation per RPC call of every account, when Micrometer has an
 * {@link ObservationRegistry}: an {@link ObservationRpcInterceptor} added to each client. A
 * {@link MtprotoClientObservationConvention} bean replaces the default names and keys;
 * {@code management.observations.enable.mtproto=false} turns the observations off.
 */
@AutoConfiguration(after = MtprotoAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ TelegramClients.class, ObservationRegistry.class })
@ConditionalOnBean({ TelegramClients.class, ObservationRegistry.class })
public final class MtprotoObservationAutoConfiguration {

    MtprotoObservationAutoConfiguration() {
    }

    @Bean
    MtprotoClientConfigCustomizer mtprotoObservationClientConfigCustomizer(ObservationRegistry registry,
            ObjectProvider<MtprotoClientObservationConvention> convention) {
        MtprotoClientObservationConvention custom = convention.getIfAvailable();
        return (accountName, builder) -> builder.addInterceptor(new ObservationRpcInterceptor(accountName, registry, custom));
    }
}
