package dev.mtproto.fuzz.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mtproto.messages.format.FormattedText;
import dev.mtproto.messages.format.FormattingException;
import dev.mtproto.messages.format.Html;
import dev.mtproto.messages.format.Markdown;
import java.util.function.Function;

/**
 * The MarkdownV2 and HTML parsers (https://core.telegram.org/bots/api#formatting-options) on arbitrary
 * text: what a bot's user, or a template filled with user input, can hand them.
 *
 * <p>Allowed out: {@link FormattingException} from parsing. What parses renders again, and the rendering
 * parses to the same text and entities ({@code parse(render(t))} is {@code t}, since parse results are
 * normalized).
 */
class FormattingFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void markdown(FuzzedDataProvider data) {
        roundTrip(data.consumeRemainingAsString(), Markdown::parse, Markdown::render);
    }

    @FuzzTest(maxDuration = "10s")
    void html(FuzzedDataProvider data) {
        roundTrip(data.consumeRemainingAsString(), Html::parse, Html::render);
    }

    private static void roundTrip(String source, Function<String, FormattedText> parse, Function<FormattedText, String> render) {
        FormattedText text;
        try {
            text = parse.apply(source);
        } catch (FormattingException expected) {
            return;
        }
        String rendered = render.apply(text);
        assertThat(parse.apply(rendered)).as("parse(render(parse(%s))) = %s", source, rendered).isEqualTo(text);
    }
}
