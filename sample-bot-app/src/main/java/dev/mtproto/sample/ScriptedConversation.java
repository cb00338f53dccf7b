package dev.mtproto.sample;

import dev.mtproto.spring.test.BotReply;
import dev.mtproto.spring.test.EmbeddedTelegram;
import dev.mtproto.spring.test.TestUser;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Offline mode only: once the application is up, a scripted user, Alice, talks to the bot through the
 * embedded Telegram, and the conversation is printed as it happens. The application keeps serving after it
 * (health at {@code /actuator/health}) until it is stopped.
 */
@Component
@ConditionalOnBooleanProperty("sample.scripted-user")
class ScriptedConversation implements ApplicationRunner {
    private final ObjectProvider<EmbeddedTelegram> telegram;
    private final PrintStream out = System.out;

    ScriptedConversation(ObjectProvider<EmbeddedTelegram> telegram) {
        this.telegram = telegram;
    }

    @Override
    public void run(ApplicationArguments args) {
        EmbeddedTelegram t = telegram.getIfAvailable();
        if (t == null) {
            return;
        }
        TestUser alice = t.user("Alice");
        say(alice, "/start");
        long firstAnswer = ManagementFactory.getRuntimeMXBean().getUptime();
        out.printf("(first answer %d ms after the JVM started)%n", firstAnswer);
        say(alice, "/help");
        say(alice, "hello, bot 👋");
        BotReply menu = say(alice, "/menu");
        press(alice, menu, "👍 Like");
        press(alice, menu, "ℹ️ About");
        say(alice, "/order");
        say(alice, "tea");
        say(alice, "3");
        say(alice, "divide 7 by 0");
        BotReply file = say(alice, "/file");
        alice.fileOf(file).ifPresent(f -> out.println("bot -> Alice: a document " + f.fileName() + " (" + f.mimeType() + ", "
                + f.content().length + " bytes): " + new String(f.content(), java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElse("")));
        byte[] notes = "Notes from Alice's phone.\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.println("Alice -> bot: a document notes.txt (" + notes.length + " bytes)");
        out.println("bot -> Alice: " + alice.sendFile("notes.txt", notes, "").expectReply().text());
        out.println("the conversation is over; the bot keeps serving (GET http://localhost:8080/actuator/health), Ctrl+C stops it");
    }

    private BotReply say(TestUser user, String text) {
        out.println("Alice -> bot: " + text);
        BotReply reply = user.send(text).expectReply();
        out.println("bot -> Alice: " + reply.text() + (reply.buttons().isEmpty() ? "" : "  " + reply.buttons()));
        return reply;
    }

    private void press(TestUser user, BotReply message, String button) {
        out.println("Alice presses [" + button + "]");
        Optional<String> answer = user.press(message, button);
        out.println("bot shows: " + answer.orElse("(nothing)"));
    }
}
