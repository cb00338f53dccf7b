package dev.mtproto.messages.keyboard;

import dev.mtproto.tl.api.KeyboardButtonBuy;
import dev.mtproto.tl.api.KeyboardButtonGame;
import dev.mtproto.tl.api.KeyboardButtonType;
import dev.mtproto.tl.api.ReplyInlineMarkup;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds inline keyboards ({@code replyInlineMarkup}), the buttons under a message:
 *
 * <pre>{@code
 * ReplyInlineMarkup markup = InlineKeyboard.builder()
 *         .row(r -> r.callback("Yes", "vote:yes").callback("No", "vote:no"))
 *         .row(r -> r.url("Docs", "https://core.telegram.org/bots/features#inline-keyboards"))
 *         .build();
 * }</pre>
 */
public final class InlineKeyboard {
    private InlineKeyboard() {
    }

    /** @return an empty builder with {@link KeyboardLimits#INLINE} */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects rows; {@link #build()} checks the keyboard and may be called again after more rows. */
    public static final class Builder {
        private final List<List<KeyboardButtonType>> rows = new ArrayList<>();
        private KeyboardLimits limits = KeyboardLimits.INLINE;

        private Builder() {
        }

        /**
         * Adds a row and fills it.
         *
         * @param buttons adds the row's buttons, e.g. {@code r -> r.callback("Yes", "y")}
         * @return this builder
         * @throws IllegalArgumentException from a button that is not valid
         */
        public Builder row(Consumer<InlineRow> buttons) {
            InlineRow row = new InlineRow();
            Objects.requireNonNull(buttons, "row").accept(row);
            rows.add(row.buttons());
            return this;
        }

        /**
         * @param limits limits to check instead of {@link KeyboardLimits#INLINE}
         * @return this builder
         */
        public Builder limits(KeyboardLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * @return the keyboard
         * @throws IllegalArgumentException if there is no row, a row is empty, a row or the keyboard holds
         *     more buttons than the limits allow, or a game or pay button is not the first of the first row
         */
        public ReplyInlineMarkup build() {
            for (int r = 0; r < rows.size(); r++) {
                for (int b = 0; b < rows.get(r).size(); b++) {
                    KeyboardButtonType button = rows.get(r).get(b);
                    boolean mustLead = button instanceof KeyboardButtonGame || button instanceof KeyboardButtonBuy;
                    if (mustLead && (r > 0 || b > 0)) {
                        throw new IllegalArgumentException("the game or pay button \"" + label(button)
                                + "\" must be the first button of the first row");
                    }
                }
            }
            return new ReplyInlineMarkup(ButtonRules.rows("inline keyboard", rows, limits));
        }

        private static String label(KeyboardButtonType button) {
            return button instanceof KeyboardButtonGame game ? game.text() : ((KeyboardButtonBuy) button).text();
        }
    }
}
