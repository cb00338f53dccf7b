package dev.mtproto.fuzz.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.messages.format.FormattedText;
import dev.mtproto.messages.format.FormattingException;
import java.util.function.Function;

/** The check both formatting targets make: what parses renders again, and parses back to the same text. */
final class RoundTrip {
    private RoundTrip() {
    }

    /**
     * Parses the source; if it parses, renders it and parses the rendering.
     *
     * @throws AssertionError if the second parse differs from the first (parse results are normalized, so
     *     {@code parse(render(t))} must be {@code t})
     */
    static void check(String source, Function<String, FormattedText> parse, Function<FormattedText, String> render) {
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
