package dev.mtproto.testkit.world.messages;

import dev.mtproto.tl.api.ReplyMarkup;
import java.util.Objects;

/**
 * What a message says: its text and, for bots' keyboards, a reply markup.
 *
 * @param text the text
 * @param markup the reply markup, null for none
 */
public record Draft(String text, ReplyMarkup markup) {
    /**
     * Checks the text.
     *
     * @param text the text
     * @param markup the markup, or null
     * @throws NullPointerException if the text is null
     */
    public Draft {
        Objects.requireNonNull(text, "text");
    }

    /**
     * @param text a text
     * @return a plain text message
     */
    public static Draft of(String text) {
        return new Draft(text, null);
    }
}
