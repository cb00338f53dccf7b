package dev.mtproto.auth.qr;

import java.util.Arrays;

/**
 * Turns bytes into a QR code (ISO/IEC 18004, section 7.1): one byte-mode segment in the smallest version
 * that holds it at the requested level, padded, split into Reed-Solomon protected blocks, placed into the
 * symbol, and masked with whichever of the eight masks scores the lowest {@link MaskPenalty} (the first
 * such mask on a tie).
 */
final class QrEncoder {
    private static final int BYTE_MODE = 0b0100;
    private static final int MODE_INDICATOR_BITS = 4;
    private static final int MAX_TERMINATOR_BITS = 4;
    /** The pad codewords 11101100 and 00010001, alternating (section 7.4.10). */
    private static final byte[] PAD_CODEWORDS = {(byte) 0xEC, 0x11};

    private QrEncoder() {
    }

    static QrCode encode(byte[] data, ErrorCorrection level) {
        int version = smallestVersion(data.length, level);
        BlockLayout layout = BlockLayout.of(version, level);
        byte[] codewords = layout.interleave(dataCodewords(data, version, layout.dataCodewords()));
        ModuleMatrix unmasked = FunctionPatterns.draw(version);
        DataPlacement.place(unmasked, codewords);

        ModuleMatrix best = null;
        int bestMask = -1;
        int bestScore = Integer.MAX_VALUE;
        for (int mask = 0; mask < DataMask.COUNT; mask++) {
            ModuleMatrix candidate = masked(unmasked, level, mask);
            int score = MaskPenalty.score(candidate);
            if (score < bestScore) {
                best = candidate;
                bestMask = mask;
                bestScore = score;
            }
        }
        return new QrCode(version, level, bestMask, best);
    }

    /** A copy of {@code unmasked} with mask {@code mask} applied and its format information drawn. */
    static ModuleMatrix masked(ModuleMatrix unmasked, ErrorCorrection level, int mask) {
        ModuleMatrix matrix = unmasked.copy();
        DataMask.apply(matrix, mask);
        FormatInformation.draw(matrix, FormatInformation.bits(level, mask));
        return matrix;
    }

    /** How many bytes a byte-mode segment can carry in a version 1..40 at a level. */
    static int byteCapacity(int version, ErrorCorrection level) {
        int dataBits = BlockLayout.of(version, level).dataCodewords() * 8;
        return (dataBits - MODE_INDICATOR_BITS - characterCountBits(version)) / 8;
    }

    /** The width of the byte-mode character count: 8 bits up to version 9, 16 from version 10. */
    static int characterCountBits(int version) {
        return version <= 9 ? 8 : 16;
    }

    /**
     * The smallest version that holds {@code length} bytes at {@code level}.
     *
     * @throws QrCodeTooLongException if not even version 40 does
     */
    static int smallestVersion(int length, ErrorCorrection level) {
        for (int version = FunctionPatterns.MIN_VERSION; version <= FunctionPatterns.MAX_VERSION; version++) {
            if (length <= byteCapacity(version, level)) {
                return version;
            }
        }
        throw new QrCodeTooLongException(length, byteCapacity(FunctionPatterns.MAX_VERSION, level), level);
    }

    /**
     * The data codewords: mode indicator, character count, the bytes, up to four terminator bits, zero bits
     * to the next byte boundary, then pad codewords up to the capacity (sections 7.4.4 to 7.4.10).
     */
    static byte[] dataCodewords(byte[] data, int version, int capacity) {
        BitBuffer bits = new BitBuffer();
        bits.append(BYTE_MODE, MODE_INDICATOR_BITS);
        bits.append(data.length, characterCountBits(version));
        for (byte b : data) {
            bits.append(b & 0xFF, 8);
        }
        int capacityBits = capacity * 8;
        if (bits.length() > capacityBits) {
            throw new IllegalArgumentException(bits.length() + " bits exceed the " + capacityBits + " of version "
                    + version);
        }
        bits.append(0, Math.min(MAX_TERMINATOR_BITS, capacityBits - bits.length()));
        bits.append(0, (8 - bits.length() % 8) % 8);
        byte[] message = bits.toBytes();
        byte[] codewords = Arrays.copyOf(message, capacity);
        for (int i = message.length; i < capacity; i++) {
            codewords[i] = PAD_CODEWORDS[(i - message.length) % 2];
        }
        return codewords;
    }
}
