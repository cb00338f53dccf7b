package dev.mtproto.messages.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.tl.api.InputMessageEntityMentionName;
import dev.mtproto.tl.api.InputUser;
import dev.mtproto.tl.api.InputUserSelf;
import dev.mtproto.tl.api.MessageEntity;
import dev.mtproto.tl.api.MessageEntityBlockquote;
import dev.mtproto.tl.api.MessageEntityBold;
import dev.mtproto.tl.api.MessageEntityCode;
import dev.mtproto.tl.api.MessageEntityFormattedDate;
import dev.mtproto.tl.api.MessageEntityHashtag;
import dev.mtproto.tl.api.MessageEntityItalic;
import dev.mtproto.tl.api.MessageEntityMentionName;
import dev.mtproto.tl.api.MessageEntityPre;
import dev.mtproto.tl.api.MessageEntityTextUrl;
import dev.mtproto.tl.api.MessageEntityUnderline;
import dev.mtproto.tl.api.MessageEntityUrl;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical form, mentions for sending, and what the renderers refuse. */
class FormattedTextTest {

    private static FormattedText text(String text, MessageEntity... entities) {
        return new FormattedText(text, List.of(entities));
    }

    @Test
    void mentionsBecomeInputMentionsThroughTheResolver() {
        FormattedText parsed = Markdown.parse("hi [Ann](tg://user?id=42) *!*".replace("!", "\\!"));
        InputUser ann = new InputUser(42, 777);

        FormattedText sendable = parsed.withInputMentions(id -> id == 42 ? ann : null);

        assertThat(sendable.entities()).containsExactly(new InputMessageEntityMentionName(3, 3, ann),
                new MessageEntityBold(7, 1));
        assertThatThrownBy(() -> parsed.withInputMentions(id -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("42");
    }

    @Test
    void inputMentionsRenderByUserIdAndNeedOne() {
        FormattedText input = text("Ann", new InputMessageEntityMentionName(0, 3, new InputUser(42, 777)));
        assertThat(Markdown.render(input)).isEqualTo("[Ann](tg://user?id=42)");
        assertThat(Html.render(input)).isEqualTo("<a href=\"tg://user?id=42\">Ann</a>");

        FormattedText self = text("me", new InputMessageEntityMentionName(0, 2, InputUserSelf.INSTANCE));
        assertThatThrownBy(() -> Markdown.render(self)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no user id");
    }

    @Test
    void normalizingLeavesOutWhatMarkupCannotSayAndMergesSplittables() {
        FormattedText value = text("#tag https://t.me ab", new MessageEntityHashtag(0, 4),
                new MessageEntityUrl(5, 12), new MessageEntityBold(18, 0), new MessageEntityItalic(18, 1),
                new MessageEntityItalic(19, 1), new MessageEntityItalic(18, 2));

        assertThat(value.normalized().entities()).containsExactly(new MessageEntityItalic(18, 2));
        assertThat(Markdown.render(value)).isEqualTo("\\#tag https://t\\.me _ab_");
    }

    @Test
    void splittablesAreCutAtTheEdgesOfLinksTheyCrossAndLeftOutInsideCode() {
        // https://core.telegram.org/bots/api#formatting-options: two entities with common characters must nest
        FormattedText crossing = text("abcdef", new MessageEntityBold(0, 4), new MessageEntityTextUrl(2, 4, "https://t.me"));
        assertThat(crossing.normalized().entities()).containsExactly(new MessageEntityBold(0, 2),
                new MessageEntityTextUrl(2, 4, "https://t.me"), new MessageEntityBold(2, 2));
        assertThat(Markdown.render(crossing)).isEqualTo("*ab*[*cd*ef](https://t.me)");

        FormattedText inCode = text("abcd", new MessageEntityCode(0, 4), new MessageEntityBold(1, 2),
                new MessageEntityUnderline(0, 4));
        assertThat(inCode.normalized().entities()).containsExactly(new MessageEntityUnderline(0, 4),
                new MessageEntityCode(0, 4));
    }

    @Test
    void entitiesAgainstTheNestingRulesAreRefused() {
        assertInvalid(text("abcd", new MessageEntityTextUrl(0, 3, "https://a"), new MessageEntityTextUrl(2, 2, "https://b")),
                "overlap");
        assertInvalid(text("abcd", new MessageEntityCode(0, 4), new MessageEntityTextUrl(1, 2, "https://a")),
                "nothing can be inside code");
        assertInvalid(text("abcd", new MessageEntityBlockquote(false, 0, 4), new MessageEntityBlockquote(true, 1, 2)),
                "blockquote cannot be nested");
        assertInvalid(text("abcd", new MessageEntityTextUrl(0, 4, "https://a"), new MessageEntityMentionName(1, 1, 5)),
                "cannot be inside a link");
        assertInvalid(text("ab", new MessageEntityBold(1, 2)), "outside the text");
        assertInvalid(text("😀", new MessageEntityBold(0, 1)), "surrogate pair");
    }

    private static void assertInvalid(FormattedText value, String message) {
        assertThatThrownBy(value::normalized).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        assertThatThrownBy(() -> Html.render(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void markdownRefusesWhatItCannotWrite() {
        assertThatThrownBy(() -> Markdown.render(text("a b", new MessageEntityBlockquote(false, 2, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole lines");
        assertThatThrownBy(() -> Markdown.render(text("a", new MessageEntityPre(0, 1, "x\ny"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
        assertThatThrownBy(() -> Html.render(text("a", new MessageEntityTextUrl(0, 1, "tg://user?id=1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mention");
        assertThatThrownBy(() -> Markdown.render(text("a", new MessageEntityTextUrl(0, 1, ""))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Markdown.render(text("x", new MessageEntityMentionName(0, 1, -3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
        MessageEntityFormattedDate relativeWeekday = new MessageEntityFormattedDate(true, false, false, false, false,
                true, 0, 1, 5);
        assertThatThrownBy(() -> Html.render(text("x", relativeWeekday))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("relative date-time cannot show anything else");
        assertThatThrownBy(() -> Markdown.render(text("q\n`", new MessageEntityBlockquote(true, 0, 1),
                new MessageEntityCode(1, 2)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expandable");
    }

    @Test
    void separatorsKeepAdjacentMarkersApart() {
        FormattedText same = text("x", new MessageEntityItalic(0, 1), new MessageEntityUnderline(0, 1));
        assertThat(Markdown.render(same)).isEqualTo("_**__x__**_");

        FormattedText inBold = text("x", new MessageEntityBold(0, 1), new MessageEntityItalic(0, 1),
                new MessageEntityUnderline(0, 1));
        String markdown = Markdown.render(inBold);
        assertThat(markdown).isEqualTo("*_``__x__``_*");
        assertThat(Markdown.parse(markdown)).isEqualTo(inBold);
    }

    @Test
    void escapingGivesPlainText() {
        assertThat(Markdown.escape("1.5 * (2) \\ `x`")).isEqualTo("1\\.5 \\* \\(2\\) \\\\ \\`x\\`");
        assertThat(Markdown.parse(Markdown.escape("a_b*c"))).isEqualTo(FormattedText.plain("a_b*c"));
        assertThat(Html.escape("<a href=\"x\">&</a>")).isEqualTo("&lt;a href=\"x\"&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void errorsNameLineColumnAndSnippet() {
        FormattingException e = org.junit.jupiter.api.Assertions.assertThrows(FormattingException.class,
                () -> Markdown.parse("ok\nfine *bad"));
        assertThat(e.problem()).isEqualTo(FormattingException.Problem.UNCLOSED_ENTITY);
        assertThat(e.index()).isEqualTo(8);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(6);
        assertThat(e.syntax()).isEqualTo("MarkdownV2");
        assertThat(e.getMessage()).isEqualTo("MarkdownV2, line 2, column 6 (index 8): the bold opened here is never"
                + " closed near \"ok\\nfine *bad\"");

        FormattingException html = org.junit.jupiter.api.Assertions.assertThrows(FormattingException.class,
                () -> Html.parse("<b>x</i>"));
        assertThat(html.getMessage()).contains("HTML, line 1, column 5 (index 4)").contains("</i> closes <b>");
    }
}
