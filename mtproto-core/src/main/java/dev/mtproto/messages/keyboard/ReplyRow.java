package dev.mtproto.messages.keyboard;

import dev.mtproto.tl.api.InputKeyboardButtonRequestPeer;
import dev.mtproto.tl.api.KeyboardButton;
import dev.mtproto.tl.api.KeyboardButtonRequestGeoLocation;
import dev.mtproto.tl.api.KeyboardButtonRequestPhone;
import dev.mtproto.tl.api.KeyboardButtonRequestPoll;
import dev.mtproto.tl.api.KeyboardButtonSimpleWebView;
import dev.mtproto.tl.api.KeyboardButtonType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One row of a reply keyboard, filled inside {@link ReplyKeyboard.Builder#row}. Each method adds a button
 * and returns the row; a blank text or another invalid argument throws {@link IllegalArgumentException}
 * naming the button.
 */
public final class ReplyRow {
    private final List<KeyboardButtonType> buttons = new ArrayList<>();

    ReplyRow() {
    }

    List<KeyboardButtonType> buttons() {
        return List.copyOf(buttons);
    }

    private ReplyRow add(KeyboardButtonType button) {
        buttons.add(button);
        return this;
    }

    /**
     * @param text label, sent as a message when pressed (keyboardButton)
     * @return this row
     * @throws IllegalArgumentException if the text is blank
     */
    public ReplyRow text(String text) {
        return add(new KeyboardButton(null, ButtonRules.text(text)));
    }

    /**
     * @param text label of a button that shares the user's phone number (keyboardButtonRequestPhone)
     * @return this row
     * @throws IllegalArgumentException if the text is blank
     */
    public ReplyRow requestContact(String text) {
        return add(new KeyboardButtonRequestPhone(null, ButtonRules.text(text)));
    }

    /**
     * @param text label of a button that shares the user's location (keyboardButtonRequestGeoLocation)
     * @return this row
     * @throws IllegalArgumentException if the text is blank
     */
    public ReplyRow requestLocation(String text) {
        return add(new KeyboardButtonRequestGeoLocation(null, ButtonRules.text(text)));
    }

    /**
     * A button that lets the user create a poll and send it (keyboardButtonRequestPoll).
     *
     * @param text label
     * @param quiz true for quizzes only, false for regular polls only, null for either
     * @return this row
     * @throws IllegalArgumentException if the text is blank
     */
    public ReplyRow requestPoll(String text, Boolean quiz) {
        return add(new KeyboardButtonRequestPoll(null, quiz, ButtonRules.text(text)));
    }

    /**
     * A button that lets the user pick users, a chat or a channel and shares them with the bot
     * (inputKeyboardButtonRequestPeer); the bot receives them with {@code buttonId}.
     *
     * @param text label
     * @param buttonId identifies the request in the answer; unique within the keyboard
     * @param request what to pick, see {@link PeerRequest}
     * @return this row
     * @throws IllegalArgumentException if the text is blank
     */
    public ReplyRow requestPeer(String text, int buttonId, PeerRequest request) {
        Objects.requireNonNull(request, "peer request");
        return add(new InputKeyboardButtonRequestPeer(request.nameRequested(), request.usernameRequested(),
                request.photoRequested(), null, ButtonRules.text(text), buttonId, request.peerType(),
                request.maxQuantity()));
    }

    /**
     * A button that opens a mini app without user data (keyboardButtonSimpleWebView, the reply keyboard form).
     *
     * @param text label
     * @param url the web app's HTTPS URL
     * @return this row
     * @throws IllegalArgumentException if the text is blank or the URL is empty or holds spaces
     */
    public ReplyRow webApp(String text, String url) {
        String label = ButtonRules.text(text);
        return add(new KeyboardButtonSimpleWebView(null, label, ButtonRules.url(label, url)));
    }
}
