package dev.mtproto.tl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.tl.api.ApiSchema;
import dev.mtproto.tl.api.Channel;
import dev.mtproto.tl.api.Chat;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageEntityBold;
import dev.mtproto.tl.api.MessageEntityCode;
import dev.mtproto.tl.api.MessageEntityCustomEmoji;
import dev.mtproto.tl.api.MessageEntityHashtag;
import dev.mtproto.tl.api.MessageEntityItalic;
import dev.mtproto.tl.api.MessageEntityMention;
import dev.mtproto.tl.api.MessageEntityTextUrl;
import dev.mtproto.tl.api.MessageEntityUrl;
import dev.mtproto.tl.api.MessageMediaPhoto;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.messages.Messages;
import dev.mtproto.tl.api.messages.MessagesType;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code messages100.bin} (layer 228; made from {@code messages100.json} by {@link Messages100FixtureTest})
 * decodes to what its README describes and re-encodes to the same bytes.
 */
class Messages100Test {
    private static byte[] bytes;
    private static Messages decoded;

    static byte[] load() throws Exception {
        try (InputStream in = Messages100Test.class.getResourceAsStream("/bench/messages100.bin")) {
            return in.readAllBytes();
        }
    }

    @BeforeAll
    static void decode() throws Exception {
        bytes = load();
        TlReader r = new TlReader(bytes);
        MessagesType value = MessagesType.read(r);
        r.expectEnd();
        assertThat(value).isInstanceOf(Messages.class);
        decoded = (Messages) value;
    }

    @Test
    void inputIsTheOneTheReadmeDescribes() throws Exception {
        assertThat(ApiSchema.LAYER).as("the layer the README gives the figures for").isEqualTo(228);
        assertThat(bytes).hasSize(38_316);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .isEqualTo("0ce24a5f98ccb13357c11f537be6e4c80ad28e3a2c0240737b75ca4409b0c9db");
    }

    @Test
    void reEncodesToTheSameBytes() {
        assertThat(decoded.toByteArray()).isEqualTo(bytes);
    }

    @Test
    void throughJsonAndBackItEncodesToTheSameBytes() {
        String json = TlJsonRoundTripTest.MAPPER.writeValueAsString(decoded);
        MessagesType back = TlJsonRoundTripTest.MAPPER.readValue(json, MessagesType.class);
        assertThat(back).isEqualTo(decoded);
        assertThat(back.toByteArray()).isEqualTo(bytes);
    }

    @Test
    void holdsTheDescribedContent() {
        List<TlObject> all = TlObjectGraph.objects(decoded);
        assertThat(all).as("boxed objects").hasSize(749);

        assertThat(decoded.messages()).hasSize(100).allMatch(m -> m instanceof Message);
        List<Message> messages = decoded.messages().stream().map(Message.class::cast).toList();
        assertThat(messages).filteredOn(m -> m.fwdFrom() != null).hasSize(14);
        assertThat(messages).filteredOn(m -> m.media() instanceof MessageMediaPhoto).hasSize(10);
        assertThat(messages).anyMatch(m -> m.replyTo() != null);
        assertThat(messages).anyMatch(m -> m.reactions() != null);
        assertThat(messages).anyMatch(m -> m.replies() != null);
        assertThat(messages).allMatch(m -> !m.message().isEmpty());

        assertThat(decoded.users()).hasSize(20).allMatch(u -> u instanceof User);
        assertThat(decoded.chats()).hasSize(5);
        assertThat(decoded.chats()).filteredOn(c -> c instanceof Chat).hasSize(3);
        assertThat(decoded.chats()).filteredOn(c -> c instanceof Channel).hasSize(2);

        List<Class<?>> entityKinds = List.of(MessageEntityBold.class, MessageEntityItalic.class, MessageEntityCode.class,
                MessageEntityUrl.class, MessageEntityTextUrl.class, MessageEntityMention.class, MessageEntityHashtag.class,
                MessageEntityCustomEmoji.class);
        for (Class<?> kind : entityKinds) {
            assertThat(all).as(kind.getSimpleName()).anyMatch(kind::isInstance);
        }
        // text is real UTF-8: Cyrillic, CJK and emoji survive decoding
        assertThat(messages).anyMatch(m -> m.message().matches("(?s).*[\\u0400-\\u04FF].*"));
        assertThat(messages).anyMatch(m -> m.message().codePoints().anyMatch(cp -> cp > 0xFFFF));
    }
}
