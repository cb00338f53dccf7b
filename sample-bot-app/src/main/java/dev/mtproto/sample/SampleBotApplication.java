package dev.mtproto.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample bot. Without {@code TG_API_ID} in the environment it starts its own Telegram on 127.0.0.1
 * ({@link OfflineTelegram}) and a scripted user talks to it ({@link ScriptedConversation}); with
 * {@code TG_API_ID}, {@code TG_API_HASH} and {@code TG_BOT_TOKEN} it is a real bot on Telegram.
 */
@SpringBootApplication
public class SampleBotApplication {

    /** @param args Spring Boot's command line */
    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(SampleBotApplication.class);
        // offline, the embedded Telegram starts on another thread while Spring Boot starts on this one
        String apiId = System.getenv("TG_API_ID");
        app.addInitializers(new OfflineTelegram(apiId == null || apiId.isBlank() ? OfflineTelegram.startInBackground() : null));
        app.run(args);
    }
}
