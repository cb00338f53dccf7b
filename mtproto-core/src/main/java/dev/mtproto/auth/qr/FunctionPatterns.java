package dev.mtproto.auth.qr;

/**
 * Draws what every symbol of a version has before any data (ISO/IEC 18004, sections 6.3 and 7.9-7.10):
 * the three finder patterns with their separators, the timing patterns, the alignment patterns, the dark
 * module, the version information, and a placeholder for the format information (it depends on the mask
 * and is drawn over later).
 */
final class FunctionPatterns {
    static final int MIN_VERSION = 1;
    static final int MAX_VERSION = 40;
    /** Row and column of the timing patterns. */
    static final int TIMING = 6;

    /** Data modules per version, counted once from the drawn patterns; index 0 is unused. */
    private static final int[] DATA_MODULES = new int[MAX_VERSION + 1];

    static {
        for (int version = MIN_VERSION; version <= MAX_VERSION; version++) {
            DATA_MODULES[version] = draw(version).dataModuleCount();
        }
    }

    private FunctionPatterns() {
    }

    /** The side of a symbol: 21 modules for version 1, four more for each version after it. */
    static int size(int version) {
        checkVersion(version);
        return 4 * version + 17;
    }

    /** The modules left for data and error correction codewords (and remainder bits) in a version. */
    static int dataModuleCount(int version) {
        checkVersion(version);
        return DATA_MODULES[version];
    }

    /** A matrix of the version with every function pattern drawn and every data module light. */
    static ModuleMatrix draw(int version) {
        int size = size(version);
        ModuleMatrix matrix = new ModuleMatrix(size);
        for (int i = 0; i < size; i++) {
            matrix.setFunction(TIMING, i, i % 2 == 0);
            matrix.setFunction(i, TIMING, i % 2 == 0);
        }
        drawFinder(matrix, 3, 3);
        drawFinder(matrix, size - 4, 3);
        drawFinder(matrix, 3, size - 4);
        int[] centers = alignmentCenters(version);
        int last = centers.length - 1;
        for (int i = 0; i <= last; i++) {
            for (int j = 0; j <= last; j++) {
                boolean overlapsFinder = (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0);
                if (!overlapsFinder) {
                    drawAlignment(matrix, centers[i], centers[j]);
                }
            }
        }
        FormatInformation.draw(matrix, 0);
        matrix.setFunction(8, size - 8, true);
        VersionInformation.draw(matrix, version);
        return matrix;
    }

    /**
     * The rows (and columns) of the alignment pattern centres (ISO/IEC 18004, Annex E): none for version
     * 1; otherwise {@code version / 7 + 2} of them, the first at 6, the last 7 modules from the far edge, and
     * the ones between spaced by the smallest even step that spreads them over the span, counted back
     * from the last (version 32 is the standard's one exception, with 26 instead of 28).
     */
    static int[] alignmentCenters(int version) {
        checkVersion(version);
        if (version == 1) {
            return new int[0];
        }
        int count = version / 7 + 2;
        int last = size(version) - 7;
        int step = version == 32 ? 26 : 2 * ceilDiv(last - TIMING, 2 * (count - 1));
        int[] centers = new int[count];
        centers[0] = TIMING;
        for (int i = count - 1; i >= 1; i--) {
            centers[i] = last - (count - 1 - i) * step;
        }
        return centers;
    }

    private static int ceilDiv(int dividend, int divisor) {
        return (dividend + divisor - 1) / divisor;
    }

    /** A 7x7 finder pattern centred on (cx, cy) with its light separator ring, clipped at the edges. */
    private static void drawFinder(ModuleMatrix matrix, int cx, int cy) {
        for (int dy = -4; dy <= 4; dy++) {
            for (int dx = -4; dx <= 4; dx++) {
                int x = cx + dx;
                int y = cy + dy;
                if (x >= 0 && x < matrix.size() && y >= 0 && y < matrix.size()) {
                    int ring = Math.max(Math.abs(dx), Math.abs(dy));
                    matrix.setFunction(x, y, ring != 2 && ring != 4);
                }
            }
        }
    }

    /** A 5x5 alignment pattern centred on (cx, cy): dark centre, light ring, dark ring. */
    private static void drawAlignment(ModuleMatrix matrix, int cx, int cy) {
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                matrix.setFunction(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) != 1);
            }
        }
    }

    /** @throws IllegalArgumentException unless {@code version} is 1..40 */
    static void checkVersion(int version) {
        if (version < MIN_VERSION || version > MAX_VERSION) {
            throw new IllegalArgumentException("QR version must be 1..40, not " + version);
        }
    }
}
