package dev.mtproto.messages.format;

/**
 * Telegram's MarkdownV2 (https://core.telegram.org/bots/api#markdownv2-style) to {@link FormattedText}
 * and back.
 *
 * <pre>{@code
 * *bold*  _italic_  __underline__  ~strikethrough~  ||spoiler||  `code`
 * ```python
 * pre with a language
 * ```
 * [link](https://example.com)  [mention](tg://user?id=123)  ![👍](tg://emoji?id=5368324170671202286)
 * ![22:45 tomorrow](tg://time?unix=1647531900&format=wDT)  (a date-time, format r|w?[dD]?[tT]?)
 * >a blockquote line
 * >another line of the same quote
 * **>an expandable blockquote (the ** is an empty bold that separates it from the quote above)
 * >its last line ends with the expandability mark||
 * }</pre>
 *
 * <p>Rules, as the Bot API states them and as this parser applies them: any character with code 1 to 126
 * may be escaped with {@code \}; outside code, pre and URLs the characters {@code _*[]()~`>#+-=|{}.!}
 * must be escaped; inside code and pre {@code `} and {@code \} must be; inside a URL {@code )} and
 * {@code \} must be. {@code __} is read greedily as underline, so {@code ___} is underline then italic;
 * an empty entity ({@code **}) separates markers. Entities must be properly nested in the markup (close
 * the inner one first); the result may still hold overlapping entities, merged and cut as
 * {@link FormattedText#normalized()} describes. Empty entities are left out. A blockquote is a run of
 * lines starting with {@code >} (the {@code >} of its first line may follow markers, such as the empty
 * bold that separates two quotes); a line that does not start with {@code >} ends it; {@code ||} right
 * before a line break or the end, inside a quote, ends it and makes it expandable. After
 * {@code ```}, the text up to the first line break is the pre's language; without a line break before the
 * closing {@code ```} there is no language.
 */
public final class Markdown {
    private Markdown() {
    }

    /**
     * Parses MarkdownV2. Runs in time linear in the input and without recursion.
     *
     * @param markdown MarkdownV2 source
     * @return the text and its entities (UTF-16 offsets), normalized; mentions by id come out as
     *     {@code messageEntityMentionName}, see {@link FormattedText#withInputMentions}
     * @throws FormattingException naming the position and the problem when the markup is malformed: an
     *     unclosed entity, an unescaped reserved character, a bad escape, markers closed in the wrong
     *     order, forbidden nesting (a link in a link, code in a link, a quote ending inside code...), or a
     *     bad URL, id or date-time
     */
    public static FormattedText parse(String markdown) {
        return MarkdownParser.parse(markdown);
    }

    /**
     * Writes MarkdownV2 that {@link #parse} reads back as {@code text.normalized()}.
     *
     * @param text text and entities; kinds markup cannot express are left out
     * @return MarkdownV2 source
     * @throws IllegalArgumentException if the entities are invalid (see {@link FormattedText#normalized()}),
     *     a blockquote does not cover whole lines, a pre language holds a line break, a text URL is empty,
     *     holds spaces or starts with {@code tg://user?}, an input mention's user has no id, a date-time's
     *     flags match no format string, or a code, pre or link starts on the line break right after an
     *     expandable blockquote
     */
    public static String render(FormattedText text) {
        return MarkdownRenderer.render(text);
    }

    /**
     * @param plain any text
     * @return MarkdownV2 that parses to exactly {@code plain} without entities
     */
    public static String escape(String plain) {
        return render(FormattedText.plain(plain));
    }
}
