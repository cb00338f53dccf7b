package dev.mtproto.auth.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UnicodeQrTest {
    /** 14 bytes: exactly what version 1 holds at MEDIUM. */
    private static final String SMALL = "mtproto-spring";

    /**
     * The symbol for {@link #SMALL}: two module rows per line, the upper in the top half of the character;
     * a '.' stands for a space (text blocks would strip the quiet zone at the end of a line).
     */
    private static final String SMALL_ON_LIGHT = """
            .............................
            .............................
            ....█▀▀▀▀▀█.█.▀▀▀.█▀▀▀▀▀█....
            ....█.███.█.▀▀▀█..█.███.█....
            ....█.▀▀▀.█.▀█▄██.█.▀▀▀.█....
            ....▀▀▀▀▀▀▀.▀▄█▄▀.▀▀▀▀▀▀▀....
            ....▀▄.██▀▀█▀█.▀▀█..▀▄██▀....
            ....▀█▀.█.▀▄█.▀▄▀█▀█.▀██▀....
            ....▀.▀▀▀.▀.█▀▄..▄▄.▄.▄▄.....
            ....█▀▀▀▀▀█.██▀██▄█.█▄█......
            ....█.███.█.██.█.▀.▄.▄▄▀.....
            ....█.▀▀▀.█..▀▄.▀▀█▄██▄██....
            ....▀▀▀▀▀▀▀.▀...▀.▀..........
            .............................
            .............................
            """.replace('.', ' ');

    @Test
    void drawsAVersion1CodeExactly() {
        QrCode code = QrCode.encode(SMALL);
        assertThat(code.version()).isEqualTo(1);
        assertThat(ZxingDecoding.decode(code).text()).isEqualTo(SMALL);

        String light = UnicodeQr.render(code, TerminalBackground.LIGHT);

        assertThat(light).isEqualTo(SMALL_ON_LIGHT);
        // 21 modules + 2 x 4 quiet zone = 29 columns and rows; 29 rows make 15 lines.
        assertThat(light.split("\n", -1)).hasSize(15 + 1).allSatisfy(line -> assertThat(line.length()).isIn(0, 29));
        assertThat(light).endsWith("\n");
    }

    @Test
    void theDarkTerminalDrawingIsTheNegativeExceptBelowTheQuietZone() {
        QrCode code = QrCode.encode(SMALL);
        String light = UnicodeQr.render(code, TerminalBackground.LIGHT);
        String dark = UnicodeQr.render(code, TerminalBackground.DARK);
        String[] lightLines = light.split("\n");
        String[] darkLines = dark.split("\n");
        assertThat(darkLines).hasSameSizeAs(lightLines);

        for (int line = 0; line < lightLines.length - 1; line++) {
            assertThat(darkLines[line]).isEqualTo(negative(lightLines[line]));
        }
        // The last line's upper half is the last quiet zone row (light, so painted on a dark terminal); its
        // lower half is below the drawing and painted in neither.
        assertThat(lightLines[lightLines.length - 1]).isEqualTo(" ".repeat(29));
        assertThat(darkLines[darkLines.length - 1]).isEqualTo("▀".repeat(29));
    }

    @ParameterizedTest
    @EnumSource(TerminalBackground.class)
    void bothPolaritiesDescribeTheSameMatrixWithItsQuietZone(TerminalBackground background) {
        for (String text : new String[] {SMALL, QrCodeScanTest.loginLink(9), "x".repeat(300)}) {
            QrCode code = QrCode.encode(text);
            boolean[][] expected = ZxingDecoding.withQuietZone(code);

            boolean[][] drawn = modules(UnicodeQr.render(code, background), background, expected.length);

            assertThat(drawn).isDeepEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(TerminalBackground.class)
    void theDrawingScans(TerminalBackground background) {
        String link = QrCodeScanTest.loginLink(11);
        QrCode code = QrCode.encode(link);
        boolean[][] drawn = modules(UnicodeQr.render(code, background), background, code.size() + 8);

        assertThat(ZxingDecoding.scanPicture(drawn, 5).text()).isEqualTo(link);
    }

    @Test
    void refusesNulls() {
        QrCode code = QrCode.encode(SMALL);
        assertThatThrownBy(() -> UnicodeQr.render(null, TerminalBackground.DARK))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("code");
        assertThatThrownBy(() -> UnicodeQr.render(code, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("background");
    }

    /** Reads a drawing back into modules ({@code [y][x]} true for dark) and checks nothing is painted below it. */
    private static boolean[][] modules(String drawing, TerminalBackground background, int side) {
        String[] lines = drawing.split("\n");
        assertThat(lines).hasSize((side + 1) / 2);
        boolean[][] painted = new boolean[lines.length * 2][];
        for (int line = 0; line < lines.length; line++) {
            assertThat(lines[line]).hasSize(side);
            painted[2 * line] = new boolean[side];
            painted[2 * line + 1] = new boolean[side];
            for (int x = 0; x < side; x++) {
                char c = lines[line].charAt(x);
                painted[2 * line][x] = c == '█' || c == '▀';
                painted[2 * line + 1][x] = c == '█' || c == '▄';
                assertThat(c).isIn(' ', '█', '▀', '▄');
            }
        }
        for (int y = side; y < painted.length; y++) {
            assertThat(painted[y]).as("half row %d below the drawing", y).doesNotContain(true);
        }
        boolean[][] dark = Arrays.copyOf(painted, side);
        if (background == TerminalBackground.DARK) {
            for (boolean[] row : dark) {
                for (int x = 0; x < row.length; x++) {
                    row[x] = !row[x];
                }
            }
        }
        return dark;
    }

    private static String negative(String line) {
        StringBuilder out = new StringBuilder();
        for (char c : line.toCharArray()) {
            out.append(switch (c) {
                case ' ' -> '█';
                case '█' -> ' ';
                case '▀' -> '▄';
                case '▄' -> '▀';
                default -> throw new AssertionError("unexpected character " + c);
            });
        }
        return out.toString();
    }
}
