package dev.mtproto.sample;

import dev.mtproto.files.DownloadOptions;
import dev.mtproto.files.DownloadTarget;
import dev.mtproto.messages.keyboard.InlineKeyboard;
import dev.mtproto.spring.handler.UpdateExceptionHandler;
import dev.mtproto.spring.handler.UpdateHandler;
import dev.mtproto.spring.handler.UpdateVariable;
import dev.mtproto.telegram.CallbackQueryView;
import dev.mtproto.telegram.ChatKind;
import dev.mtproto.telegram.Conversation;
import dev.mtproto.telegram.MessageView;
import dev.mtproto.telegram.OutgoingMessage;
import dev.mtproto.telegram.TelegramClient;
import dev.mtproto.telegram.media.DocumentMedia;
import dev.mtproto.telegram.media.MediaMessage;
import dev.mtproto.tl.api.User;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** What the sample bot does, one method per behaviour. */
@Component
class BotHandlers {
    static final String HELP = "I know /start, /help, /menu, /order and /file; send me a file and I check it. Anything else I repeat.";
    static final String FILE_NAME = "sample-bot.txt";
    private static final Duration ANSWER_TIME = Duration.ofMinutes(2);

    private final AtomicInteger likes = new AtomicInteger();

    @UpdateHandler(commands = "start", chats = ChatKind.PRIVATE)
    String start(Optional<User> sender) {
        return "Hello, " + sender.map(User::firstName).orElse("there") + "! " + HELP;
    }

    @UpdateHandler(commands = "help")
    String help() {
        return HELP;
    }

    @UpdateHandler(commands = "menu")
    OutgoingMessage menu(MessageView message, TelegramClient client) {
        return client.message(message.chat()).text("What do you think of this bot?")
                .replyMarkup(InlineKeyboard.builder().row(r -> r.callback("👍 Like", "like").callback("ℹ️ About", "about")).build());
    }

    @UpdateHandler(pattern = "like")
    String like(CallbackQueryView query) {
        return "Thanks! That makes " + likes.incrementAndGet() + ".";
    }

    @UpdateHandler(pattern = "about")
    String about(CallbackQueryView query) {
        return "A Spring Boot bot on mtproto-spring";
    }

    /** A conversation in three steps; waiting for the answers holds up no other chat. */
    @UpdateHandler(commands = "order", chats = ChatKind.PRIVATE)
    CompletableFuture<String> order(MessageView message, TelegramClient client) {
        Conversation c = client.conversation(message.chat());
        long user = message.senderId().orElseThrow();
        // each answer is waited for before its question goes out, so even an instant answer is caught
        CompletableFuture<MessageView> item = c.nextMessageFrom(user, ANSWER_TIME);
        return c.send("What would you like?").thenCompose(x -> item).thenCompose(what -> {
            CompletableFuture<MessageView> count = c.nextMessageFrom(user, ANSWER_TIME);
            return c.send("How many " + what.text() + "?").thenCompose(x -> count)
                    .thenApply(n -> "Ordered " + Integer.parseInt(n.text().strip()) + " × " + what.text() + ".");
        });
    }

    /** Answers with a document made on the spot: uploaded, then sent with its name, MIME type and caption. */
    @UpdateHandler(commands = "file")
    CompletableFuture<Void> file(MessageView message, TelegramClient client) {
        byte[] content = fileContent(message.senderId().orElse(0)).getBytes(StandardCharsets.UTF_8);
        return client.media().send(message.chat(), MediaMessage.document(content, FILE_NAME).markdown("Here is *your file*").build())
                .thenApply(sent -> null);
    }

    /**
     * A document sent to the bot: downloaded (from whichever DC holds it) through a digest, never held in
     * memory whatever its size, and its name, size and SHA-256 sent back.
     */
    @UpdateHandler(filters = MediaFilters.Document.class, chats = ChatKind.PRIVATE)
    CompletableFuture<String> document(MessageView message, TelegramClient client) throws NoSuchAlgorithmException {
        DocumentMedia document = (DocumentMedia) message.media().orElseThrow();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        DownloadTarget digest = DownloadTarget.toStream(new DigestOutputStream(OutputStream.nullOutputStream(), sha256));
        return client.media().download(document, digest, DownloadOptions.defaults()).result()
                .thenApply(r -> "Got " + document.fileName().orElse("your file") + ": " + r.bytes() + " bytes, SHA-256 "
                        + HexFormat.of().formatHex(sha256.digest()) + ".");
    }

    static String fileContent(long userId) {
        return "Made by the sample bot for user " + userId + ".\n" + HELP + "\n";
    }

    @UpdateHandler(pattern = "divide {a} by {b}")
    String divide(@UpdateVariable int a, @UpdateVariable int b) {
        return a + " / " + b + " = " + (a / b);
    }

    /** Every text message that is not a command comes back as it was written. */
    @UpdateHandler(pattern = "(?!/)[\\s\\S]*", chats = ChatKind.PRIVATE, filters = MediaFilters.NoFile.class)
    String echo(String text) {
        return text.startsWith("divide ") ? null : text;
    }

    @UpdateExceptionHandler
    String failed(ArithmeticException e) {
        return "I cannot do that: " + e.getMessage() + ".";
    }

    @UpdateExceptionHandler
    String failed(NumberFormatException e) {
        return "That is not a number, so I dropped the order.";
    }
}
