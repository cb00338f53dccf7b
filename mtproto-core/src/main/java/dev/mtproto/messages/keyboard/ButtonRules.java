package dev.mtproto.messages.keyboard;

import dev.mtproto.tl.api.KeyboardButtonRow;
import dev.mtproto.tl.api.KeyboardButtonType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The checks every button and keyboard goes through, with messages that name the button. */
final class ButtonRules {
    /** Placeholders of reply keyboards and force-reply: 1 to 64 characters (Bot API ReplyKeyboardMarkup). */
    static final int MAX_PLACEHOLDER = 64;

    private ButtonRules() {
    }

    static String text(String text) {
        Objects.requireNonNull(text, "button text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a button needs a text that is not blank");
        }
        return text;
    }

    static String url(String text, String url) {
        Objects.requireNonNull(url, "url of button \"" + text + "\"");
        if (url.isEmpty()) {
            throw new IllegalArgumentException("button \"" + text + "\" has an empty URL");
        }
        for (int i = 0; i < url.length(); i++) {
            if (url.charAt(i) <= ' ') {
                throw new IllegalArgumentException("the URL of button \"" + text
                        + "\" holds a space or control character at index " + i);
            }
        }
        return url;
    }

    static String length(String what, String text, String value, int min, int max) {
        Objects.requireNonNull(value, what + " of button \"" + text + "\"");
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw new IllegalArgumentException("the " + what + " of button \"" + text + "\" is " + length
                    + " characters; Telegram allows " + min + " to " + max);
        }
        return value;
    }

    static String placeholder(String placeholder) {
        if (placeholder != null) {
            int length = placeholder.codePointCount(0, placeholder.length());
            if (length < 1 || length > MAX_PLACEHOLDER) {
                throw new IllegalArgumentException("a keyboard placeholder is " + length
                        + " characters; Telegram allows 1 to " + MAX_PLACEHOLDER);
            }
        }
        return placeholder;
    }

    /**
     * Builds rows, checking the limits.
     *
     * @param kind "inline keyboard" or "reply keyboard", for messages
     * @param rows the rows' buttons
     * @param limits the limits to apply
     * @return the TL rows
     */
    static List<KeyboardButtonRow> rows(String kind, List<List<KeyboardButtonType>> rows, KeyboardLimits limits) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the " + kind + " needs at least one row");
        }
        List<KeyboardButtonRow> out = new ArrayList<>(rows.size());
        int total = 0;
        for (int r = 0; r < rows.size(); r++) {
            List<KeyboardButtonType> row = rows.get(r);
            if (row.isEmpty()) {
                throw new IllegalArgumentException("row " + (r + 1) + " of the " + kind + " has no buttons");
            }
            if (row.size() > limits.maxPerRow()) {
                throw new IllegalArgumentException("row " + (r + 1) + " of the " + kind + " has " + row.size()
                        + " buttons; at most " + limits.maxPerRow() + " fit in a row");
            }
            total += row.size();
            out.add(new KeyboardButtonRow(row));
        }
        if (total > limits.maxButtons()) {
            throw new IllegalArgumentException("the " + kind + " has " + total + " buttons; at most "
                    + limits.maxButtons() + " are allowed");
        }
        return out;
    }
}
