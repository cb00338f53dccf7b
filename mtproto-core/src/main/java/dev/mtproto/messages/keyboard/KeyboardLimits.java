package dev.mtproto.messages.keyboard;

/**
 * How many buttons a keyboard may hold. Telegram does not publish these numbers; a keyboard past the
 * server's limits is refused with {@code REPLY_MARKUP_TOO_LONG} (https://core.telegram.org/method/messages.sendMessage).
 * The defaults are the limits Telegram's servers are known to apply: 8 buttons a row and 100 in all for
 * inline keyboards, 12 a row and 300 in all for reply keyboards. Pass other limits to the builders if
 * Telegram changes them.
 *
 * @param maxPerRow most buttons in one row, at least 1
 * @param maxButtons most buttons in the whole keyboard, at least 1
 */
public record KeyboardLimits(int maxPerRow, int maxButtons) {
    /** Limits of inline keyboards: 8 a row, 100 in all. */
    public static final KeyboardLimits INLINE = new KeyboardLimits(8, 100);
    /** Limits of reply keyboards: 12 a row, 300 in all. */
    public static final KeyboardLimits REPLY = new KeyboardLimits(12, 300);

    /**
     * @param maxPerRow most buttons in one row
     * @param maxButtons most buttons in the whole keyboard
     * @throws IllegalArgumentException if a limit is below 1
     */
    public KeyboardLimits {
        if (maxPerRow < 1 || maxButtons < 1) {
            throw new IllegalArgumentException("keyboard limits must be at least 1, got " + maxPerRow + " a row and "
                    + maxButtons + " in all");
        }
    }
}
