package dev.mtproto.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * A versioned, checksummed text file format of the file store, and what every version of it keeps so that
 * any release can tell "newer format" from "damaged file": the file starts with
 * {@code <magic> <version>\n}, and its last line is {@code sha256=<64 lowercase hex digits>\n} over all
 * bytes before that line. In between are US-ASCII lines, each ending with {@code \n}, that the subclass
 * encodes and decodes. Decoding checks, in order: the magic word and header line, the checksum (so that a
 * damaged version digit reads as damage), the version, then each line.
 *
 * <p>Error messages name the file and, for a bad line, its number and entry name, never a value.
 *
 * @param <T> what the file holds
 */
abstract class TextFileFormat<T> {
    private static final String CHECKSUM_KEY = "sha256=";
    private static final int CHECKSUM_LINE_LENGTH = CHECKSUM_KEY.length() + 64;
    private static final HexFormat HEX = HexFormat.of();
    private static final java.util.regex.Pattern VERSION_TEXT = java.util.regex.Pattern.compile("[1-9][0-9]{0,8}");

    private final String magic;
    private final int version;
    private final String description;
    private final String advice;
    private final byte[] magicPrefix;

    /**
     * Describes a format.
     *
     * @param magic the word the file starts with
     * @param version the version this class writes, and the newest it reads
     * @param description what the file is, for messages ("Session file")
     * @param advice what to do about a damaged file, for messages
     */
    TextFileFormat(String magic, int version, String description, String advice) {
        this.magic = magic;
        this.version = version;
        this.description = description;
        this.advice = advice;
        this.magicPrefix = (magic + " ").getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the word files of this format start with */
    final String magic() {
        return magic;
    }

    /** @return the version written, and the newest read */
    final int version() {
        return version;
    }

    /** @return what the file is, for messages ("Session file") */
    final String description() {
        return description;
    }

    /** @return what an empty file of this format holds */
    abstract T empty();

    /**
     * Estimates the encoded size, to size the buffer.
     *
     * @param value what will be written
     * @return roughly how many characters its lines take
     */
    abstract int sizeHint(T value);

    /**
     * Appends the lines of a value (each ending with {@code \n}).
     *
     * @param value what to write
     * @param text where to append
     */
    abstract void encodeLines(T value, StringBuilder text);

    /**
     * Decodes the lines of a file whose framing and checksum are good.
     *
     * @param lines the lines, in order
     * @return the value
     * @throws SessionFileCorruptException if a line is malformed, unknown or repeated, or one is missing
     */
    abstract T decodeLines(Lines lines);

    /**
     * Encodes a value as a whole file of the current version.
     *
     * @param value what to write
     * @return the file's bytes
     */
    final byte[] encode(T value) {
        StringBuilder text = new StringBuilder(128 + sizeHint(value));
        text.append(magic).append(' ').append(version).append('\n');
        encodeLines(value, text);
        byte[] body = text.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] checksumLine = (CHECKSUM_KEY + HEX.formatHex(sha256(body, body.length)) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] file = Arrays.copyOf(body, body.length + checksumLine.length);
        System.arraycopy(checksumLine, 0, file, body.length, checksumLine.length);
        return file;
    }

    /**
     * Tells whether bytes start like a file of this format, of any version (checked before deleting one).
     *
     * @param start the first bytes of a file, possibly fewer than {@link #magicPrefixLength()}
     * @return true if they begin with the magic word and a space
     */
    final boolean startsLikeThisFormat(byte[] start) {
        return start.length >= magicPrefix.length
                && Arrays.equals(start, 0, magicPrefix.length, magicPrefix, 0, magicPrefix.length);
    }

    /** @return how many bytes {@link #startsLikeThisFormat} needs */
    final int magicPrefixLength() {
        return magicPrefix.length;
    }

    /**
     * Decodes and checks a whole file.
     *
     * @param file the file the bytes came from, for messages
     * @param bytes the whole file
     * @return the value
     * @throws SessionFileVersionException if the file declares a newer format version
     * @throws SessionFileCorruptException if the file is not of this format, is truncated, fails its checksum
     *     or holds a bad line
     */
    final T decode(Path file, byte[] bytes) {
        int headerEnd = checkHeader(file, bytes);
        int checksumStart = checkChecksum(file, bytes);
        int fileVersion = Integer.parseInt(new String(bytes, magicPrefix.length, headerEnd - magicPrefix.length,
                StandardCharsets.US_ASCII));
        if (fileVersion > version) {
            throw new SessionFileVersionException(file, fileVersion, version);
        }
        return decodeLines(new Lines(file, fileVersion, bytes, headerEnd + 1, checksumStart));
    }

