package dev.mtproto.testkit.world.bots;

import dev.mtproto.tl.api.InlineBotSwitchPMType;
import dev.mtproto.tl.api.InputBotInlineResultType;
import java.util.List;

/**
 * What a bot answered to an inline query with {@code messages.setInlineBotResults}: what the user's app lists.
 *
 * @param results the results, in the bot's order
 * @param cacheTime how long, in seconds, they may be cached
 * @param nextOffset the offset of the next page, null for none
 * @param gallery shown as a gallery
 * @param personal cached for this user only ({@code private})
 * @param switchPm the button that opens the bot's private chat, null for none
 */
public record InlineResults(List<InputBotInlineResultType> results, int cacheTime, String nextOffset, boolean gallery, boolean personal,
        InlineBotSwitchPMType switchPm) {
    /** Copies the results. */
    public InlineResults {
        results = List.copyOf(results);
    }
}
