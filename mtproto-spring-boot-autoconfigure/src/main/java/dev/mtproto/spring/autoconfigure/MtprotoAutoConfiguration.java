package dev.mtproto.spring.autoconfigure;

import dev.mtproto.auth.ConsoleLoginFlow;
import dev.mtproto.auth.LoginFlow;
import dev.mtproto.spring.client.LoginFlowProvider;
import dev.mtproto.spring.client.MtprotoClientLifecycle;
import dev.mtproto.spring.client.TelegramClients;
import dev.mtproto.telegram.TelegramClient;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.thread.Threading;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * The Telegram accounts of {@code mtproto.*}: a {@link TelegramClients} bean with each account's
 * {@link TelegramClient} (and, with one account, that client as a bean of its own), and the lifecycle that
 * connects and signs them in before the web server starts. Every bean backs off when the application
 * defines its own; {@code mtproto.enabled=false} turns it all off.
 */
@AutoConfiguration
@ConditionalOnClass(TelegramClient.class)
@ConditionalOnBooleanProperty(name = "mtproto.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MtprotoProperties.class)
public final class MtprotoAutoConfiguration {

    MtprotoAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    TelegramClients telegramClients(MtprotoProperties properties, ObjectProvider<DataSource> dataSource,
            ObjectProvider<MtprotoClientConfigCustomizer> configCustomizers, ObjectProvider<UpdateEngineConfigCustomizer> engineCustomizers,
            ObjectProvider<Clock> clock, Environment environment) {
        Executor handlers = null;
        if (Threading.VIRTUAL.isActive(environment)) {
            SimpleAsyncTaskExecutor virtual = new SimpleAsyncTaskExecutor("mtproto-updates-");
            virtual.setVirtualThreads(true);
            handlers = virtual;
        }
        TelegramClients clients = new TelegramClientsFactory(properties, dataSource.getIfAvailable(), configCustomizers.orderedStream().toList(),
                engineCustomizers.orderedStream().toList(), handlers, clock.getIfAvailable(Clock::systemUTC)).create();
        if (properties.autoStartup()) {
            // the connections (and any key exchange) open in the background while the rest of the context starts;
            // the client lifecycle then signs in over them; a context that fails closes them (TelegramClients.close)
            clients.forEach(a -> a.client().raw().start());
        }
        return clients;
    }

    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    @Conditional(OnSingleAccountCondition.class)
    TelegramClient telegramClient(TelegramClients clients) {
        return clients.size() == 1 ? clients.iterator().next().client() : clients.get(TelegramClients.DEFAULT_NAME);
    }

    @Bean
    @ConditionalOnMissingBean
    LoginFlowProvider mtprotoLoginFlowProvider(ObjectProvider<LoginFlow> flows) {
        return account -> {
            LoginFlow flow = flows.getIfAvailable();
            if (flow != null) {
                return Optional.of(flow);
            }
            return System.console() != null ? Optional.of(new ConsoleLoginFlow()) : Optional.empty();
        };
    }

    @Bean
    @ConditionalOnMissingBean
    MtprotoClientLifecycle mtprotoClientLifecycle(TelegramClients clients, LoginFlowProvider flows, ApplicationEventPublisher events,
            MtprotoProperties properties) {
        return new MtprotoClientLifecycle(clients, flows, events, properties.timeouts().start(), properties.autoStartup());
    }
}
