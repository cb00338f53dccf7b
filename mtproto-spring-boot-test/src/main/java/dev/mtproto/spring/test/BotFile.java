package dev.mtproto.spring.test;

import java.util.Objects;

/**
 * A file the bot sent to a {@link TestUser}: a document, or a photo's largest size.
 *
 * @param fileName its {@code documentAttributeFilename}, or empty (a photo, or a document without one)
 * @param mimeType its MIME type ({@code image/jpeg} for a photo)
 * @param content its bytes, as the world stores them
 */
public record BotFile(String fileName, String mimeType, byte[] content) {
    /** @throws NullPointerException if an argument is null */
    public BotFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public String toString() {
        return "BotFile[" + fileName + ", " + mimeType + ", " + content.length + " bytes]";
    }
}
