package dev.mtproto.messages.format;

/**
 * Which entity may be part of which, as the Bot API states it
 * (https://core.telegram.org/bots/api#formatting-options): bold, italic, underline, strikethrough and
 * spoiler can contain and be part of any entity except pre and code; blockquotes cannot be nested; all
 * other entities cannot contain each other. A blockquote may contain links, mentions, custom emoji, code
 * and pre; splittable entities that contain a blockquote are split at its edges (they never contain one).
 */
final class NestingRules {
    private NestingRules() {
    }

    /**
     * @param outer the containing entity's kind
     * @param inner the contained entity's kind
     * @return why {@code inner} may not be inside {@code outer}, or null when it may
     */
    static String forbidden(EntityKind outer, EntityKind inner) {
        if (outer.literal()) {
            return "nothing can be inside " + outer.label() + ", found " + inner.label();
        }
        if (inner.splittable() || outer.splittable()) {
            return null;
        }
        if (outer == EntityKind.BLOCKQUOTE) {
            return inner == EntityKind.BLOCKQUOTE ? "a blockquote cannot be nested in a blockquote" : null;
        }
        return "a " + inner.label() + " cannot be inside a " + outer.label();
    }
}
