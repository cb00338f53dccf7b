package dev.mtproto.auth.qr;

import java.util.Objects;

/**
 * Draws a {@link QrCode} as text for a terminal with Unicode half blocks: each character covers two module
 * rows, the upper one in its top half and the lower one in its bottom half, and is one of
 * {@code '█'} (both painted), {@code '▀'} (upper only), {@code '▄'} (lower only) and {@code ' '} (neither).
 * Which modules are "painted" depends on the {@link TerminalBackground}.
 *
 * <p>The drawing includes the 4-module light quiet zone that scanners need around the symbol, so it is
 * {@code size() + 8} characters wide and {@code (size() + 9) / 2} lines high; every line, the last too,
 * ends with {@code '\n'}. As the side is odd, the bottom half of the last line lies below the quiet zone
 * and is never painted. Terminal fonts are about twice as high as wide, so the modules come out roughly
 * square.
 */
public final class UnicodeQr {
    /** The light border, in modules, drawn on every side of the symbol. */
    public static final int QUIET_ZONE = 4;

    private static final char BOTH = '\u2588';
    private static final char UPPER = '\u2580';
    private static final char LOWER = '\u2584';
    private static final char NEITHER = ' ';

    private UnicodeQr() {
    }

    /**
     * Renders a QR code for a terminal with the given background.
     *
     * @param code the QR code
     * @param background the terminal's background colour
     * @return the drawing, lines separated and ended by {@code '\n'}
     * @throws NullPointerException if an argument is null
     */
    public static String render(QrCode code, TerminalBackground background) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(background, "background");
        int side = code.size() + 2 * QUIET_ZONE;
        StringBuilder out = new StringBuilder((side + 1) * (side + 1) / 2);
        for (int top = 0; top < side; top += 2) {
            for (int x = 0; x < side; x++) {
                boolean upper = painted(code, background, x, top);
                boolean lower = top + 1 < side && painted(code, background, x, top + 1);
                out.append(upper ? (lower ? BOTH : UPPER) : (lower ? LOWER : NEITHER));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Whether the module at (x, y) of the symbol with its quiet zone is drawn as a block. */
    private static boolean painted(QrCode code, TerminalBackground background, int x, int y) {
        int codeX = x - QUIET_ZONE;
        int codeY = y - QUIET_ZONE;
        boolean inSymbol = codeX >= 0 && codeX < code.size() && codeY >= 0 && codeY < code.size();
        boolean dark = inSymbol && code.isDark(codeX, codeY);
        return background == TerminalBackground.LIGHT ? dark : !dark;
    }
}