    private int checkHeader(Path file, byte[] bytes) {
        if (bytes.length == 0) {
            throw corrupt(file, "it is empty (0 bytes), so it was truncated");
        }
        int compared = Math.min(bytes.length, magicPrefix.length);
        if (!Arrays.equals(bytes, 0, compared, magicPrefix, 0, compared)) {
            throw corrupt(file, "it is not a " + magic + " file (it does not start with '" + magic + "')");
        }
        int maxHeaderLength = magicPrefix.length + 10;
        int headerEnd = indexOf(bytes, (byte) '\n', 0, Math.min(bytes.length, maxHeaderLength));
        String malformed = "its header line is malformed (expected '" + magic + " <version>')";
        if (headerEnd < 0) {
            throw corrupt(file, bytes.length < maxHeaderLength ? "it is truncated inside its header line" : malformed);
        }
        String versionText = new String(bytes, magicPrefix.length, headerEnd - magicPrefix.length,
                StandardCharsets.ISO_8859_1);
        if (!VERSION_TEXT.matcher(versionText).matches()) {
            throw corrupt(file, malformed);
        }
        return headerEnd;
    }

    private int checkChecksum(Path file, byte[] bytes) {
        if (bytes[bytes.length - 1] != '\n') {
            throw corrupt(file, "it is truncated (it does not end with a line break)");
        }
        int lineStart = lastIndexOf(bytes, (byte) '\n', bytes.length - 2) + 1;
        String lastLine = new String(bytes, lineStart, bytes.length - 1 - lineStart, StandardCharsets.ISO_8859_1);
        if (lastLine.length() != CHECKSUM_LINE_LENGTH || !lastLine.startsWith(CHECKSUM_KEY)) {
            throw corrupt(file, "it is truncated or damaged (its last line is not the sha256 checksum line)");
        }
        byte[] expected;
        try {
            expected = HEX.parseHex(lastLine, CHECKSUM_KEY.length(), lastLine.length());
        } catch (IllegalArgumentException e) {
            throw corrupt(file, "its sha256 checksum line is malformed");
        }
        if (!MessageDigest.isEqual(expected, sha256(bytes, lineStart))) {
            throw corrupt(file, "its content does not match its sha256 checksum, so it was changed or damaged"
                    + " after it was written");
        }
        return lineStart;
    }

    /**
     * Returns the exception for unusable content.
     *
     * @param file the file
     * @param detail what is wrong, never a value from the file
     * @return the exception to throw
     */
    final SessionFileCorruptException corrupt(Path file, String detail) {
        return new SessionFileCorruptException(file, description + " " + file + " cannot be used: " + detail + ". "
                + advice);
    }

    private static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static int indexOf(byte[] bytes, byte value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i >= 0; i--) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** The lines between header and checksum of one file, read one by one with their numbers. */
    final class Lines {
        private final Path file;
        private final int version;
        private final byte[] bytes;
        private final int to;
        private int position;
        private int lineNumber = 1;

        private Lines(Path file, int version, byte[] bytes, int from, int to) {
            this.file = file;
            this.version = version;
            this.bytes = bytes;
            this.position = from;
            this.to = to;
        }

        /** @return the version the file declares */
        int version() {
            return version;
        }

        /**
         * Calls {@code action} with each line, in order; {@link #lineNumber()} tells the current line's number.
         *
         * @param action what to do with a line (without its line break)
         * @throws SessionFileCorruptException if a line holds a byte that is not printable ASCII
         */
        void forEach(Consumer<String> action) {
            while (position < to) {
                lineNumber++;
                int lineEnd = indexOf(bytes, (byte) '\n', position, to);
                for (int i = position; i < lineEnd; i++) {
                    if (bytes[i] < 0x20 || bytes[i] > 0x7e) {
                        throw corrupt("line " + lineNumber + " holds a byte that is not printable ASCII");
                    }
                }
                String line = new String(bytes, position, lineEnd - position, StandardCharsets.US_ASCII);
                position = lineEnd + 1;
                action.accept(line);
            }
        }

        /** @return the number of the line being handled (the header is line 1) */
        int lineNumber() {
            return lineNumber;
        }

        /**
         * Returns the exception for a bad line or a bad file.
         *
         * @param detail what is wrong, never a value
         * @return the exception to throw
         */
        SessionFileCorruptException corrupt(String detail) {
            return TextFileFormat.this.corrupt(file, detail);
        }

        /**
         * Returns the exception for a malformed value on the current line.
         *
         * @param name the entry's name
         * @return the exception to throw
         */
        SessionFileCorruptException badValue(String name) {
            return corrupt("line " + lineNumber + " has a malformed value for '" + name + "'");
        }
    }
}
