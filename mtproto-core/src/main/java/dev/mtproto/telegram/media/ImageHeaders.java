package dev.mtproto.telegram.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads an image's dimensions from its header with an {@link ImageReader} (no pixel is decoded): whatever
 * format the JDK reads (JPEG, PNG, GIF, BMP, TIFF, WBMP).
 */
final class ImageHeaders {
    private ImageHeaders() {
    }

    /**
     * @param file an image file
     * @return its dimensions, or empty if no reader knows its format or its header is broken
     */
    static Optional<Dimensions> of(Path file) {
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            return read(in);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * @param head an image's content, or its first bytes (enough for the header)
     * @return its dimensions, or empty if no reader knows its format or the header is broken or cut off
     */
    static Optional<Dimensions> of(byte[] head) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(head))) {
            return read(in);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Dimensions> read(ImageInputStream in) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            return Optional.empty();
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(in, true, true);
            return Optional.of(new Dimensions(reader.getWidth(0), reader.getHeight(0)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } finally {
            reader.dispose();
        }
    }
}
