package dev.mtproto.messages.format;

import dev.mtproto.tl.api.MessageEntityFormattedDate;

/**
 * Date-time entities (https://core.telegram.org/bots/api#date-time-entity-formatting): a unix time and a
 * format string matching {@code r|w?[dD]?[tT]?} ({@code r} relative, {@code w} day of the week, {@code d}
 * short date, {@code D} long date, {@code t} short time, {@code T} long time; empty shows the text as
 * it is), written {@code tg://time?unix=N&format=F} in MarkdownV2 and {@code <tg-time unix format>} in HTML.
 */
final class DateTimes {
    static final String PREFIX = "tg://time?";

    private DateTimes() {
    }

    /**
     * @param unix the unix time, as digits
     * @param format the format string, or null for none
     * @return a prototype entity (offset and length 0)
     * @throws IllegalArgumentException if the time is not 0 to 2^31-1 or the format does not match
     */
    static MessageEntityFormattedDate entity(String unix, String format) {
        int date = unixTime(unix);
        String f = format == null ? "" : format;
        boolean relative = f.equals("r");
        int i = relative ? 1 : 0;
        boolean dayOfWeek = !relative && i < f.length() && f.charAt(i) == 'w';
        i += dayOfWeek ? 1 : 0;
        char dateChar = !relative && i < f.length() && (f.charAt(i) == 'd' || f.charAt(i) == 'D') ? f.charAt(i) : 0;
        i += dateChar != 0 ? 1 : 0;
        char timeChar = !relative && i < f.length() && (f.charAt(i) == 't' || f.charAt(i) == 'T') ? f.charAt(i) : 0;
        i += timeChar != 0 ? 1 : 0;
        if (i != f.length()) {
            throw new IllegalArgumentException("a date-time format must match r|w?[dD]?[tT]?, found \"" + f + "\"");
        }
        return new MessageEntityFormattedDate(relative, timeChar == 't', timeChar == 'T', dateChar == 'd',
                dateChar == 'D', dayOfWeek, 0, 0, date);
    }

    private static int unixTime(String unix) {
        if (unix == null) {
            throw new IllegalArgumentException("a date-time needs its unix time");
        }
        boolean digits = !unix.isEmpty() && unix.length() <= 10 && unix.chars().allMatch(c -> c >= '0' && c <= '9');
        if (digits && Long.parseLong(unix) <= Integer.MAX_VALUE) {
            return Integer.parseInt(unix);
        }
        throw new IllegalArgumentException("a date-time's unix time must be 0 to " + Integer.MAX_VALUE + ", found \""
                + unix + "\"");
    }

    /**
     * @param url a MarkdownV2 date-time URL, unescaped
     * @return a prototype entity
     * @throws IllegalArgumentException unless it is {@code tg://time?unix=N} with an optional {@code format}
     */
    static MessageEntityFormattedDate fromUrl(String url) {
        String unix = null;
        String format = null;
        for (String parameter : url.substring(PREFIX.length()).split("&", -1)) {
            if (parameter.startsWith("unix=") && unix == null) {
                unix = parameter.substring(5);
            } else if (parameter.startsWith("format=") && format == null) {
                format = parameter.substring(7);
            } else {
                throw new IllegalArgumentException("a date-time URL takes unix= and format= only, found \"" + url + "\"");
            }
        }
        return entity(unix, format);
    }

    /**
     * @param date a date-time entity
     * @return its format string
     * @throws IllegalArgumentException if its flags match no format string (relative with another flag,
     *     both dates or both times)
     */
    static String format(MessageEntityFormattedDate date) {
        if (date.relative()) {
            if (date.dayOfWeek() || date.shortDate() || date.longDate() || date.shortTime() || date.longTime()) {
                throw new IllegalArgumentException("a relative date-time cannot show anything else: " + date);
            }
            return "r";
        }
        if (date.shortDate() && date.longDate() || date.shortTime() && date.longTime()) {
            throw new IllegalArgumentException("a date-time shows one date and one time form at most: " + date);
        }
        return (date.dayOfWeek() ? "w" : "") + (date.shortDate() ? "d" : date.longDate() ? "D" : "")
                + (date.shortTime() ? "t" : date.longTime() ? "T" : "");
    }

    /**
     * @param date a date-time entity
     * @return its MarkdownV2 URL
     * @throws IllegalArgumentException as {@link #format}
     */
    static String url(MessageEntityFormattedDate date) {
        String format = format(date);
        return PREFIX + "unix=" + date.date() + (format.isEmpty() ? "" : "&format=" + format);
    }
}
