package dev.mtproto.fuzz.format;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mtproto.messages.format.FormattingException;
import dev.mtproto.messages.format.Html;

/**
 * The Bot API's HTML subset (https://core.telegram.org/bots/api#html-style) on arbitrary text: what a bot's
 * user, or a template filled with user input, can hand it.
 *
 * <p>Allowed out: {@link FormattingException} from parsing. What parses renders again, and the rendering
 * parses to the same text and entities.
 */
class HtmlFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void html(FuzzedDataProvider data) {
        RoundTrip.check(data.consumeRemainingAsString(), Html::parse, Html::render);
    }
}
