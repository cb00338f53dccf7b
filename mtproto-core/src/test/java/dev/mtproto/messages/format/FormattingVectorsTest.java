package dev.mtproto.messages.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.messages.format.FormattingVectors.Case;
import dev.mtproto.messages.format.FormattingVectors.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of {@code formatting/vectors.txt} both ways: the markup parses to the expected text and
 * entities (in Telegram's order), and the expected value renders to MarkdownV2 and to HTML that parse back
 * to exactly it. Error cases must fail with the named problem at the named UTF-16 index.
 */
class FormattingVectorsTest {
    private static final List<Case> CASES = FormattingVectors.load();

    @Test
    void theFileHasAtLeastSixtyCasesOfEachDirection() {
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(60);
        assertThat(CASES.stream().filter(c -> c.text() != null)).hasSizeGreaterThanOrEqualTo(60);
    }

    @TestFactory
    List<DynamicTest> parse() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : CASES) {
            if (c.markdown() != null) {
                tests.add(DynamicTest.dynamicTest("md: " + c, () -> check(c, c.markdown(), c.markdownError(),
                        Markdown::parse)));
            }
            if (c.html() != null) {
                tests.add(DynamicTest.dynamicTest("html: " + c, () -> check(c, c.html(), c.htmlError(), Html::parse)));
            }
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> roundTrip() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : CASES) {
            if (c.text() == null) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest("canonical: " + c, () ->
                    assertThat(c.expected().normalized()).isEqualTo(c.expected())));
            tests.add(DynamicTest.dynamicTest("md: " + c, () -> {
                String markdown = Markdown.render(c.expected());
                assertThat(Markdown.parse(markdown)).as(markdown).isEqualTo(c.expected());
            }));
            tests.add(DynamicTest.dynamicTest("html: " + c, () -> {
                String html = Html.render(c.expected());
                assertThat(Html.parse(html)).as(html).isEqualTo(c.expected());
            }));
        }
        return tests;
    }

    private static void check(Case c, String markup, Failure failure, Function<String, FormattedText> parser) {
        if (failure == null) {
            assertThat(parser.apply(markup)).isEqualTo(c.expected());
            return;
        }
        assertThatThrownBy(() -> parser.apply(markup))
                .isInstanceOfSatisfying(FormattingException.class, e -> {
                    assertThat(e.problem()).as(e.getMessage()).isEqualTo(failure.problem());
                    assertThat(e.index()).as(e.getMessage()).isEqualTo(failure.index());
                });
    }
}
