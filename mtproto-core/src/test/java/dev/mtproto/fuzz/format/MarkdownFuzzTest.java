package dev.mtproto.fuzz.format;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mtproto.messages.format.FormattingException;
import dev.mtproto.messages.format.Markdown;

/**
 * The MarkdownV2 parser (https://core.telegram.org/bots/api#markdownv2-style) on arbitrary text: what a
 * bot's user, or a template filled with user input, can hand it.
 *
 * <p>Allowed out: {@link FormattingException} from parsing. What parses renders again, and the rendering
 * parses to the same text and entities.
 */
class MarkdownFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void markdown(FuzzedDataProvider data) {
        RoundTrip.check(data.consumeRemainingAsString(), Markdown::parse, Markdown::render);
    }
}
