package dev.mtproto.messages.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.tl.api.MessageEntity;
import dev.mtproto.tl.api.MessageEntityBlockquote;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Random values round-trip through both renderers; random markup never fails with anything but our error. */
class FormattingRoundTripPropertyTest {

    @Property(tries = 2000)
    void htmlRoundTripIsExact(@ForAll long seed) {
        FormattedText value = RandomFormattedText.of(seed);
        String html = Html.render(value);
        assertThat(Html.parse(html)).as("seed %d, html %s", seed, html).isEqualTo(value);
    }

    @Property(tries = 2000)
    void markdownRoundTripIsExact(@ForAll long seed) {
        FormattedText value = RandomFormattedText.of(seed);
        Assume.that(!startsAfterExpandableQuote(value));
        String markdown = Markdown.render(value);
        assertThat(Markdown.parse(markdown)).as("seed %d, markdown %s", seed, markdown).isEqualTo(value);
    }

    @Property(tries = 1000)
    void normalizingIsIdempotent(@ForAll long seed) {
        FormattedText value = RandomFormattedText.of(seed);
        assertThat(value.normalized()).isEqualTo(value);
    }

    @Property(tries = 3000)
    void randomMarkdownParsesOrFailsWithAFormattingException(@ForAll @Size(max = 40) List<
            @CharRange(from = ' ', to = '~') @Chars({'\n', 'é', '\u200D'}) Character> chars) {
        parsesOrFails(join(chars), Markdown::parse, Markdown::render);
    }

    @Property(tries = 3000)
    void randomHtmlParsesOrFailsWithAFormattingException(@ForAll @Size(max = 40) List<
            @CharRange(from = ' ', to = '~') @Chars({'\n', 'é', '\u200D'}) Character> chars) {
        parsesOrFails(join(chars), Html::parse, Html::render);
    }

    @Property(tries = 3000)
    void markdownFromMarkupTokensRoundTrips(@ForAll @Size(max = 30) List<@IntRange(max = 29) Integer> tokens) {
        parsesOrFails(join(tokens, MARKDOWN_TOKENS), Markdown::parse, Markdown::render);
    }

    @Property(tries = 3000)
    void htmlFromMarkupTokensRoundTrips(@ForAll @Size(max = 30) List<@IntRange(max = 25) Integer> tokens) {
        parsesOrFails(join(tokens, HTML_TOKENS), Html::parse, Html::render);
    }

    private static final String[] MARKDOWN_TOKENS = {
        "*", "_", "__", "~", "||", "`", "```", "```py\n", "[", "](https://t.me)", "](tg://user?id=7)", "![",
        "](tg://emoji?id=9)", "](tg://time?unix=5&format=wD)", ">", "**>", "\n", "\n>", "\\", "\\*", "\\.", "a",
        "b c", "😀", "e\u0301", ")", "\\)", "\\`", "\\_", "||\n"
    };
    private static final String[] HTML_TOKENS = {
        "<b>", "</b>", "<i>", "</i>", "<u>", "</u>", "<s>", "</s>", "<tg-spoiler>", "</tg-spoiler>", "<code>", "</code>",
        "<pre>", "</pre>", "<pre><code class=\"language-go\">", "</code></pre>", "<a href=\"https://t.me\">", "</a>",
        "<blockquote expandable>", "</blockquote>", "<tg-emoji emoji-id=\"3\">", "</tg-emoji>", "a", "\n", "&lt;😀",
        "&amp;"
    };

    private static String join(List<Integer> tokens, String[] vocabulary) {
        StringBuilder out = new StringBuilder();
        tokens.forEach(t -> out.append(vocabulary[t % vocabulary.length]));
        return out.toString();
    }

    private static void parsesOrFails(String source, Function<String, FormattedText> parse,
            Function<FormattedText, String> render) {
        try {
            FormattedText parsed = parse.apply(source);
            assertThat(parse.apply(render.apply(parsed))).as(source).isEqualTo(parsed);
        } catch (FormattingException expected) {
            assertThat(expected.index()).isBetween(0, source.length());
        }
    }

    private static String join(List<Character> chars) {
        StringBuilder out = new StringBuilder();
        chars.forEach(out::append);
        return out.toString();
    }

    /** MarkdownV2 cannot write a non-splittable entity that starts right where an expandable quote ends. */
    private static boolean startsAfterExpandableQuote(FormattedText value) {
        for (MessageEntity quote : value.entities()) {
            if (quote instanceof MessageEntityBlockquote q && q.collapsed()) {
                int end = q.offset() + q.length();
                for (MessageEntity other : value.entities()) {
                    if (other.offset() == end && !EntityKind.of(other).splittable()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
