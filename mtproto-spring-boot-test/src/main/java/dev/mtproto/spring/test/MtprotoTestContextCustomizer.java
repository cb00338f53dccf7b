package dev.mtproto.spring.test;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points the application at the embedded Telegram for its bot username (started on first use, one per JVM,
 * stopped when the JVM exits) and registers it as a bean. Equal customizers share a cached context.
 */
final class MtprotoTestContextCustomizer implements ContextCustomizer {
    private static final Map<String, EmbeddedTelegram> RUNNING = new ConcurrentHashMap<>();

    private final String botUsername;
    private final Duration replyTimeout;

    MtprotoTestContextCustomizer(String botUsername, Duration replyTimeout) {
        this.botUsername = botUsername;
        this.replyTimeout = replyTimeout;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        EmbeddedTelegram telegram = RUNNING.computeIfAbsent(botUsername + "/" + replyTimeout, key -> {
            EmbeddedTelegram t = EmbeddedTelegram.start(botUsername, replyTimeout);
            Runtime.getRuntime().addShutdownHook(new Thread(t::close, "mtproto-test-telegram-stop"));
            return t;
        });
        // first, so it wins over application.yml: a test never reaches Telegram's own DCs
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("mtprotoTest", telegram.properties()));
        context.getBeanFactory().registerSingleton("embeddedTelegram", telegram);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MtprotoTestContextCustomizer c && c.botUsername.equals(botUsername) && c.replyTimeout.equals(replyTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(botUsername, replyTimeout);
    }
}
