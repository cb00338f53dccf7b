package dev.mtproto.peers;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a string names, in the forms people and the Bot API use: {@code me} / {@code self}, {@code @name} or
 * {@code name}, {@code +phone}, {@code https://t.me/name}, {@code t.me/c/<id>/<msg>} (a channel by id),
 * {@code tg://resolve?domain=name}, a user id, or a marked id ({@code -id} for a basic group,
 * {@code -100id} for a channel).
 *
 * @param kind what it is
 * @param username the username, for {@link Kind#USERNAME}
 * @param phone the digits, for {@link Kind#PHONE}
 * @param id the plain id, for the id kinds
 */
record PeerQuery(Kind kind, String username, String phone, long id) {
    static final long CHANNEL_MARK = MarkedIds.CHANNEL_MARK;

    private static final Pattern USERNAME = Pattern.compile("@?([A-Za-z][A-Za-z0-9_]{1,63})");
    private static final Pattern LINK = Pattern.compile(
            "(?:https?://)?(?:www\\.)?(?:t\\.me|telegram\\.me|telegram\\.dog)/(?:s/)?([A-Za-z][A-Za-z0-9_]{1,63})(?:[/?#].*)?");
    private static final Pattern PRIVATE_LINK = Pattern.compile("(?:https?://)?(?:www\\.)?t\\.me/c/(\\d{1,19})(?:/\\d+)?(?:[/?#].*)?");
    private static final Pattern TG_RESOLVE = Pattern.compile("tg://resolve\\?domain=([A-Za-z][A-Za-z0-9_]{1,63}).*");
    private static final Pattern INVITE = Pattern.compile("(?:https?://)?(?:www\\.)?t\\.me/(?:\\+|joinchat/).*");

    enum Kind { SELF, USERNAME, PHONE, USER_ID, CHAT_ID, CHANNEL_ID }

    /**
     * @param text what was asked for
     * @return what it names
     * @throws PeerNotFoundException if it is none of the forms (saying which are understood)
     */
    static PeerQuery parse(String text) {
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("me") || lower.equals("self")) {
            return new PeerQuery(Kind.SELF, null, null, 0);
        }
        if (t.startsWith("+") && t.substring(1).replaceAll("[\\s-]", "").matches("\\d{5,20}")) {
            return new PeerQuery(Kind.PHONE, null, t.substring(1).replaceAll("[\\s-]", ""), 0);
        }
        if (t.matches("-?\\d{1,20}")) {
            return ofId(text, t);
        }
        if (INVITE.matcher(t).matches()) {
            throw new PeerNotFoundException(text, "an invite link names no peer until it is joined (messages.checkChatInvite)");
        }
        Matcher m = PRIVATE_LINK.matcher(t);
        if (m.matches()) {
            return new PeerQuery(Kind.CHANNEL_ID, null, null, Long.parseLong(m.group(1)));
        }
        for (Pattern p : new Pattern[] {LINK, TG_RESOLVE, USERNAME}) {
            m = p.matcher(t);
            if (m.matches()) {
                return new PeerQuery(Kind.USERNAME, m.group(1).toLowerCase(Locale.ROOT), null, 0);
            }
        }
        throw new PeerNotFoundException(text, "not a form the resolver knows: me, @username, username, +phone, a t.me link,"
                + " tg://resolve?domain=, a user id, -chat_id or -100channel_id");
    }

    private static PeerQuery ofId(String text, String t) {
        long n;
        try {
            n = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new PeerNotFoundException(text, "the id is out of range");
        }
        if (n > 0) {
            return new PeerQuery(Kind.USER_ID, null, null, n);
        }
        if (n == 0) {
            throw new PeerNotFoundException(text, "0 is no peer's id");
        }
        long plain = -n;
        if (plain > CHANNEL_MARK) {
            return new PeerQuery(Kind.CHANNEL_ID, null, null, plain - CHANNEL_MARK);
        }
        return new PeerQuery(Kind.CHAT_ID, null, null, plain);
    }
}
