package dev.mtproto.telegram.media;

import java.io.ByteArrayOutputStream;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGQTable;

/**
 * Expands a {@code photoStrippedSize} (https://core.telegram.org/api/files#stripped-thumbnails) to the JPEG it
 * was cut from. Telegram sends only the tiny image's height, width and entropy-coded scan; every stripped
 * thumbnail shares the rest: a baseline JFIF with the standard tables of the JPEG specification's annex K
 * (quantization scaled to IJG quality 20, the standard Huffman tables), three components with 2x2 luma
 * subsampling. This class writes that shared header from the JDK's annex K tables, the sizes in its frame
 * header, then the scan and the end-of-image marker. No pixel is decoded.
 */
final class StrippedThumbnails {
    /** The IJG scaling for quality 20 (5000 / quality), as a percentage. */
    private static final int QUALITY_20_SCALE = 250;
    /** Where the frame header's height's low byte lands in the shared header (its width's is two after). */
    static final int HEIGHT_OFFSET = 164;
    private static final byte[] HEADER = header();

    private StrippedThumbnails() {
    }

    /**
     * @param stripped the {@code bytes} of a {@code photoStrippedSize}: a version byte 1, the height, the width,
     *     then the scan
     * @return a JPEG file
     * @throws IllegalArgumentException if the bytes are too short or not of version 1
     */
    static byte[] toJpeg(byte[] stripped) {
        if (stripped.length < 3) {
            throw new IllegalArgumentException("a stripped thumbnail has at least 3 bytes, this one " + stripped.length);
        }
        if (stripped[0] != 1) {
            throw new IllegalArgumentException("a stripped thumbnail starts with version 1, this one with " + (stripped[0] & 0xFF));
        }
        byte[] jpeg = new byte[HEADER.length + stripped.length - 3 + 2];
        System.arraycopy(HEADER, 0, jpeg, 0, HEADER.length);
        jpeg[HEIGHT_OFFSET] = stripped[1];
        jpeg[HEIGHT_OFFSET + 2] = stripped[2];
        System.arraycopy(stripped, 3, jpeg, HEADER.length, stripped.length - 3);
        jpeg[jpeg.length - 2] = (byte) 0xFF;
        jpeg[jpeg.length - 1] = (byte) 0xD9;
        return jpeg;
    }

    /**
     * @param stripped the bytes of a {@code photoStrippedSize}
     * @return its width and height (each at most 255)
     * @throws IllegalArgumentException if the bytes are too short
     */
    static Dimensions dimensions(byte[] stripped) {
        if (stripped.length < 3) {
            throw new IllegalArgumentException("a stripped thumbnail has at least 3 bytes, this one " + stripped.length);
        }
        return new Dimensions(stripped[2] & 0xFF, stripped[1] & 0xFF);
    }

    /** @return the quantization table in the zigzag order a DQT segment stores, scaled to quality 20 */
    static int[] quality20ZigZag(JPEGQTable standard) {
        int[] natural = standard.getTable();
        int[] order = zigZagOrder();
        int[] out = new int[64];
        for (int i = 0; i < 64; i++) {
            int scaled = (natural[order[i]] * QUALITY_20_SCALE + 50) / 100;
            out[i] = Math.max(1, Math.min(255, scaled));
        }
        return out;
    }

    /** @return for each position of the zigzag scan, the index (row * 8 + column) of the coefficient it visits */
    static int[] zigZagOrder() {
        int[] order = new int[64];
        int row = 0;
        int col = 0;
        for (int i = 0; i < 64; i++) {
            order[i] = row * 8 + col;
            boolean up = (row + col) % 2 == 0;
            if (up) {
                if (col == 7) {
                    row++;
                } else if (row == 0) {
                    col++;
                } else {
                    row--;
                    col++;
                }
            } else if (row == 7) {
                col++;
            } else if (col == 0) {
                row++;
            } else {
                row++;
                col--;
            }
        }
        return order;
    }

    private static byte[] header() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(640);
        bytes(out, 0xFF, 0xD8);
        bytes(out, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0);
        quantization(out, 0, JPEGQTable.K1Luminance);
        quantization(out, 1, JPEGQTable.K2Chrominance);
        bytes(out, 0xFF, 0xC0, 0, 17, 8, 0, 0, 0, 0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1);
        huffman(out, 0x00, JPEGHuffmanTable.StdDCLuminance);
        huffman(out, 0x10, JPEGHuffmanTable.StdACLuminance);
        huffman(out, 0x01, JPEGHuffmanTable.StdDCChrominance);
        huffman(out, 0x11, JPEGHuffmanTable.StdACChrominance);
        bytes(out, 0xFF, 0xDA, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0);
        return out.toByteArray();
    }

    private static void quantization(ByteArrayOutputStream out, int id, JPEGQTable table) {
        bytes(out, 0xFF, 0xDB, 0, 67, id);
        for (int q : quality20ZigZag(table)) {
            out.write(q);
        }
    }

    private static void huffman(ByteArrayOutputStream out, int classAndId, JPEGHuffmanTable table) {
        short[] lengths = table.getLengths();
        short[] values = table.getValues();
        int length = 2 + 1 + 16 + values.length;
        bytes(out, 0xFF, 0xC4, length >> 8, length & 0xFF, classAndId);
        for (short n : lengths) {
            out.write(n);
        }
        for (short v : values) {
            out.write(v);
        }
    }

    private static void bytes(ByteArrayOutputStream out, int... values) {
        for (int v : values) {
            out.write(v);
        }
    }
}
