package dev.mtproto.testkit.world;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.messages.Destination;
import dev.mtproto.testkit.world.messages.Draft;
import dev.mtproto.tl.api.ReplyMarkup;
import dev.mtproto.tl.api.UpdatesType;
import java.util.List;
import java.util.Objects;

/**
 * A message a scripted user sends, as if from the official app on another device:
 * {@code world.send(alice).to(bot).text("/start")}, or with a document:
 * {@code world.send(alice).to(bot).document("report.csv", "text/csv", bytes).text("the caption")}. Every
 * recipient gets its updates, and so does every key the sender is signed in with (it sent from elsewhere).
 * Not thread-safe; {@link #text} once.
 */
public final class ScriptedMessage {
    private final World world;
    private final Account sender;
    private Destination destination;
    private ReplyMarkup markup;
    private Draft.Attachment attachment;

    ScriptedMessage(World world, Account sender) {
        this.world = world;
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    /**
     * @param user the user (or bot) of the private chat; the sender itself for Saved Messages
     * @return this
     */
    public ScriptedMessage to(Account user) {
        this.destination = new Destination.ToUser(Objects.requireNonNull(user, "user"));
        return this;
    }

    /**
     * @param chat the group, supergroup or channel
     * @return this
     */
    public ScriptedMessage to(WorldChat chat) {
        this.destination = new Destination.ToChat(Objects.requireNonNull(chat, "chat"));
        return this;
    }

    /**
     * @param value a keyboard under the message, as bots send them (its recipients then get full
     *     {@code updates} with seq: the short forms cannot carry it)
     * @return this
     */
    public ScriptedMessage replyMarkup(ReplyMarkup value) {
        this.markup = Objects.requireNonNull(value, "value");
        return this;
    }

    /**
     * Attaches a document, uploaded first to the sender's home DC as its app would
     * ({@link dev.mtproto.testkit.world.files.FileControls#uploadDocument}).
     *
     * @param fileName the file's name
     * @param mimeType its MIME type
     * @param bytes its content
     * @return this; {@link #text} then sends the message, its text being the caption (empty for none)
     * @throws IllegalArgumentException if the name or MIME type is blank, or the file is empty
     */
    public ScriptedMessage document(String fileName, String mimeType, byte[] bytes) {
        this.attachment = new Draft.Attachment(world.files().uploadDocument(sender, fileName, mimeType, bytes), 0);
        return this;
    }

    /**
     * Sends the message.
     *
     * @param text its text, 1 to 4096 characters; with a {@link #document} the caption, which may be empty
     * @return what the sender's app got as the result of its {@code messages.sendMessage} ({@code messages.sendMedia} with a document)
     * @throws IllegalStateException if no {@code to(...)} was given
     * @throws dev.mtproto.rpc.RpcException the error Telegram would answer the sender with
     *     ({@code MESSAGE_EMPTY}, {@code MESSAGE_TOO_LONG}, {@code CHAT_WRITE_FORBIDDEN}, {@code CHAT_ADMIN_REQUIRED})
     */
    public UpdatesType text(String text) {
        if (destination == null) {
            throw new IllegalStateException("say where the message goes: to(user) or to(chat)");
        }
        return world.sendAs(sender, destination, new Draft(text, markup, List.of(), 0, false, false, null, 0, attachment));
    }
}
