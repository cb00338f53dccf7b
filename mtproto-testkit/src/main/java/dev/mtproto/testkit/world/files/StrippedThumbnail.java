package dev.mtproto.testkit.world.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.plugins.jpeg.JPEGQTable;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Makes a photo's {@code photoStrippedSize} (type {@code i}) as Telegram does
 * (https://core.telegram.org/api/files#stripped-thumbnails): the image scaled to fit 40x40, encoded as a baseline
 * JPEG with the tables every stripped thumbnail shares (the JPEG specification's annex K tables, quantization
 * at IJG quality 20, the standard Huffman tables, 2x2 luma subsampling), then cut down to a version byte 1, the
 * height, the width and the entropy-coded scan. A client puts the shared header back to show it.
 */
final class StrippedThumbnail {
    /** The type letter of a stripped size. */
    static final String TYPE = "i";
    /** The longest side of a stripped thumbnail. */
    static final int MAX_SIDE = 40;
    /** The IJG scale factor of quality 20 (5000 / 20 percent). */
    private static final float QUALITY_20 = 2.5f;
    private static final JPEGQTable[] QUANTIZATION = {
        JPEGQTable.K1Luminance.getScaledInstance(QUALITY_20, true), JPEGQTable.K2Chrominance.getScaledInstance(QUALITY_20, true)};
    private static final JPEGHuffmanTable[] DC = {JPEGHuffmanTable.StdDCLuminance, JPEGHuffmanTable.StdDCChrominance};
    private static final JPEGHuffmanTable[] AC = {JPEGHuffmanTable.StdACLuminance, JPEGHuffmanTable.StdACChrominance};

    private StrippedThumbnail() {
    }

    /**
     * @param image a decoded photo
     * @return the bytes of its {@code photoStrippedSize}
     */
    static byte[] of(BufferedImage image) {
        double scale = Math.min(1.0, MAX_SIDE / (double) Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        return strip(encode(PhotoScaler.scaled(image, w, h)), w, h);
    }

    /** Encodes with the shared tables; the JDK then leaves them out of the stream (an abbreviated JPEG). */
    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            JPEGImageWriteParam param = (JPEGImageWriteParam) writer.getDefaultWriteParam();
            param.setEncodeTables(QUANTIZATION, DC, AC);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** Keeps the scan: what follows the start-of-scan header, up to the end-of-image marker. */
    private static byte[] strip(byte[] jpeg, int w, int h) {
        int at = 2;
        while ((jpeg[at] & 0xFF) != 0xFF || (jpeg[at + 1] & 0xFF) != 0xDA) {
            at += 2 + segmentLength(jpeg, at);
        }
        int scan = at + 2 + segmentLength(jpeg, at);
        int scanLength = jpeg.length - 2 - scan;
        byte[] out = new byte[3 + scanLength];
        out[0] = 1;
        out[1] = (byte) h;
        out[2] = (byte) w;
        System.arraycopy(jpeg, scan, out, 3, scanLength);
        return out;
    }

    private static int segmentLength(byte[] jpeg, int marker) {
        return (jpeg[marker + 2] & 0xFF) << 8 | (jpeg[marker + 3] & 0xFF);
    }
}
