package dev.mtproto.telegram;

import dev.mtproto.tl.api.MessageReactionsType;
import dev.mtproto.tl.api.Reaction;
import dev.mtproto.tl.api.ReactionCount;
import dev.mtproto.tl.api.ReactionCustomEmoji;
import dev.mtproto.tl.api.ReactionEmoji;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Telegram's reactions as strings: the emoji, {@code custom:<document id>} for custom emoji, {@code paid} for
 * stars ({@code reactionEmpty} is none).
 */
final class ReactionsView {
    private ReactionsView() {
    }

    static String name(Reaction r) {
        if (r instanceof ReactionEmoji e) {
            return e.emoticon();
        } else if (r instanceof ReactionCustomEmoji c) {
            return "custom:" + c.documentId();
        }
        return r instanceof dev.mtproto.tl.api.ReactionPaid ? "paid" : "";
    }

    static List<String> names(List<Reaction> reactions) {
        List<String> out = new ArrayList<>();
        if (reactions != null) {
            reactions.stream().map(ReactionsView::name).filter(n -> !n.isEmpty()).forEach(out::add);
        }
        return out;
    }

    /** @return each reaction's count, in Telegram's order */
    static Map<String, Integer> counts(MessageReactionsType reactions) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (reactions instanceof dev.mtproto.tl.api.MessageReactions m) {
            for (var t : m.results()) {
                if (t instanceof ReactionCount c) {
                    out.put(name(c.reaction()), c.count());
                }
            }
        }
        return out;
    }

    /** @return the account's own reactions, in the order it chose them */
    static List<String> chosen(MessageReactionsType reactions) {
        List<ReactionCount> mine = new ArrayList<>();
        if (reactions instanceof dev.mtproto.tl.api.MessageReactions m) {
            m.results().stream().filter(t -> t instanceof ReactionCount c && c.chosenOrder() != null).map(ReactionCount.class::cast).forEach(mine::add);
        }
        mine.sort(java.util.Comparator.comparingInt(ReactionCount::chosenOrder));
        return mine.stream().map(c -> name(c.reaction())).toList();
    }
}
