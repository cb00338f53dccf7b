package dev.mtproto.auth.qr;

/**
 * Places the codeword bits into the data modules (ISO/IEC 18004, section 7.7.3): two columns at a time
 * from the right edge, going up the first pair, down the next and so on, the right column of a pair before
 * the left, skipping function modules and the vertical timing column entirely. Data modules left over
 * after the last codeword (the remainder bits) stay light.
 */
final class DataPlacement {
    private DataPlacement() {
    }

    /**
     * Fills the data modules of {@code matrix} with {@code codewords}, most significant bit first.
     *
     * @throws IllegalArgumentException if the codewords do not fit in the data modules
     */
    static void place(ModuleMatrix matrix, byte[] codewords) {
        int bitCount = codewords.length * 8;
        int size = matrix.size();
        int next = 0;
        boolean upward = true;
        for (int right = size - 1; right > 0; right -= 2) {
            if (right == FunctionPatterns.TIMING) {
                right--;
            }
            for (int step = 0; step < size; step++) {
                int y = upward ? size - 1 - step : step;
                for (int x = right; x >= right - 1; x--) {
                    if (!matrix.isFunction(x, y)) {
                        boolean dark = next < bitCount && (codewords[next >>> 3] >>> (7 - (next & 7)) & 1) != 0;
                        matrix.setData(x, y, dark);
                        next++;
                    }
                }
            }
            upward = !upward;
        }
        if (next < bitCount) {
            throw new IllegalArgumentException(bitCount + " bits do not fit in " + next + " data modules");
        }
    }
}
