package dev.mtproto.sample;

import dev.mtproto.spring.test.EmbeddedTelegram;
import java.time.Duration;
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

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().containsProperty("TG_API_ID")) {
            LOG.info("TG_API_ID is set: talking to Telegram");
            return;
        }
        EmbeddedTelegram telegram = EmbeddedTelegram.start("sample_bot", Duration.ofSeconds(10));
        java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>(telegram.properties());
        properties.put("sample.scripted-user", true);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("offlineTelegram", properties));
        context.getBeanFactory().registerSingleton("embeddedTelegram", telegram);
        LOG.info("no TG_API_ID: offline, against an embedded Telegram on 127.0.0.1 ({} DCs), as @sample_bot", telegram.cluster().dcs().size());
    }
}
