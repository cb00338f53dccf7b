package dev.mtproto.spring.test;

import dev.mtproto.testkit.world.World;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.bots.CallbackAnswer;
import dev.mtproto.testkit.world.messages.HistoryEntry;
import dev.mtproto.tl.api.Document;
import dev.mtproto.tl.api.DocumentAttributeFilename;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageMediaDocument;
import dev.mtproto.tl.api.MessageMediaPhoto;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.Photo;
import java.net.URLConnection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A scripted person talking to the application's bot in a private chat: writes, sends files, presses
 * buttons, and expects the bot's replies in order. Each {@code expect...} call takes the next bot message the user has not
 * seen yet, waiting for it up to the timeout. Not thread-safe: one test drives one user.
 *
 * <pre>{@code
 * TestUser alice = telegram.user("Alice");
 * alice.send("/start");
 * assertThat(alice.expectReply().text()).isEqualTo("Hello, Alice!");
 * BotReply menu = alice.send("/menu").expectReply();
 * assertThat(alice.press(menu, "👍 Like")).contains("Thanks!");
 * BotFile file = alice.fileOf(alice.send("/file").expectReply()).orElseThrow();
 * String answer = alice.sendFile("notes.txt", bytes, "").expectReply().text();
 * }</pre>
 */
public final class TestUser {
    private final World world;
    private final Account account;
    private final Account bot;
    private final Duration timeout;
    private int seen;

    TestUser(World world, Account account, Account bot, Duration timeout) {
        this.world = world;
        this.account = account;
        this.bot = bot;
        this.timeout = timeout;
    }

    /** @return the user's account in the world */
    public Account account() {
        return account;
    }

    /**
     * Writes to the bot, as the user's app does.
     *
     * @param text the message
     * @return this user, to chain {@link #expectReply()}
     */
    public TestUser send(String text) {
        world.send(account).to(bot).text(text);
        return this;
    }

    /**
     * Sends the bot a document, as the user's app does: uploaded to the user's home DC, then sent with the
     * caption. The MIME type is guessed from the name ({@link URLConnection#guessContentTypeFromName}),
     * {@code application/octet-stream} when it says nothing.
     *
     * @param fileName the file's name
     * @param content its bytes
     * @param caption the message's text, empty for none
     * @return this user, to chain {@link #expectReply()}
     * @throws IllegalArgumentException if the name is blank or the content empty
     */
    public TestUser sendFile(String fileName, byte[] content, String caption) {
        String guessed = URLConnection.guessContentTypeFromName(fileName);
        String mimeType = guessed == null ? "application/octet-stream" : guessed;
        world.send(account).to(bot).document(fileName, mimeType, content).text(caption);
        return this;
    }

    /**
     * @return the bot's next message to this user
     * @throws AssertionError if none comes within the default timeout (the message lists what did come)
     */
    public BotReply expectReply() {
        return expectReply(timeout);
    }

    /**
     * @param within how long to wait
     * @return the bot's next message to this user
     * @throws AssertionError if none comes in time
     */
    public BotReply expectReply(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            List<HistoryEntry> replies = replies();
            if (replies.size() > seen) {
                return BotReply.of(replies.get(seen++));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the bot sent " + account.firstName() + " no reply within " + within + "; its messages so far: "
                        + replies.stream().map(HistoryEntry::text).toList());
            }
            pause();
        }
    }

    /**
     * @param during how long to watch
     * @throws AssertionError if the bot writes to this user meanwhile
     */
    public void expectNoReply(Duration during) {
        long deadline = System.nanoTime() + during.toNanos();
        while (System.nanoTime() - deadline < 0) {
            List<HistoryEntry> replies = replies();
            if (replies.size() > seen) {
                throw new AssertionError("the bot unexpectedly replied: " + replies.get(seen).text());
            }
            pause();
        }
    }

    /**
     * Presses an inline button of one of the bot's messages and waits for the bot to answer the query.
     *
     * @param message the message with the button
     * @param buttonText the button's text
     * @return the text the app shows for the answer (a toast or an alert), empty when the bot answered without one
     * @throws IllegalArgumentException if the message has no callback button with that text
     * @throws AssertionError if the bot does not answer within the default timeout
     */
    public Optional<String> press(BotReply message, String buttonText) {
        long query = world.as(account).pressButton(message.entry(), buttonText);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<CallbackAnswer> answer = world.botQueries().callbackAnswer(query);
            if (answer.isPresent()) {
                String text = answer.get().message();
                return text == null || text.isEmpty() ? Optional.empty() : Optional.of(text);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the bot did not answer the press of \"" + buttonText + "\" within " + timeout);
            }
            pause();
        }
    }

    /**
     * @param reply a message of the bot
     * @return the document or photo it carries, with the bytes the world stores (no download), or empty for a
     *     message without either
     */
    public Optional<BotFile> fileOf(BotReply reply) {
        if (!(reply.entry().message() instanceof Message m)) {
            return Optional.empty();
        }
        if (m.media() instanceof MessageMediaDocument d && d.document() instanceof Document doc) {
            String name = doc.attributes().stream().filter(a -> a instanceof DocumentAttributeFilename)
                    .map(a -> ((DocumentAttributeFilename) a).fileName()).findFirst().orElse("");
            return world.files().document(doc.id()).map(stored -> new BotFile(name, stored.mimeType(), stored.content().bytes()));
        }
        if (m.media() instanceof MessageMediaPhoto p && p.photo() instanceof Photo photo) {
            return world.files().photo(photo.id()).map(stored -> new BotFile("", "image/jpeg", stored.largest().content().bytes()));
        }
        return Optional.empty();
    }

    private List<HistoryEntry> replies() {
        return world.history(account).stream().filter(e -> !e.out() && e.peer() instanceof PeerUser p && p.userId() == bot.id()).toList();
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the bot", e);
        }
    }

    @Override
    public String toString() {
        return "TestUser[" + account.firstName() + "]";
    }
}
