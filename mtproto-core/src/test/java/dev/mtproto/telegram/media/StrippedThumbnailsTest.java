package dev.mtproto.telegram.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageReadParam;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.plugins.jpeg.JPEGQTable;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Stripped thumbnails (https://core.telegram.org/api/files#stripped-thumbnails): a JPEG encoded with the shared
 * tables, cut down to height, width and scan the way Telegram cuts it, expands back to an image that decodes to
 * exactly the same pixels.
 */
class StrippedThumbnailsTest {

    @Test
    void aStrippedJpegExpandsToTheSamePixels() throws IOException {
        BufferedImage image = new BufferedImage(40, 27, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, (x * 6) << 16 | (y * 9) << 8 | ((x + y) * 3));
            }
        }
        byte[] original = encodeWithTheSharedTables(image);
        byte[] stripped = strip(original, image.getWidth(), image.getHeight());

        byte[] expanded = StrippedThumbnails.toJpeg(stripped);

        BufferedImage expected = decodeWithTheSharedTables(original);
        BufferedImage actual = ImageIO.read(new ByteArrayInputStream(expanded));
        assertThat(actual.getWidth()).isEqualTo(40);
        assertThat(actual.getHeight()).isEqualTo(27);
        for (int y = 0; y < 27; y++) {
            for (int x = 0; x < 40; x++) {
                assertThat(actual.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(expected.getRGB(x, y));
            }
        }
        assertThat(StrippedThumbnails.dimensions(stripped)).isEqualTo(new Dimensions(40, 27));
        assertThat(Arrays.copyOfRange(expanded, expanded.length - 2, expanded.length)).containsExactly(0xFF, 0xD9);
    }

    @Test
    void theTablesAreAnnexKAtQuality20InZigZagOrder() {
        int[] order = StrippedThumbnails.zigZagOrder();
        assertThat(Arrays.copyOf(order, 10)).containsExactly(0, 1, 8, 16, 9, 2, 3, 10, 17, 24);
        assertThat(order[63]).isEqualTo(63);
        assertThat(Arrays.stream(order).distinct().count()).isEqualTo(64);
        int[] luma = StrippedThumbnails.quality20ZigZag(JPEGQTable.K1Luminance);
        assertThat(Arrays.copyOf(luma, 4)).as("16, 11, 12, 14 times 2.5, rounded").containsExactly(40, 28, 30, 35);
        assertThat(Arrays.stream(luma).max().orElseThrow()).as("clamped to a baseline byte").isEqualTo(255);
    }

    private static byte[] encodeWithTheSharedTables(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        JPEGImageWriteParam param = (JPEGImageWriteParam) writer.getDefaultWriteParam();
        param.setEncodeTables(new JPEGQTable[] {natural(JPEGQTable.K1Luminance), natural(JPEGQTable.K2Chrominance)},
                new JPEGHuffmanTable[] {JPEGHuffmanTable.StdDCLuminance, JPEGHuffmanTable.StdDCChrominance},
                new JPEGHuffmanTable[] {JPEGHuffmanTable.StdACLuminance, JPEGHuffmanTable.StdACChrominance});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The JDK writes an abbreviated stream when the tables come from the parameters: the reader is given them too. */
    private static BufferedImage decodeWithTheSharedTables(byte[] jpeg) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            JPEGImageReadParam param = new JPEGImageReadParam();
            param.setDecodeTables(new JPEGQTable[] {natural(JPEGQTable.K1Luminance), natural(JPEGQTable.K2Chrominance)},
                    new JPEGHuffmanTable[] {JPEGHuffmanTable.StdDCLuminance, JPEGHuffmanTable.StdDCChrominance},
                    new JPEGHuffmanTable[] {JPEGHuffmanTable.StdACLuminance, JPEGHuffmanTable.StdACChrominance});
            return reader.read(0, param);
        } finally {
            reader.dispose();
        }
    }

    private static JPEGQTable natural(JPEGQTable standard) {
        int[] zigZag = StrippedThumbnails.quality20ZigZag(standard);
        int[] order = StrippedThumbnails.zigZagOrder();
        int[] natural = new int[64];
        for (int i = 0; i < 64; i++) {
            natural[order[i]] = zigZag[i];
        }
        return new JPEGQTable(natural);
    }

    /** Keeps what Telegram keeps of a JPEG: version 1, height, width, then the scan after the SOS header up to EOI. */
    private static byte[] strip(byte[] jpeg, int width, int height) {
        int at = 2;
        while (!((jpeg[at] & 0xFF) == 0xFF && (jpeg[at + 1] & 0xFF) == 0xDA)) {
            at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF));
        }
        int scan = at + 2 + ((jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        out.write(height);
        out.write(width);
        out.write(jpeg, scan, jpeg.length - 2 - scan);
        return out.toByteArray();
    }
}
