package dev.mtproto.messages.keyboard;

import static dev.mtproto.messages.keyboard.TlRoundTrip.encodeAndDecode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.tl.api.InlineQueryPeerTypeChat;
import dev.mtproto.tl.api.InlineQueryPeerTypePM;
import dev.mtproto.tl.api.InputKeyboardButtonUrlAuth;
import dev.mtproto.tl.api.InputKeyboardButtonUserProfile;
import dev.mtproto.tl.api.InputUser;
import dev.mtproto.tl.api.KeyboardButtonBuy;
import dev.mtproto.tl.api.KeyboardButtonCallback;
import dev.mtproto.tl.api.KeyboardButtonCopy;
import dev.mtproto.tl.api.KeyboardButtonGame;
import dev.mtproto.tl.api.KeyboardButtonRow;
import dev.mtproto.tl.api.KeyboardButtonSwitchInline;
import dev.mtproto.tl.api.KeyboardButtonType;
import dev.mtproto.tl.api.KeyboardButtonUrl;
import dev.mtproto.tl.api.KeyboardButtonWebView;
import dev.mtproto.tl.api.ReplyInlineMarkup;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every inline button kind, and every check, through the real TL codec. */
class InlineKeyboardTest {
    private static final InputUser BOT = new InputUser(1000, 42);

    private static List<KeyboardButtonType> only(ReplyInlineMarkup markup) {
        assertThat(markup.rows()).hasSize(1);
        return ((KeyboardButtonRow) markup.rows().get(0)).buttons();
    }

    @Test
    void rowsHoldButtonsInOrder() {
        ReplyInlineMarkup markup = encodeAndDecode(InlineKeyboard.builder()
                .row(r -> r.callback("Yes", "y").callback("No", "n"))
                .row(r -> r.url("Docs", "https://core.telegram.org/bots/api"))
                .build());

        assertThat(markup.rows()).containsExactly(
                new KeyboardButtonRow(List.of(new KeyboardButtonCallback(false, null, "Yes", "y".getBytes(StandardCharsets.UTF_8)),
                        new KeyboardButtonCallback(false, null, "No", "n".getBytes(StandardCharsets.UTF_8)))),
                new KeyboardButtonRow(List.of(new KeyboardButtonUrl(null, "Docs", "https://core.telegram.org/bots/api"))));
    }

    @Test
    void everyButtonKind() {
        ReplyInlineMarkup markup = encodeAndDecode(InlineKeyboard.builder().limits(new KeyboardLimits(20, 20))
                .row(r -> r.callback("raw", new byte[] {0, -1, 7})
                        .callbackWithPassword("Transfer", "own")
                        .switchInline("Share", "cats", InlineQueryPeerTypePM.INSTANCE, InlineQueryPeerTypeChat.INSTANCE)
                        .switchInline("Anywhere", "")
                        .switchInlineCurrentChat("Here", "dogs")
                        .copyText("Copy", "PROMO-2026")
                        .webApp("App", "https://app.example")
                        .loginUrl("Log in", "https://site.example/login", BOT)
                        .loginUrl("Log in 2", "https://site.example/login", BOT, "Open site", true)
                        .userProfile("Profile", new InputUser(5, 6)))
                .build());

        assertThat(only(markup)).containsExactly(
                new KeyboardButtonCallback(false, null, "raw", new byte[] {0, -1, 7}),
                new KeyboardButtonCallback(true, null, "Transfer", "own".getBytes(StandardCharsets.UTF_8)),
                new KeyboardButtonSwitchInline(false, null, "Share", "cats",
                        List.of(InlineQueryPeerTypePM.INSTANCE, InlineQueryPeerTypeChat.INSTANCE)),
                new KeyboardButtonSwitchInline(false, null, "Anywhere", "", null),
                new KeyboardButtonSwitchInline(true, null, "Here", "dogs", null),
                new KeyboardButtonCopy(null, "Copy", "PROMO-2026"),
                new KeyboardButtonWebView(null, "App", "https://app.example"),
                new InputKeyboardButtonUrlAuth(false, null, "Log in", null, "https://site.example/login", BOT),
                new InputKeyboardButtonUrlAuth(true, null, "Log in 2", "Open site", "https://site.example/login", BOT),
                new InputKeyboardButtonUserProfile(null, "Profile", new InputUser(5, 6)));
    }

