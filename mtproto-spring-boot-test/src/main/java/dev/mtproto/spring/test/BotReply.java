package dev.mtproto.spring.test;

import dev.mtproto.testkit.world.messages.HistoryEntry;
import dev.mtproto.tl.api.KeyboardButtonRow;
import dev.mtproto.tl.api.KeyboardButtonRowType;
import dev.mtproto.tl.api.KeyboardButtonType;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.ReplyInlineMarkup;
import dev.mtproto.tl.api.ReplyKeyboardMarkup;
import java.util.ArrayList;
import java.util.List;

/**
 * A message the bot sent to a {@link TestUser}, as the user's app shows it.
 *
 * @param text its text
 * @param buttons the texts of its keyboard's buttons, row by row (inline or reply keyboard); empty if none
 * @param entry the message in the user's history, for the world's own API
 */
public record BotReply(String text, List<List<String>> buttons, HistoryEntry entry) {

    /** Copies the rows. */
    public BotReply {
        buttons = buttons.stream().map(List::copyOf).toList();
    }

    static BotReply of(HistoryEntry entry) {
        List<List<String>> rows = new ArrayList<>();
        if (entry.message() instanceof Message m) {
            List<? extends KeyboardButtonRowType> markup = m.replyMarkup() instanceof ReplyInlineMarkup i ? i.rows()
                    : m.replyMarkup() instanceof ReplyKeyboardMarkup k ? k.rows() : List.of();
            for (KeyboardButtonRowType row : markup) {
                rows.add(((KeyboardButtonRow) row).buttons().stream().map(KeyboardButtonType::text).toList());
            }
        }
        return new BotReply(entry.text(), rows, entry);
    }

    /** @return every button's text, row after row */
    public List<String> buttonTexts() {
        return buttons.stream().flatMap(List::stream).toList();
    }
}
