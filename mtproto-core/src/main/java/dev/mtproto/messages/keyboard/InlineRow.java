package dev.mtproto.messages.keyboard;

import dev.mtproto.tl.api.InlineQueryPeerType;
import dev.mtproto.tl.api.InputKeyboardButtonUrlAuth;
import dev.mtproto.tl.api.InputKeyboardButtonUserProfile;
import dev.mtproto.tl.api.InputUserType;
import dev.mtproto.tl.api.KeyboardButtonBuy;
import dev.mtproto.tl.api.KeyboardButtonCallback;
import dev.mtproto.tl.api.KeyboardButtonCopy;
import dev.mtproto.tl.api.KeyboardButtonGame;
import dev.mtproto.tl.api.KeyboardButtonSwitchInline;
import dev.mtproto.tl.api.KeyboardButtonType;
import dev.mtproto.tl.api.KeyboardButtonUrl;
import dev.mtproto.tl.api.KeyboardButtonWebView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One row of an inline keyboard, filled inside {@link InlineKeyboard.Builder#row}. Each method adds a
 * button at the end of the row and returns the row. Buttons are checked as they are added and throw
 * {@link IllegalArgumentException} naming the button: a blank text, callback data outside 1 to 64
 * bytes, an empty URL or one with spaces, copy text outside 1 to 256 characters.
 */
public final class InlineRow {
    /** Callback data: 1 to 64 bytes (https://core.telegram.org/bots/api#inlinekeyboardbutton). */
    public static final int MAX_CALLBACK_DATA = 64;
    /** Copied text: 1 to 256 characters (https://core.telegram.org/bots/api#copytextbutton). */
    public static final int MAX_COPY_TEXT = 256;

    private final List<KeyboardButtonType> buttons = new ArrayList<>();

    InlineRow() {
    }

    List<KeyboardButtonType> buttons() {
        return List.copyOf(buttons);
    }

    private InlineRow add(KeyboardButtonType button) {
        buttons.add(button);
        return this;
    }

    /**
     * A button that sends {@code data} to the bot in a callback query (keyboardButtonCallback).
     *
     * @param text label
     * @param data callback data, sent as its UTF-8 bytes
     * @return this row
     * @throws IllegalArgumentException if the text is blank or the data is not 1 to 64 bytes of UTF-8
     */
    public InlineRow callback(String text, String data) {
        Objects.requireNonNull(data, "callback data");
        return callback(text, data.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A callback button with raw bytes as data.
     *
     * @param text label
     * @param data callback data, 1 to 64 bytes
     * @return this row
     * @throws IllegalArgumentException if the text is blank or the data is not 1 to 64 bytes
     */
    public InlineRow callback(String text, byte[] data) {
        return add(new KeyboardButtonCallback(false, null, ButtonRules.text(text), checkData(text, data)));
    }

    /**
     * A callback button that asks the user for their 2FA password first (keyboardButtonCallback with
     * {@code requires_password}; the bot then checks it, e.g. to transfer a bot's ownership).
     *
     * @param text label
     * @param data callback data, sent as its UTF-8 bytes
     * @return this row
     * @throws IllegalArgumentException if the text is blank or the data is not 1 to 64 bytes of UTF-8
     */
    public InlineRow callbackWithPassword(String text, String data) {
        Objects.requireNonNull(data, "callback data");
        return add(new KeyboardButtonCallback(true, null, ButtonRules.text(text),
                checkData(text, data.getBytes(StandardCharsets.UTF_8))));
    }

    private static byte[] checkData(String text, byte[] data) {
        Objects.requireNonNull(data, "callback data");
        if (data.length < 1 || data.length > MAX_CALLBACK_DATA) {
            throw new IllegalArgumentException("the callback data of button \"" + text + "\" is " + data.length
                    + " bytes; Telegram allows 1 to " + MAX_CALLBACK_DATA);
        }
        return data;
    }

    /**
     * A button that opens a URL (keyboardButtonUrl); {@code tg://user?id=N} opens a user's profile.
     *
     * @param text label
     * @param url HTTP(S) or {@code tg://} URL
     * @return this row
     * @throws IllegalArgumentException if the text is blank or the URL is empty or holds spaces
     */
    public InlineRow url(String text, String url) {
        String label = ButtonRules.text(text);
        return add(new KeyboardButtonUrl(null, label, ButtonRules.url(label, url)));
    }

    /**
     * A button that lets the user pick a chat and starts an inline query to this bot there
     * (keyboardButtonSwitchInline).
     *
     * @param text label
     * @param query the inline query to insert, may be empty
     * @param peerTypes the kinds of chat the user may pick; none means any
     * @return this row
     * @throws IllegalArgumentException if the text is blank
     */
    public InlineRow switchInline(String text, String query, InlineQueryPeerType... peerTypes) {
        Objects.requireNonNull(query, "inline query");
        List<InlineQueryPeerType> types = peerTypes.length == 0 ? null : List.of(peerTypes);
        return add(new KeyboardButtonSwitchInline(false, null, ButtonRules.text(text), query, types));
    }

    /**
     * A button that starts an inline query to this bot in the current chat (keyboardButtonSwitchInline
     * with {@code same_peer}).
     *
     * @param text label
     * @param query the inline query to insert, may be empty
     * @return this row
     * @throws IllegalArgumentException if the text is blank
     */
    public InlineRow switchInlineCurrentChat(String text, String query) {
        Objects.requireNonNull(query, "inline query");
        return add(new KeyboardButtonSwitchInline(true, null, ButtonRules.text(text), query, null));
    }

    /**
     * A button that copies a text to the clipboard (keyboardButtonCopy).
     *
     * @param text label
     * @param copyText the text to copy, 1 to 256 characters
     * @return this row
     * @throws IllegalArgumentException if the label is blank or the copied text is too short or long
     */
    public InlineRow copyText(String text, String copyText) {
        String label = ButtonRules.text(text);
        return add(new KeyboardButtonCopy(null, label, ButtonRules.length("copy text", label, copyText, 1,
                MAX_COPY_TEXT)));
    }

    /**
     * A button that opens the bot's mini app with user data (keyboardButtonWebView, inline keyboards only).
     *
     * @param text label
     * @param url the web app's HTTPS URL
     * @return this row
     * @throws IllegalArgumentException if the text is blank or the URL is empty or holds spaces
     */
    public InlineRow webApp(String text, String url) {
        String label = ButtonRules.text(text);
        return add(new KeyboardButtonWebView(null, label, ButtonRules.url(label, url)));
    }

    /**
     * A button that signs the user in to a website (inputKeyboardButtonUrlAuth, Telegram Login).
     *
     * @param text label
     * @param url the page to open, whose domain is linked to {@code bot}
     * @param bot the bot that authorizes the user, resolved by the caller (e.g. from the peer cache)
     * @return this row
     * @throws IllegalArgumentException if the text is blank or the URL is empty or holds spaces
     */
    public InlineRow loginUrl(String text, String url, InputUserType bot) {
        return loginUrl(text, url, bot, null, false);
    }

    /**
     * A login button with all options.
     *
     * @param text label
     * @param url the page to open
     * @param bot the bot that authorizes the user
     * @param forwardText label of the button in forwarded copies of the message, or null for the same
     * @param requestWriteAccess whether to ask the user to let the bot write to them
     * @return this row
     * @throws IllegalArgumentException if the text is blank or the URL is empty or holds spaces
     */
    public InlineRow loginUrl(String text, String url, InputUserType bot, String forwardText,
            boolean requestWriteAccess) {
        String label = ButtonRules.text(text);
        Objects.requireNonNull(bot, "bot of login button \"" + label + "\"");
        return add(new InputKeyboardButtonUrlAuth(requestWriteAccess, null, label, forwardText,
                ButtonRules.url(label, url), bot));
    }

    /**
     * A button that opens a user's profile (inputKeyboardButtonUserProfile).
     *
     * @param text label
     * @param user the user, resolved by the caller
     * @return this row
     * @throws IllegalArgumentException if the text is blank
     */
    public InlineRow userProfile(String text, InputUserType user) {
        return add(new InputKeyboardButtonUserProfile(null, ButtonRules.text(text), Objects.requireNonNull(user,
                "user")));
    }

    /**
     * The button that starts the game of a game message (keyboardButtonGame); it must be the first button
     * of the first row.
     *
     * @param text label
     * @return this row
     * @throws IllegalArgumentException if the text is blank
     */
    public InlineRow game(String text) {
        return add(new KeyboardButtonGame(null, ButtonRules.text(text)));
    }

    /**
     * The pay button of an invoice message (keyboardButtonBuy); it must be the first button of the first
     * row.
     *
     * @param text label
     * @return this row
     * @throws IllegalArgumentException if the text is blank
     */
    public InlineRow pay(String text) {
        return add(new KeyboardButtonBuy(null, ButtonRules.text(text)));
    }
}
