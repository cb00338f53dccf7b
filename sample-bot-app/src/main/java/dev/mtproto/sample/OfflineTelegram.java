package dev.mtproto.sample;

import dev.mtproto.spring.test.EmbeddedTelegram;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Offline mode: when no {@code TG_API_ID} is set, starts an embedded Telegram (test DCs on 127.0.0.1 speaking
 * real MTProto) and points the application's account at it as the bot {@code @sample_bot}.
 */
final class OfflineTelegram implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    private static final Logger LOG = LoggerFactory.getLogger(OfflineTelegram.class);

    private final CompletableFuture<EmbeddedTelegram> starting;

    /** @param starting the embedded Telegram being started, or null when TG_API_ID is set */
    OfflineTelegram(CompletableFuture<EmbeddedTelegram> starting) {
        this.starting = starting;
    }

    /** @return the embedded Telegram, starting on a thread of its own */
    static CompletableFuture<EmbeddedTelegram> startInBackground() {
        CompletableFuture<EmbeddedTelegram> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(EmbeddedTelegram.start("sample_bot", Duration.ofSeconds(10)));
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        }, "embedded-telegram-start");
        t.setDaemon(true);
        t.start();
        return f;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (starting == null) {
            LOG.info("TG_API_ID is set: talking to Telegram");
            return;
        }
        EmbeddedTelegram telegram = starting.join();
        java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>(telegram.properties());
        properties.put("sample.scripted-user", true);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("offlineTelegram", properties));
        context.getBeanFactory().registerSingleton("embeddedTelegram", telegram);
        LOG.info("no TG_API_ID: offline, against an embedded Telegram on 127.0.0.1 ({} DCs), as @sample_bot", telegram.cluster().dcs().size());
    }
}
