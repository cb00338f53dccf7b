package dev.mtproto.auth.qr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The four penalty rules of ISO/IEC 18004, section 7.8.3, on small hand-made grids. */
class MaskPenaltyTest {
    @Test
    void runsOfFiveOrMoreScoreThreePlusTheExcess() {
        // Row 0 dark, the rest light: row 0 is a run of 7 (3 + 2), rows 1-6 runs of 7 light (5 each), and
        // every column one dark then a run of 6 light (3 + 1).
        ModuleMatrix matrix = grid(
                "#######",
                ".......",
                ".......",
                ".......",
                ".......",
                ".......",
                ".......");
        assertThat(MaskPenalty.runs(matrix)).isEqualTo(5 + 6 * 5 + 7 * 4);
        assertThat(MaskPenalty.runs(grid("#.#.", ".#.#", "#.#.", ".#.#"))).isZero();
        // A run of exactly 4 scores nothing; 5 scores 3.
        assertThat(MaskPenalty.runs(grid("####.", "#.#.#", ".#.#.", "#.#.#", ".#.#."))).isEqualTo(0);
        assertThat(MaskPenalty.runs(grid("#####", ".#.#.", "#.#.#", ".#.#.", "#.#.#"))).isEqualTo(3);
    }

    @Test
    void everyTwoByTwoSquareOfOneColourScoresThreeOverlapsIncluded() {
        assertThat(MaskPenalty.blocks(grid("...", "...", "..."))).isEqualTo(4 * 3);
        assertThat(MaskPenalty.blocks(grid("##.", "##.", "..#"))).isEqualTo(3);
        assertThat(MaskPenalty.blocks(grid("#.#", ".#.", "#.#"))).isZero();
    }

    @Test
    void aFinderLikePatternNeedsFourLightModulesOfTheSymbolOnOneSide() {
        assertThat(MaskPenalty.finderLikes(grid(withRow(11, 5, "....#.###.#")))).isEqualTo(40);
        assertThat(MaskPenalty.finderLikes(grid(withRow(11, 5, "#.###.#....")))).isEqualTo(40);
        // Light on both sides still counts once.
        assertThat(MaskPenalty.finderLikes(grid(withRow(15, 5, "....#.###.#....")))).isEqualTo(40);
        // Three light modules are not enough, and the quiet zone beyond the edge does not count.
        assertThat(MaskPenalty.finderLikes(grid(withRow(11, 5, "#...#.###.#")))).isZero();
        assertThat(MaskPenalty.finderLikes(grid(withRow(7, 3, "#.###.#")))).isZero();
        // Columns count as rows do: the transposed grid scores the same.
        assertThat(MaskPenalty.finderLikes(transposed(grid(withRow(11, 5, "....#.###.#"))))).isEqualTo(40);
    }

    @Test
    void balanceScoresTenPerFullFivePercentAwayFromHalf() {
        assertThat(MaskPenalty.balance(withDark(10, 50))).isZero();
        assertThat(MaskPenalty.balance(withDark(10, 46))).isZero();
        assertThat(MaskPenalty.balance(withDark(10, 45))).isEqualTo(10);
        assertThat(MaskPenalty.balance(withDark(10, 61))).isEqualTo(20);
        assertThat(MaskPenalty.balance(withDark(10, 0))).isEqualTo(100);
        assertThat(MaskPenalty.balance(withDark(10, 100))).isEqualTo(100);
    }

    @Test
    void theScoreIsTheSumOfTheRules() {
        ModuleMatrix matrix = grid(withRow(11, 5, "....#.###.#"));
        assertThat(MaskPenalty.score(matrix)).isEqualTo(MaskPenalty.runs(matrix) + MaskPenalty.blocks(matrix)
                + MaskPenalty.finderLikes(matrix) + MaskPenalty.balance(matrix));
    }

    /** A square grid from rows of '#' (dark) and '.' (light). */
    private static ModuleMatrix grid(String... rows) {
        ModuleMatrix matrix = new ModuleMatrix(rows.length);
        for (int y = 0; y < rows.length; y++) {
            assertThat(rows[y]).hasSize(rows.length);
            for (int x = 0; x < rows.length; x++) {
                matrix.setData(x, y, rows[y].charAt(x) == '#');
            }
        }
        return matrix;
    }

    /** A light square grid with one row given; the rows around it are light so that only this row scores. */
    private static String[] withRow(int size, int y, String row) {
        String[] rows = new String[size];
        for (int i = 0; i < size; i++) {
            rows[i] = i == y ? row : ".".repeat(size);
        }
        return rows;
    }

    private static ModuleMatrix transposed(ModuleMatrix matrix) {
        ModuleMatrix out = new ModuleMatrix(matrix.size());
        for (int y = 0; y < matrix.size(); y++) {
            for (int x = 0; x < matrix.size(); x++) {
                out.setData(y, x, matrix.isDark(x, y));
            }
        }
        return out;
    }

    /** A grid with the first {@code dark} modules (row after row) dark. */
    private static ModuleMatrix withDark(int size, int dark) {
        ModuleMatrix matrix = new ModuleMatrix(size);
        for (int i = 0; i < dark; i++) {
            matrix.setData(i % size, i / size, true);
        }
        return matrix;
    }
}
