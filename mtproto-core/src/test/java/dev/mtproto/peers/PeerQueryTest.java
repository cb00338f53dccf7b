package dev.mtproto.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeerQueryTest {

    @ParameterizedTest
    @ValueSource(strings = {"@durov", "durov", "DuRoV", "https://t.me/durov", "http://t.me/durov", "t.me/durov", "t.me/s/durov",
            "https://telegram.me/durov", "t.me/durov/123", "https://t.me/durov?start=x", "tg://resolve?domain=durov&start=1"})
    void usernamesAndTheirLinks(String text) {
        PeerQuery q = PeerQuery.parse(text);
        assertThat(q.kind()).isEqualTo(PeerQuery.Kind.USERNAME);
        assertThat(q.username()).isEqualTo("durov");
    }

    @Test
    void selfPhonesAndIds() {
        assertThat(PeerQuery.parse("me").kind()).isEqualTo(PeerQuery.Kind.SELF);
        assertThat(PeerQuery.parse("Self").kind()).isEqualTo(PeerQuery.Kind.SELF);
        assertThat(PeerQuery.parse("+1 555 123-4567").phone()).isEqualTo("15551234567");
        assertThat(PeerQuery.parse("777000")).isEqualTo(new PeerQuery(PeerQuery.Kind.USER_ID, null, null, 777000));
        assertThat(PeerQuery.parse("-4012345")).isEqualTo(new PeerQuery(PeerQuery.Kind.CHAT_ID, null, null, 4012345));
        assertThat(PeerQuery.parse("-1001234567890")).isEqualTo(new PeerQuery(PeerQuery.Kind.CHANNEL_ID, null, null, 1234567890));
        assertThat(PeerQuery.parse("https://t.me/c/1234567890/55")).isEqualTo(new PeerQuery(PeerQuery.Kind.CHANNEL_ID, null, null, 1234567890));
    }

    @Test
    void whatNamesNoPeerSaysWhy() {
        assertThatThrownBy(() -> PeerQuery.parse("https://t.me/+AbCdEf")).isInstanceOf(PeerNotFoundException.class)
                .hasMessageContaining("invite link");
        assertThatThrownBy(() -> PeerQuery.parse("not a peer!")).isInstanceOf(PeerNotFoundException.class)
                .hasMessageContaining("@username").satisfies(e -> assertThat(((PeerNotFoundException) e).query()).isEqualTo("not a peer!"));
        assertThatThrownBy(() -> PeerQuery.parse("0")).isInstanceOf(PeerNotFoundException.class);
        assertThatThrownBy(() -> PeerQuery.parse("99999999999999999999")).isInstanceOf(PeerNotFoundException.class);
    }
}