    @Test
    void callbackDataIsLimitedTo64Bytes() {
        // https://core.telegram.org/bots/api#inlinekeyboardbutton: callback_data, 1-64 bytes
        String exactly64 = "é".repeat(32);
        assertThat(only(InlineKeyboard.builder().row(r -> r.callback("ok", exactly64)).build())).hasSize(1);

        assertThatThrownBy(() -> InlineKeyboard.builder().row(r -> r.callback("Too long", exactly64 + "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the callback data of button \"Too long\" is 65 bytes; Telegram allows 1 to 64");
        assertThatThrownBy(() -> InlineKeyboard.builder().row(r -> r.callback("Empty", new byte[0])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"Empty\" is 0 bytes");
        assertThatThrownBy(() -> InlineKeyboard.builder().row(r -> r.callbackWithPassword("P", "x".repeat(65))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65 bytes");
    }

    @Test
    void buttonsAreChecked() {
        assertThatThrownBy(() -> InlineKeyboard.builder().row(r -> r.url(" ", "https://t.me")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> InlineKeyboard.builder().row(r -> r.url("Docs", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("button \"Docs\" has an empty URL");
        assertThatThrownBy(() -> InlineKeyboard.builder().row(r -> r.webApp("App", "https://a b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("space or control character at index 9");
        assertThatThrownBy(() -> InlineKeyboard.builder().row(r -> r.copyText("Copy", "x".repeat(257))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the copy text of button \"Copy\" is 257 characters; Telegram allows 1 to 256");
        assertThatThrownBy(() -> InlineKeyboard.builder().row(r -> r.copyText("Copy", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is 0 characters");
        assertThatThrownBy(() -> InlineKeyboard.builder().row(r -> r.loginUrl("Log in", "https://x", null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("bot of login button");
    }

    @Test
    void keyboardLimitsAreChecked() {
        assertThatThrownBy(() -> InlineKeyboard.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the inline keyboard needs at least one row");
        assertThatThrownBy(() -> InlineKeyboard.builder().row(r -> { }).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("row 1 of the inline keyboard has no buttons");
        assertThatThrownBy(() -> InlineKeyboard.builder().row(r -> {
            for (int k = 0; k < 9; k++) {
                r.callback("b" + k, "d" + k);
            }
        }).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1 of the inline keyboard has 9 buttons; at most 8 fit in a row");

        InlineKeyboard.Builder hundredOne = InlineKeyboard.builder();
        for (int row = 0; row < 13; row++) {
            int first = row * 8;
            hundredOne.row(r -> {
                for (int k = first; k < Math.min(first + 8, 101); k++) {
                    r.callback("b" + k, "d" + k);
                }
            });
        }
        assertThatThrownBy(hundredOne::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the inline keyboard has 101 buttons; at most 100 are allowed");
        assertThatThrownBy(() -> new KeyboardLimits(0, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gameAndPayButtonsMustComeFirst() {
        assertThat(only(encodeAndDecode(InlineKeyboard.builder().row(r -> r.game("Play").url("Rules", "https://t.me"))
                .build()))).startsWith(new KeyboardButtonGame(null, "Play"));
        assertThat(only(InlineKeyboard.builder().row(r -> r.pay("Pay 5 ⭐")).build()))
                .containsExactly(new KeyboardButtonBuy(null, "Pay 5 ⭐"));

        assertThatThrownBy(() -> InlineKeyboard.builder().row(r -> r.url("Rules", "https://t.me").pay("Pay")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the game or pay button \"Pay\" must be the first button of the first row");
    }

    @Test
    void builtMarkupDoesNotChangeWhenTheBuilderGoesOn() {
        InlineKeyboard.Builder builder = InlineKeyboard.builder().row(r -> r.callback("a", "a"));
        ReplyInlineMarkup first = builder.build();
        builder.row(r -> r.callback("b", "b"));
        assertThat(first.rows()).hasSize(1);
        assertThat(builder.build().rows()).hasSize(2);
    }
}
