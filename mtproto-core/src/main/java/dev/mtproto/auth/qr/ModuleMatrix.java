package dev.mtproto.auth.qr;

/**
 * The square grid of modules while a symbol is being built: each module is dark or light, and is either
 * part of a function pattern (finder, separator, timing, alignment, format or version information, the
 * dark module) or free for data. {@code x} is the column and {@code y} the row, both from the top left.
 */
final class ModuleMatrix {
    private final int size;
    private final boolean[] dark;
    private final boolean[] function;

    /** An all-light matrix without function modules. */
    ModuleMatrix(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("matrix size must be positive, not " + size);
        }
        this.size = size;
        this.dark = new boolean[size * size];
        this.function = new boolean[size * size];
    }

    private ModuleMatrix(ModuleMatrix other) {
        this.size = other.size;
        this.dark = other.dark.clone();
        this.function = other.function.clone();
    }

    /** A copy that changes independently of this matrix. */
    ModuleMatrix copy() {
        return new ModuleMatrix(this);
    }

    int size() {
        return size;
    }

    boolean isDark(int x, int y) {
        return dark[index(x, y)];
    }

    boolean isFunction(int x, int y) {
        return function[index(x, y)];
    }

    /** Sets a module of a function pattern, which data placement and masking then leave alone. */
    void setFunction(int x, int y, boolean isDark) {
        int i = index(x, y);
        dark[i] = isDark;
        function[i] = true;
    }

    /** Sets a data module. */
    void setData(int x, int y, boolean isDark) {
        int i = index(x, y);
        if (function[i]) {
            throw new IllegalStateException("module (" + x + ", " + y + ") belongs to a function pattern");
        }
        dark[i] = isDark;
    }

    /** How many modules are free for data. */
    int dataModuleCount() {
        int count = 0;
        for (boolean f : function) {
            if (!f) {
                count++;
            }
        }
        return count;
    }

    /** A copy of the dark flags, row after row. */
    boolean[] darkModules() {
        return dark.clone();
    }

    private int index(int x, int y) {
        if (x < 0 || x >= size || y < 0 || y >= size) {
            throw new IndexOutOfBoundsException("module (" + x + ", " + y + ") is outside a " + size + "x" + size
                    + " matrix");
        }
        return y * size + x;
    }
}
