package dev.mtproto.messages.keyboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.TlWriter;
import dev.mtproto.tl.api.ReplyMarkup;

/** Encodes markup with the real TL codec and decodes it again, so flags and fields are known to be valid. */
final class TlRoundTrip {
    private TlRoundTrip() {
    }

    static <T extends ReplyMarkup> T encodeAndDecode(T markup) {
        TlWriter writer = new TlWriter();
        markup.write(writer);
        TlReader reader = new TlReader(writer.toByteArray());
        ReplyMarkup decoded = ReplyMarkup.read(reader);
        reader.expectEnd();
        assertThat(decoded).isEqualTo(markup);
        return markup;
    }
}
