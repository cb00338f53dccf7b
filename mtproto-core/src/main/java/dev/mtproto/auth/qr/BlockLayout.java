package dev.mtproto.auth.qr;

/**
 * How the codewords of one version and level are organised (ISO/IEC 18004, sections 7.5 and 7.6): the
 * data codewords are split into blocks, the first blocks one data codeword shorter than the rest when they
 * do not divide evenly; each block gets its own error correction codewords; and the final sequence takes
 * the first data codeword of every block, then the second, and so on, followed by the error correction
 * codewords interleaved the same way.
 *
 * @param totalCodewords all codewords the symbol holds (data and error correction)
 * @param blockCount the number of blocks
 * @param ecCodewordsPerBlock the error correction codewords of each block
 */
record BlockLayout(int totalCodewords, int blockCount, int ecCodewordsPerBlock) {

    /** The layout of a version 1..40 at a level. */
    static BlockLayout of(int version, ErrorCorrection level) {
        return new BlockLayout(FunctionPatterns.dataModuleCount(version) / 8,
                ErrorCorrectionTable.blockCount(version, level),
                ErrorCorrectionTable.ecCodewordsPerBlock(version, level));
    }

    /** The number of data codewords (message, header and padding) the symbol holds. */
    int dataCodewords() {
        return totalCodewords - blockCount * ecCodewordsPerBlock;
    }

    /**
     * Splits the data codewords into blocks, adds each block's error correction and interleaves them.
     *
     * @param data exactly {@link #dataCodewords()} codewords
     * @return {@link #totalCodewords()} codewords in the order they are placed in the symbol
     * @throws IllegalArgumentException if {@code data} has another length
     */
    byte[] interleave(byte[] data) {
        if (data.length != dataCodewords()) {
            throw new IllegalArgumentException(
                    "expected " + dataCodewords() + " data codewords, not " + data.length);
        }
        int shortLength = data.length / blockCount;
        int longBlocks = data.length % blockCount;
        ReedSolomonEncoder reedSolomon = new ReedSolomonEncoder(ecCodewordsPerBlock);
        byte[][] dataBlocks = new byte[blockCount][];
        byte[][] ecBlocks = new byte[blockCount][];
        int offset = 0;
        for (int b = 0; b < blockCount; b++) {
            int length = shortLength + (b >= blockCount - longBlocks ? 1 : 0);
            byte[] block = new byte[length];
            System.arraycopy(data, offset, block, 0, length);
            offset += length;
            dataBlocks[b] = block;
            ecBlocks[b] = reedSolomon.errorCorrection(block);
        }
        byte[] out = new byte[totalCodewords];
        int next = 0;
        for (int i = 0; i <= shortLength; i++) {
            for (byte[] block : dataBlocks) {
                if (i < block.length) {
                    out[next++] = block[i];
                }
            }
        }
        for (int i = 0; i < ecCodewordsPerBlock; i++) {
            for (byte[] block : ecBlocks) {
                out[next++] = block[i];
            }
        }
        return out;
    }
}
