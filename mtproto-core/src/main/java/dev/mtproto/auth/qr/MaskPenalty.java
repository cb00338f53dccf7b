package dev.mtproto.auth.qr;

import java.util.function.ToIntFunction;

/**
 * Scores a masked symbol by the four rules of ISO/IEC 18004, section 7.8.3 (Table 11); the encoder keeps
 * the mask with the lowest score. Lower is better.
 *
 * <ol>
 *   <li>Runs: each run of 5 or more same-coloured modules in a row or column scores 3, plus 1 for every
 *       module beyond 5.</li>
 *   <li>Blocks: each 2x2 square of one colour scores 3 (overlapping squares count separately).</li>
 *   <li>Finder look-alikes: each dark-light-dark-dark-dark-light-dark sequence (1:1:3:1:1) in a row or
 *       column with 4 light modules of the symbol right before or right after it scores 40, once even when
 *       both sides are light. The standard leaves open whether the quiet zone counts as that light area;
 *       here it does not (as in ZXing's encoder), so the finder patterns themselves never count.</li>
 *   <li>Balance: 10 for every full 5% by which the share of dark modules differs from 50% (exactly 45%
 *       scores 10; the standard's ranges overlap at their ends).</li>
 * </ol>
 */
final class MaskPenalty {
    static final int RUN = 3;
    static final int BLOCK = 3;
    static final int FINDER_LIKE = 40;
    static final int BALANCE = 10;

    private static final boolean[] FINDER_CORE = {true, false, true, true, true, false, true};
    private static final int LIGHT_BORDER = 4;

    private MaskPenalty() {
    }

    /** The sum of the four rules. */
    static int score(ModuleMatrix matrix) {
        return runs(matrix) + blocks(matrix) + finderLikes(matrix) + balance(matrix);
    }

    /** Rule 1, over rows and columns. */
    static int runs(ModuleMatrix matrix) {
        return overRowsAndColumns(matrix, MaskPenalty::runs);
    }

    private static int runs(boolean[] line) {
        int score = 0;
        int run = 0;
        for (int i = 0; i < line.length; i++) {
            run = i > 0 && line[i] == line[i - 1] ? run + 1 : 1;
            boolean runEnds = i == line.length - 1 || line[i + 1] != line[i];
            if (runEnds && run >= 5) {
                score += RUN + (run - 5);
            }
        }
        return score;
    }

    /** Rule 2. */
    static int blocks(ModuleMatrix matrix) {
        int score = 0;
        for (int y = 0; y + 1 < matrix.size(); y++) {
            for (int x = 0; x + 1 < matrix.size(); x++) {
                boolean colour = matrix.isDark(x, y);
                if (matrix.isDark(x + 1, y) == colour && matrix.isDark(x, y + 1) == colour
                        && matrix.isDark(x + 1, y + 1) == colour) {
                    score += BLOCK;
                }
            }
        }
        return score;
    }

    /** Rule 3, over rows and columns. */
    static int finderLikes(ModuleMatrix matrix) {
        return overRowsAndColumns(matrix, MaskPenalty::finderLikes);
    }

    private static int finderLikes(boolean[] line) {
        int score = 0;
        for (int start = 0; start + FINDER_CORE.length <= line.length; start++) {
            int end = start + FINDER_CORE.length;
            if (matches(line, start) && (isLight(line, start - LIGHT_BORDER, start)
                    || isLight(line, end, end + LIGHT_BORDER))) {
                score += FINDER_LIKE;
            }
        }
        return score;
    }

    private static boolean matches(boolean[] line, int start) {
        for (int i = 0; i < FINDER_CORE.length; i++) {
            if (line[start + i] != FINDER_CORE[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether modules {@code from} (inclusive) to {@code to} (exclusive) all lie in the line and are light. */
    private static boolean isLight(boolean[] line, int from, int to) {
        if (from < 0 || to > line.length) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (line[i]) {
                return false;
            }
        }
        return true;
    }

    /** Rule 4. */
    static int balance(ModuleMatrix matrix) {
        int total = matrix.size() * matrix.size();
        int dark = 0;
        for (int y = 0; y < matrix.size(); y++) {
            for (int x = 0; x < matrix.size(); x++) {
                if (matrix.isDark(x, y)) {
                    dark++;
                }
            }
        }
        // |dark / total - 1/2| in whole steps of 5%: |2 dark - total| / total * 10, rounded down.
        int fivePercentSteps = Math.abs(2 * dark - total) * 10 / total;
        return fivePercentSteps * BALANCE;
    }

    /** The sum of a line rule over every row and every column. */
    private static int overRowsAndColumns(ModuleMatrix matrix, ToIntFunction<boolean[]> lineRule) {
        int score = 0;
        for (int i = 0; i < matrix.size(); i++) {
            score += lineRule.applyAsInt(row(matrix, i)) + lineRule.applyAsInt(column(matrix, i));
        }
        return score;
    }

    private static boolean[] row(ModuleMatrix matrix, int y) {
        boolean[] line = new boolean[matrix.size()];
        for (int x = 0; x < line.length; x++) {
            line[x] = matrix.isDark(x, y);
        }
        return line;
    }

    private static boolean[] column(ModuleMatrix matrix, int x) {
        boolean[] line = new boolean[matrix.size()];
        for (int y = 0; y < line.length; y++) {
            line[y] = matrix.isDark(x, y);
        }
        return line;
    }
}
