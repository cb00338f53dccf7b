package dev.mtproto.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.spring.test.BotFile;
import dev.mtproto.spring.test.BotReply;
import dev.mtproto.spring.test.EmbeddedTelegram;
import dev.mtproto.spring.test.MtprotoTest;
import dev.mtproto.spring.test.TestUser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The sample bot as a whole, with the test slice: the application boots against an embedded Telegram. */
@MtprotoTest(properties = "server.port=0")
class SampleBotApplicationTest {
    @Autowired
    EmbeddedTelegram telegram;

    @Test
    void greetsByNameAndHelps() {
        TestUser alice = telegram.user("Alice");
        assertThat(alice.send("/start").expectReply().text()).isEqualTo("Hello, Alice! " + BotHandlers.HELP);
        assertThat(alice.send("/help").expectReply().text()).isEqualTo(BotHandlers.HELP);
    }

    @Test
    void answersFileWithADocument() {
        TestUser frank = telegram.user("Frank");
        BotReply reply = frank.send("/file").expectReply();
        assertThat(reply.text()).isEqualTo("Here is your file");
        BotFile file = frank.fileOf(reply).orElseThrow();
        assertThat(file.fileName()).isEqualTo(BotHandlers.FILE_NAME);
        assertThat(file.mimeType()).isEqualTo("text/plain");
        assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo(BotHandlers.fileContent(frank.account().id()));
    }

    @Test
    void checksAFileItIsSent() throws Exception {
        TestUser grace = telegram.user("Grace");
        byte[] content = new byte[600_000]; // two parts of 512 KiB to download
        new java.util.Random(3).nextBytes(content);
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(grace.sendFile("scan.pdf", content, "").expectReply().text())
                .isEqualTo("Got scan.pdf: 600000 bytes, SHA-256 " + expected + ".");
        assertThat(grace.sendFile("notes.txt", "a few words".getBytes(StandardCharsets.UTF_8), "my notes").expectReply().text())
                .as("a caption is not echoed: the file is what the message carries")
                .startsWith("Got notes.txt: 11 bytes, SHA-256 ");
        grace.expectNoReply(Duration.ofMillis(300));
    }

    @Test
    void echoesWhatIsNotACommand() {
        TestUser bob = telegram.user("Bob");
        assertThat(bob.send("ünïcödé 👋🏽").expectReply().text()).isEqualTo("ünïcödé 👋🏽");
        bob.send("/unknown");
        bob.expectNoReply(Duration.ofMillis(300));
    }

    @Test
    void menuButtonsAreAnswered() {
        TestUser carol = telegram.user("Carol");
        BotReply menu = carol.send("/menu").expectReply();
        assertThat(menu.buttons()).containsExactly(java.util.List.of("👍 Like", "ℹ️ About"));
        assertThat(carol.press(menu, "👍 Like")).hasValueSatisfying(t -> assertThat(t).startsWith("Thanks! That makes "));
        assertThat(carol.press(menu, "ℹ️ About")).contains("A Spring Boot bot on mtproto-spring");
    }

    @Test
    void anOrderTakesThreeSteps() {
        TestUser dan = telegram.user("Dan");
        assertThat(dan.send("/order").expectReply().text()).isEqualTo("What would you like?");
        assertThat(dan.send("coffee").expectReply().text()).isEqualTo("How many coffee?");
        assertThat(dan.send("2").expectReply().text()).isEqualTo("Ordered 2 × coffee.");
    }

    @Test
    void aBadOrderGoesToTheExceptionHandler() {
        TestUser eve = telegram.user("Eve");
        eve.send("/order").expectReply();
        eve.send("tea").expectReply();
        assertThat(eve.send("lots").expectReply().text()).isEqualTo("That is not a number, so I dropped the order.");
        assertThat(eve.send("divide 7 by 0").expectReply().text()).isEqualTo("I cannot do that: / by zero.");
        assertThat(eve.send("divide 8 by 2").expectReply().text()).isEqualTo("8 / 2 = 4");
    }
}
