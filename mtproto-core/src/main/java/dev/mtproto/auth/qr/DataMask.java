package dev.mtproto.auth.qr;

/**
 * The eight data mask patterns (ISO/IEC 18004, section 7.8.2, Table 10). A mask inverts the data modules
 * where its condition holds, so that the symbol avoids large blocks, long runs and finder-like shapes; the
 * function patterns are never masked. {@code x} is the column and {@code y} the row.
 */
final class DataMask {
    static final int COUNT = 8;

    private DataMask() {
    }

    /** Whether mask {@code mask} (0..7) inverts the module at column {@code x}, row {@code y}. */
    static boolean inverts(int mask, int x, int y) {
        return switch (mask) {
            case 0 -> (y + x) % 2 == 0;
            case 1 -> y % 2 == 0;
            case 2 -> x % 3 == 0;
            case 3 -> (y + x) % 3 == 0;
            case 4 -> (y / 2 + x / 3) % 2 == 0;
            case 5 -> (y * x) % 2 + (y * x) % 3 == 0;
            case 6 -> ((y * x) % 2 + (y * x) % 3) % 2 == 0;
            case 7 -> ((y + x) % 2 + (y * x) % 3) % 2 == 0;
            default -> throw new IllegalArgumentException("mask must be 0..7, not " + mask);
        };
    }

    /** Inverts the data modules of {@code matrix} that mask {@code mask} selects. */
    static void apply(ModuleMatrix matrix, int mask) {
        int size = matrix.size();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (!matrix.isFunction(x, y) && inverts(mask, x, y)) {
                    matrix.setData(x, y, !matrix.isDark(x, y));
                }
            }
        }
    }
}
