package dev.mtproto.benchmarks.tl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The TL benchmarks' input, {@code messages100.bin}, from the class path. */
final class Messages100Input {
    private Messages100Input() {
    }

    /**
     * @return the bytes of {@code messages100.bin}
     * @throws IllegalStateException if the file is not on the class path
     * @throws UncheckedIOException if it cannot be read
     */
    static byte[] load() {
        try (InputStream in = Messages100Input.class.getResourceAsStream("/messages100.bin")) {
            if (in == null) {
                throw new IllegalStateException("messages100.bin is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
