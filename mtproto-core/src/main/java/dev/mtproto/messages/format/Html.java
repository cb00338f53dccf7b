package dev.mtproto.messages.format;

/**
 * The Bot API's HTML subset (https://core.telegram.org/bots/api#html-style) to {@link FormattedText}
 * and back.
 *
 * <p>Tags: {@code <b>}/{@code <strong>}, {@code <i>}/{@code <em>}, {@code <u>}/{@code <ins>},
 * {@code <s>}/{@code <strike>}/{@code <del>}, {@code <tg-spoiler>} and {@code <span class="tg-spoiler">},
 * {@code <a href="...">} ({@code tg://user?id=N} makes a mention by id), {@code <code>}, {@code <pre>}
 * and {@code <pre><code class="language-x">} for a language, {@code <blockquote>} and
 * {@code <blockquote expandable>}, {@code <tg-emoji emoji-id="N">}, {@code <tg-time unix="N" format="wDT">}
 * (format optional, matching {@code r|w?[dD]?[tT]?}). Tag and attribute names are
 * case-insensitive; values may be quoted with {@code "} or {@code '} or unquoted; other attributes are
 * ignored. Character references: {@code &lt; &gt; &amp; &quot;} and every numeric one
 * ({@code &#128077;}, {@code &#x1F44D;}); any other named one is an error, an {@code &} that starts no
 * reference is kept as text. Tags must be closed in order by the same name; nothing may be inside code or
 * pre except the one {@code <code>} that gives a pre its language.
 */
public final class Html {
    private Html() {
    }

    /**
     * Parses Bot API HTML. Runs in time linear in the input and without recursion.
     *
     * @param html HTML source
     * @return the text and its entities (UTF-16 offsets), normalized; mentions by id come out as
     *     {@code messageEntityMentionName}, see {@link FormattedText#withInputMentions}
     * @throws FormattingException naming the position and the problem: an unclosed tag, a tag closed by
     *     another name, an unknown tag, a missing or bad attribute or URL, forbidden nesting, an unsupported
     *     or bad character reference, a {@code <} that starts no tag
     */
    public static FormattedText parse(String html) {
        return HtmlParser.parse(html);
    }

    /**
     * Writes HTML that {@link #parse} reads back as {@code text.normalized()}.
     *
     * @param text text and entities; kinds markup cannot express are left out
     * @return HTML source
     * @throws IllegalArgumentException if the entities are invalid (see {@link FormattedText#normalized()}),
     *     a text URL is empty, holds spaces or starts with {@code tg://user?}, an input mention's user has
     *     no id, or a date-time's flags match no format string
     */
    public static String render(FormattedText text) {
        return HtmlRenderer.render(text);
    }

    /**
     * @param plain any text
     * @return HTML that parses to exactly {@code plain}
     */
    public static String escape(String plain) {
        return render(FormattedText.plain(plain));
    }
}
