package dev.mtproto.spring.autoconfigure.handler;

import dev.mtproto.spring.autoconfigure.MtprotoAutoConfiguration;
import dev.mtproto.spring.autoconfigure.MtprotoProperties;
import dev.mtproto.spring.client.TelegramClients;
import dev.mtproto.spring.handler.HandlerInvocationListener;
import dev.mtproto.spring.handler.HandlerMethods;
import dev.mtproto.spring.handler.UpdateDispatcherLifecycle;
import dev.mtproto.spring.handler.UpdateHandlerAnnotationBeanPostProcessor;
import dev.mtproto.spring.handler.UpdateHandlerRegistry;
import dev.mtproto.spring.handler.UpdateRouter;
import java.time.Duration;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * Update dispatch: finds {@code @UpdateHandler} methods, routes each account's updates to them (and publishes
 * them as events), and runs the dispatcher lifecycle that starts after sign-in and drains first at shutdown.
 * {@code mtproto.updates.enabled=false} turns it off (the clients then only make calls).
 */
@AutoConfiguration(after = MtprotoAutoConfiguration.class)
@ConditionalOnBean(TelegramClients.class)
@ConditionalOnBooleanProperty(name = "mtproto.updates.enabled", matchIfMissing = true)
public final class MtprotoHandlerAutoConfiguration {

    MtprotoHandlerAutoConfiguration() {
    }

    @Bean
    static UpdateHandlerAnnotationBeanPostProcessor updateHandlerAnnotationBeanPostProcessor() {
        return new UpdateHandlerAnnotationBeanPostProcessor();
    }

    @Bean
    @ConditionalOnMissingBean
    UpdateHandlerRegistry updateHandlerRegistry() {
        return new UpdateHandlerRegistry();
    }

    @Bean
    @ConditionalOnMissingBean
    HandlerMethods mtprotoHandlerMethods(ListableBeanFactory beans, ObjectProvider<HandlerMethodArgumentResolver> resolvers) {
        return new HandlerMethods(beans, ApplicationConversionService.getSharedInstance(), resolvers.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    UpdateRouter updateRouter(UpdateHandlerRegistry registry, MtprotoProperties properties, ApplicationEventPublisher events,
            ObjectProvider<HandlerInvocationListener> listeners) {
        return new UpdateRouter(registry, properties.updates().publishEvents() ? events : null, listeners.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    UpdateDispatcherLifecycle updateDispatcherLifecycle(TelegramClients clients, UpdateRouter router, MtprotoProperties properties,
            Environment environment) {
        Duration drain = Binder.get(environment).bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class).orElse(Duration.ofSeconds(30));
        // the handlers get most of the phase; the rest is for a handler still running and the final state write
        Duration forHandlers = drain.compareTo(Duration.ofSeconds(4)) > 0 ? drain.minusSeconds(2) : drain.dividedBy(2);
        return new UpdateDispatcherLifecycle(clients, router, forHandlers, properties.timeouts().start(), properties.autoStartup());
    }
}
