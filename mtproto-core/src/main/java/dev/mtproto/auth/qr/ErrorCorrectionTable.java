package dev.mtproto.auth.qr;

/**
 * The error correction characteristics of every version and level (ISO/IEC 18004, Table 9): how many
 * blocks the codewords are split into and how many error correction codewords each block carries. Every
 * block of a symbol has the same number of error correction codewords.
 */
final class ErrorCorrectionTable {
    // Index 0 is unused so that a version indexes its own entry.
    private static final int[] EC_PER_BLOCK_LOW = {0,
        7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
        28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30};
    private static final int[] EC_PER_BLOCK_MEDIUM = {0,
        10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
        26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28};
    private static final int[] EC_PER_BLOCK_QUARTILE = {0,
        13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
        28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30};
    private static final int[] EC_PER_BLOCK_HIGH = {0,
        17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
        30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30};

    private static final int[] BLOCKS_LOW = {0,
        1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
        8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25};
    private static final int[] BLOCKS_MEDIUM = {0,
        1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
        17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49};
    private static final int[] BLOCKS_QUARTILE = {0,
        1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
        23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68};
    private static final int[] BLOCKS_HIGH = {0,
        1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
        25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81};

    private ErrorCorrectionTable() {
    }

    /** Error correction codewords in each block of a version 1..40 at a level. */
    static int ecCodewordsPerBlock(int version, ErrorCorrection level) {
        return forLevel(level, EC_PER_BLOCK_LOW, EC_PER_BLOCK_MEDIUM, EC_PER_BLOCK_QUARTILE, EC_PER_BLOCK_HIGH)
                [checked(version)];
    }

    /** The number of blocks of a version 1..40 at a level. */
    static int blockCount(int version, ErrorCorrection level) {
        return forLevel(level, BLOCKS_LOW, BLOCKS_MEDIUM, BLOCKS_QUARTILE, BLOCKS_HIGH)[checked(version)];
    }

    private static int[] forLevel(ErrorCorrection level, int[] low, int[] medium, int[] quartile, int[] high) {
        return switch (level) {
            case LOW -> low;
            case MEDIUM -> medium;
            case QUARTILE -> quartile;
            case HIGH -> high;
        };
    }

    private static int checked(int version) {
        FunctionPatterns.checkVersion(version);
        return version;
    }
}
