package dev.mtproto.spring.autoconfigure.endpoint;

import dev.mtproto.spring.actuate.MtprotoEndpoint;
import dev.mtproto.spring.autoconfigure.MtprotoAutoConfiguration;
import dev.mtproto.spring.autoconfigure.handler.MtprotoHandlerAutoConfiguration;
import dev.mtproto.spring.client.TelegramClients;
import dev.mtproto.spring.handler.UpdateRouter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The read-only {@code mtproto} Actuator endpoint ({@link MtprotoEndpoint}), when the actuator is on the
 * classpath and the endpoint is available (exposed, e.g. {@code management.endpoints.web.exposure.include=mtproto},
 * and its access not {@code none}).
 */
@AutoConfiguration(after = { MtprotoAutoConfiguration.class, MtprotoHandlerAutoConfiguration.class })
@ConditionalOnClass({ TelegramClients.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(TelegramClients.class)
@ConditionalOnAvailableEndpoint(MtprotoEndpoint.class)
public final class MtprotoEndpointAutoConfiguration {

    MtprotoEndpointAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    MtprotoEndpoint mtprotoEndpoint(TelegramClients clients, ObjectProvider<UpdateRouter> router) {
        return new MtprotoEndpoint(clients, router.getIfAvailable());
    }
}
