package dev.mtproto.messages.keyboard;

import dev.mtproto.tl.api.InputKeyboardButtonRequestPeer;
import dev.mtproto.tl.api.KeyboardButtonType;
import dev.mtproto.tl.api.ReplyKeyboardForceReply;
import dev.mtproto.tl.api.ReplyKeyboardHide;
import dev.mtproto.tl.api.ReplyKeyboardMarkup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reply keyboards (buttons in place of the user's keyboard), their removal and force-reply:
 *
 * <pre>{@code
 * ReplyKeyboardMarkup keyboard = ReplyKeyboard.builder()
 *         .row(r -> r.text("Menu").requestLocation("Send location"))
 *         .row(r -> r.requestPeer("Pick a group", 1, PeerRequest.chats().creator()))
 *         .resize().oneTime().placeholder("Choose")
 *         .build();
 * ReplyKeyboardHide remove = ReplyKeyboard.remove(false);
 * ReplyKeyboardForceReply reply = ReplyKeyboard.forceReply(true, "Your answer");
 * }</pre>
 */
public final class ReplyKeyboard {
    private ReplyKeyboard() {
    }

    /** @return an empty builder with {@link KeyboardLimits#REPLY} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param selective remove it only for the users mentioned in the message and the sender of the message
     *     replied to
     * @return markup that removes the reply keyboard (replyKeyboardHide)
     */
    public static ReplyKeyboardHide remove(boolean selective) {
        return new ReplyKeyboardHide(selective);
    }

    /**
     * @param selective ask only the users mentioned in the message and the sender of the message replied to
     * @param placeholder the input field's placeholder, 1 to 64 characters, or null
     * @return markup that opens a reply to the message (replyKeyboardForceReply)
     * @throws IllegalArgumentException if the placeholder is empty or longer than 64 characters
     */
    public static ReplyKeyboardForceReply forceReply(boolean selective, String placeholder) {
        return new ReplyKeyboardForceReply(false, selective, ButtonRules.placeholder(placeholder));
    }

    /** Collects rows and options; {@link #build()} checks the keyboard. */
    public static final class Builder {
        private final List<List<KeyboardButtonType>> rows = new ArrayList<>();
        private KeyboardLimits limits = KeyboardLimits.REPLY;
        private boolean resize;
        private boolean oneTime;
        private boolean selective;
        private boolean persistent;
        private String placeholder;

        private Builder() {
        }

        /**
         * Adds a row and fills it.
         *
         * @param buttons adds the row's buttons, e.g. {@code r -> r.text("Yes").text("No")}
         * @return this builder
         * @throws IllegalArgumentException from a button that is not valid
         */
        public Builder row(Consumer<ReplyRow> buttons) {
            ReplyRow row = new ReplyRow();
            Objects.requireNonNull(buttons, "row").accept(row);
            rows.add(row.buttons());
            return this;
        }

        /** @return this builder; clients fit the keyboard's height to its buttons */
        public Builder resize() {
            resize = true;
            return this;
        }

        /** @return this builder; clients hide the keyboard once a button was pressed */
        public Builder oneTime() {
            oneTime = true;
            return this;
        }

        /** @return this builder; show it only to mentioned users and the sender of the message replied to */
        public Builder selective() {
            selective = true;
            return this;
        }

        /** @return this builder; clients keep the keyboard shown when the user hides their own keyboard */
        public Builder persistent() {
            persistent = true;
            return this;
        }

        /**
         * @param text the input field's placeholder while the keyboard is shown, 1 to 64 characters
         * @return this builder
         * @throws IllegalArgumentException if the text is empty or longer than 64 characters
         */
        public Builder placeholder(String text) {
            placeholder = ButtonRules.placeholder(Objects.requireNonNull(text, "placeholder"));
            return this;
        }

        /**
         * @param limits limits to check instead of {@link KeyboardLimits#REPLY}
         * @return this builder
         */
        public Builder limits(KeyboardLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * @return the keyboard (replyKeyboardMarkup)
         * @throws IllegalArgumentException if there is no row, a row is empty, the limits are exceeded, or
         *     two request-peer buttons share a button id
         */
        public ReplyKeyboardMarkup build() {
            Set<Integer> ids = new HashSet<>();
            for (List<KeyboardButtonType> row : rows) {
                for (KeyboardButtonType button : row) {
                    if (button instanceof InputKeyboardButtonRequestPeer peer && !ids.add(peer.buttonId())) {
                        throw new IllegalArgumentException("button \"" + peer.text() + "\" reuses the request id "
                                + peer.buttonId() + "; each request-peer button needs its own");
                    }
                }
            }
            return new ReplyKeyboardMarkup(resize, oneTime, selective, persistent,
                    ButtonRules.rows("reply keyboard", rows, limits), placeholder);
        }
    }
}
