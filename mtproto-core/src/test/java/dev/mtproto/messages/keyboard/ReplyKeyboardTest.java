package dev.mtproto.messages.keyboard;

import static dev.mtproto.messages.keyboard.TlRoundTrip.encodeAndDecode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.tl.api.ChatAdminRights;
import dev.mtproto.tl.api.InputKeyboardButtonRequestPeer;
import dev.mtproto.tl.api.KeyboardButton;
import dev.mtproto.tl.api.KeyboardButtonRequestGeoLocation;
import dev.mtproto.tl.api.KeyboardButtonRequestPhone;
import dev.mtproto.tl.api.KeyboardButtonRequestPoll;
import dev.mtproto.tl.api.KeyboardButtonRow;
import dev.mtproto.tl.api.KeyboardButtonSimpleWebView;
import dev.mtproto.tl.api.ReplyKeyboardForceReply;
import dev.mtproto.tl.api.ReplyKeyboardHide;
import dev.mtproto.tl.api.ReplyKeyboardMarkup;
import dev.mtproto.tl.api.RequestPeerTypeBroadcast;
import dev.mtproto.tl.api.RequestPeerTypeChat;
import dev.mtproto.tl.api.RequestPeerTypeUser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reply keyboards, their options, every button kind, removal and force-reply, through the real TL codec. */
class ReplyKeyboardTest {

    @Test
    void optionsAndButtons() {
        ReplyKeyboardMarkup markup = encodeAndDecode(ReplyKeyboard.builder()
                .row(r -> r.text("Menu").requestContact("Phone").requestLocation("Where"))
                .row(r -> r.requestPoll("Poll", null).requestPoll("Quiz", true).webApp("App", "https://app.example"))
                .resize().oneTime().selective().persistent().placeholder("Choose")
                .build());

        assertThat(markup).isEqualTo(new ReplyKeyboardMarkup(true, true, true, true, List.of(
                new KeyboardButtonRow(List.of(new KeyboardButton(null, "Menu"), new KeyboardButtonRequestPhone(null, "Phone"),
                        new KeyboardButtonRequestGeoLocation(null, "Where"))),
                new KeyboardButtonRow(List.of(new KeyboardButtonRequestPoll(null, null, "Poll"),
                        new KeyboardButtonRequestPoll(null, true, "Quiz"),
                        new KeyboardButtonSimpleWebView(null, "App", "https://app.example")))), "Choose"));
    }

    @Test
    void defaultsAreOff() {
        ReplyKeyboardMarkup markup = ReplyKeyboard.builder().row(r -> r.text("a")).build();
        assertThat(markup.resize() || markup.singleUse() || markup.selective() || markup.persistent()).isFalse();
        assertThat(markup.placeholder()).isNull();
    }

    @Test
    void requestPeerButtons() {
        ChatAdminRights rights = ChatAdminRights.builder().postMessages(true).build();
        ReplyKeyboardMarkup markup = encodeAndDecode(ReplyKeyboard.builder()
                .row(r -> r.requestPeer("People", 1, PeerRequest.users().bot(false).premium(true).maxQuantity(3)
                        .requestName().requestUsername().requestPhoto()))
                .row(r -> r.requestPeer("Group", 2, PeerRequest.chats().creator().botParticipant().hasUsername(true)
                        .forum(false).botAdminRights(rights)))
                .row(r -> r.requestPeer("Channel", 3, PeerRequest.channels().hasUsername(false).userAdminRights(rights)))
                .build());

        assertThat(markup.rows()).extracting(row -> ((KeyboardButtonRow) row).buttons().get(0)).containsExactly(
                new InputKeyboardButtonRequestPeer(true, true, true, null, "People", 1, new RequestPeerTypeUser(false, true), 3),
                new InputKeyboardButtonRequestPeer(false, false, false, null, "Group", 2,
                        new RequestPeerTypeChat(true, true, true, false, null, rights), 1),
                new InputKeyboardButtonRequestPeer(false, false, false, null, "Channel", 3,
                        new RequestPeerTypeBroadcast(false, false, rights, null), 1));
    }

    @Test
    void peerRequestsCheckTheirCriteria() {
        assertThatThrownBy(() -> PeerRequest.users().maxQuantity(11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a peer request may ask for 1 to 10 users, not 11");
        assertThatThrownBy(() -> PeerRequest.users().maxQuantity(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PeerRequest.chats().maxQuantity(2)).isInstanceOf(IllegalStateException.class)
                .hasMessage("maxQuantity applies to a request for users only, this one is for chats");
        assertThatThrownBy(() -> PeerRequest.channels().forum(true)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PeerRequest.users().creator()).isInstanceOf(IllegalStateException.class)
                .hasMessage("creator applies to requests for chats and channels, not users");

        PeerRequest base = PeerRequest.users();
        PeerRequest bots = base.bot(true);
        assertThat(base.peerType()).isEqualTo(new RequestPeerTypeUser(null, null));
        assertThat(bots.peerType()).isEqualTo(new RequestPeerTypeUser(true, null));
    }

    @Test
    void requestIdsMustBeUnique() {
        assertThatThrownBy(() -> ReplyKeyboard.builder()
                .row(r -> r.requestPeer("A", 7, PeerRequest.users()).requestPeer("B", 7, PeerRequest.chats()))
                .build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("button \"B\" reuses the request id 7; each request-peer button needs its own");
    }

    @Test
    void limitsAndPlaceholdersAreChecked() {
        assertThatThrownBy(() -> ReplyKeyboard.builder().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the reply keyboard needs at least one row");
        assertThatThrownBy(() -> ReplyKeyboard.builder().row(r -> {
            for (int k = 0; k < 13; k++) {
                r.text("k" + k);
            }
        }).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1 of the reply keyboard has 13 buttons; at most 12 fit in a row");
        assertThat(ReplyKeyboard.builder().limits(new KeyboardLimits(1, 1)).row(r -> r.text("one")).build().rows())
                .hasSize(1);
        assertThatThrownBy(() -> ReplyKeyboard.builder().placeholder("x".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a keyboard placeholder is 65 characters; Telegram allows 1 to 64");
        assertThatThrownBy(() -> ReplyKeyboard.builder().placeholder("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReplyKeyboard.builder().row(r -> r.text(""))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void removeAndForceReply() {
        assertThat(encodeAndDecode(ReplyKeyboard.remove(true))).isEqualTo(new ReplyKeyboardHide(true));
        assertThat(encodeAndDecode(ReplyKeyboard.remove(false))).isEqualTo(new ReplyKeyboardHide(false));
        assertThat(encodeAndDecode(ReplyKeyboard.forceReply(true, "Your answer")))
                .isEqualTo(new ReplyKeyboardForceReply(false, true, "Your answer"));
        assertThat(ReplyKeyboard.forceReply(false, null).placeholder()).isNull();
        assertThatThrownBy(() -> ReplyKeyboard.forceReply(false, "")).isInstanceOf(IllegalArgumentException.class);
    }
}
