package dev.mtproto.messages.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.messages.format.FormattingException.Problem;
import dev.mtproto.tl.api.MessageEntity;
import dev.mtproto.tl.api.MessageEntityBlockquote;
import dev.mtproto.tl.api.MessageEntityBold;
import dev.mtproto.tl.api.MessageEntityItalic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Megabytes of markers and deep nesting end in a result or a FormattingException, never a stack overflow. */
class HostileInputTest {
    private static final int MANY = 1_000_000;

    @Test
    void aMillionStarsAreEmptyBoldPairs() {
        assertThat(Markdown.parse("*".repeat(MANY))).isEqualTo(FormattedText.plain(""));
        assertFails(() -> Markdown.parse("*".repeat(MANY + 1)), Problem.UNCLOSED_ENTITY, MANY);
    }

    @Test
    void deepHtmlNestingIsOneEntity() {
        int depth = 200_000;
        String html = "<b>".repeat(depth) + "x" + "</b>".repeat(depth);
        assertThat(Html.parse(html).entities()).containsExactly(new MessageEntityBold(0, 1));
        assertFails(() -> Html.parse("<i>".repeat(depth)), Problem.UNCLOSED_ENTITY, 0);
        assertFails(() -> Html.parse("<a href=\"https://t.me\"><b>".repeat(depth)), Problem.FORBIDDEN_NESTING, 26);
        assertFails(() -> Html.parse("<blockquote>".repeat(depth)), Problem.FORBIDDEN_NESTING, 12);
    }

    @Test
    void repeatedOpenersFailAtTheFirstForbiddenOne() {
        assertFails(() -> Markdown.parse("[".repeat(MANY)), Problem.FORBIDDEN_NESTING, 1);
        assertFails(() -> Markdown.parse("*_".repeat(MANY / 2)), Problem.MISMATCHED_CLOSE, 2);
        assertFails(() -> Markdown.parse("`".repeat(MANY + 1)), Problem.RESERVED_CHARACTER, MANY - 1);
    }

    @Test
    void aLongQuoteAndManyEntitiesGoBothWays() {
        int lines = 100_000;
        FormattedText quote = Markdown.parse(">a\n".repeat(lines));
        assertThat(quote.entities()).containsExactly(new MessageEntityBlockquote(false, 0, lines * 2 - 1));

        List<MessageEntity> entities = new ArrayList<>();
        for (int k = 0; k < lines; k++) {
            entities.add(k % 2 == 0 ? new MessageEntityBold(k, 2) : new MessageEntityItalic(k, 2));
        }
        FormattedText crossing = new FormattedText("x".repeat(lines + 1), entities).normalized();
        assertThat(Markdown.parse(Markdown.render(crossing))).isEqualTo(crossing);
        assertThat(Html.parse(Html.render(crossing))).isEqualTo(crossing);
    }

    /** Found by MarkdownFuzzTest (then FormattingFuzzTest): an escaped line break used to end up inside the language, which no markup can write. */
    @Test
    void anEscapedLineBreakCannotEndAPreLanguage() {
        assertFails(() -> Markdown.parse("```go\\\ncode```"), Problem.BAD_ESCAPE, 5);
        assertThat(Markdown.parse("```go\ncode```")).isEqualTo(Markdown.parse(Markdown.render(Markdown.parse("```go\ncode```"))));
    }

    private static void assertFails(Runnable parse, Problem problem, int index) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(FormattingException.class, e -> {
            assertThat(e.problem()).as(e.getMessage()).isEqualTo(problem);
            assertThat(e.index()).as(e.getMessage()).isEqualTo(index);
        });
    }
}
