package dev.mtproto.testkit.world.files;

import dev.mtproto.testkit.world.calls.WorldErrors;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Makes a photo's sizes from an uploaded image, as Telegram does
 * (https://core.telegram.org/api/files#image-thumbnail-types): decoded with {@code javax.imageio}, scaled so
 * that the longest side fits each type's box, re-encoded as JPEG, up to the first box the image fits whole.
 * Checks Telegram's photo limits first (width + height at most 10000, the ratio of the sides at most 20),
 * reading only the image's header, so that a hostile image cannot make it allocate much.
 */
final class PhotoScaler {
    /** A type letter and the longest side it fits. */
    record Box(String type, int side) {
    }

    /** The sizes of a photo sent in a message: s, m, x, y, w. */
    static final List<Box> MESSAGE_PHOTO = List.of(new Box("s", 100), new Box("m", 320), new Box("x", 800), new Box("y", 1280),
            new Box("w", 2560));
    /** The sizes of a profile photo: a, b, c, d. */
    static final List<Box> PROFILE_PHOTO = List.of(new Box("a", 160), new Box("b", 320), new Box("c", 640), new Box("d", 1280));
    /** The thumbnail of a document: m. */
    static final List<Box> DOCUMENT_THUMB = List.of(new Box("m", 320));

    private PhotoScaler() {
    }

    /**
     * @param image the uploaded bytes
     * @param boxes the sizes to make, smallest first
     * @param method the function, for errors
     * @return the sizes, smallest first
     * @throws dev.mtproto.rpc.RpcException {@code IMAGE_PROCESS_FAILED} if the bytes are no image
     *     {@code javax.imageio} reads, {@code PHOTO_INVALID_DIMENSIONS} if its dimensions break the limits
     */
    static List<PhotoVariant> sizes(byte[] image, List<Box> boxes, String method) {
        return sizes(decode(image, method), boxes);
    }

    /**
     * A photo sent in a message: its sizes s, m, x, y, w as {@link #sizes} makes them, and its stripped
     * thumbnail ({@link StrippedThumbnail}).
     *
     * @param image the uploaded bytes
     * @param method the function, for errors
     * @return the sizes and the stripped thumbnail
     * @throws dev.mtproto.rpc.RpcException as {@link #sizes}
     */
    static ScaledPhoto messagePhoto(byte[] image, String method) {
        BufferedImage decoded = decode(image, method);
        return new ScaledPhoto(sizes(decoded, MESSAGE_PHOTO), StrippedThumbnail.of(decoded));
    }

    /**
     * A profile photo: its sizes a, b, c, d, without a stripped thumbnail.
     *
     * @param image the uploaded bytes
     * @param method the function, for errors
     * @return the sizes
     * @throws dev.mtproto.rpc.RpcException as {@link #sizes}
     */
    static ScaledPhoto profilePhoto(byte[] image, String method) {
        return new ScaledPhoto(sizes(image, PROFILE_PHOTO, method), null);
    }

    /**
     * @param sizes the sizes, smallest first
     * @param stripped the bytes of the {@code photoStrippedSize}, or null for none
     */
    record ScaledPhoto(List<PhotoVariant> sizes, byte[] stripped) {
    }

    private static List<PhotoVariant> sizes(BufferedImage decoded, List<Box> boxes) {
        int w = decoded.getWidth();
        int h = decoded.getHeight();
        List<PhotoVariant> out = new ArrayList<>();
        for (Box box : boxes) {
            double scale = Math.min(1.0, box.side() / (double) Math.max(w, h));
            int sw = Math.max(1, (int) Math.round(w * scale));
            int sh = Math.max(1, (int) Math.round(h * scale));
            out.add(new PhotoVariant(box.type(), sw, sh, FileContent.of(jpeg(decoded, sw, sh))));
            if (scale == 1.0) {
                break;
            }
        }
        return out;
    }

    private static BufferedImage decode(byte[] image, String method) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw WorldErrors.of(400, "IMAGE_PROCESS_FAILED", method);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w < 1 || h < 1 || w + h > 10_000 || Math.max(w, h) > 20L * Math.min(w, h)) {
                    throw WorldErrors.of(400, "PHOTO_INVALID_DIMENSIONS", method);
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof dev.mtproto.rpc.RpcException rpc) {
                throw rpc;
            }
            throw WorldErrors.of(400, "IMAGE_PROCESS_FAILED", method);
        }
    }

    /** @return the image drawn at that size, without alpha (JPEG has none) */
    static BufferedImage scaled(BufferedImage source, int w, int h) {
        BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    private static byte[] jpeg(BufferedImage source, int w, int h) {
        BufferedImage scaled = scaled(source, w, h);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(scaled, "jpg", out)) {
                throw new IllegalStateException("this JVM has no JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
