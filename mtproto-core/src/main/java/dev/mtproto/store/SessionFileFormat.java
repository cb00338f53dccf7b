package dev.mtproto.store;

import dev.mtproto.crypto.AuthKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Version 1 of the session file format: encodes {@link StoreContents} to bytes and decodes them back,
 * checking everything. See the package documentation for the layout.
 *
 * <p>Rules every version keeps, so that any release can tell "newer format" from "damaged file": the
 * file starts with {@code mtproto-session-store <version>\n}, and its last line is
 * {@code sha256=<64 lowercase hex digits>\n} over all bytes before that line. Decoding checks, in order:
 * the magic word, the version, the checksum framing, then each entry.
 *
 * <p>Error messages name the file and, for a bad entry, its line number and name, never a value.
 */
final class SessionFileFormat {
    /** The format version this class writes, and the newest it reads. */
    static final int VERSION = 1;

    /** The word every session file starts with. */
    static final String MAGIC = "mtproto-session-store";

    private static final byte[] MAGIC_PREFIX = (MAGIC + " ").getBytes(StandardCharsets.US_ASCII);
    /** The longest header line: the magic word, a space, up to nine version digits and the line break. */
    private static final int MAX_HEADER_LENGTH = MAGIC_PREFIX.length + 10;
    private static final String CHECKSUM_KEY = "sha256=";
    private static final int CHECKSUM_LINE_LENGTH = CHECKSUM_KEY.length() + 64;
    private static final HexFormat HEX = HexFormat.of();

    private static final String HOME_DC = "home_dc";
    private static final String AUTH_KEY = "auth_key";
    private static final String SERVER_SALT = "server_salt";
    private static final String TIME_OFFSET = "time_offset_ms";
    private static final String CREATED_AT = "created_at";

    private static final Pattern VERSION_TEXT = Pattern.compile("[1-9][0-9]{0,8}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9_.]{1,64}");
    private static final Pattern DC_ENTRY = Pattern.compile("dc\\.([1-9][0-9]{0,3})\\.([a-z_]+)");
    private static final Pattern DC_NUMBER = Pattern.compile("[1-9][0-9]{0,3}");
    private static final Pattern SALT_TEXT = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern OFFSET_TEXT = Pattern.compile("-?(0|[1-9][0-9]{0,18})");
    private static final Pattern KEY_TEXT = Pattern.compile("[A-Za-z0-9+/]{342}==");

    private SessionFileFormat() {
    }

    /**
     * Encodes the contents as a version-{@value #VERSION} file.
     *
     * @param contents what to write
     * @return the file's bytes (US-ASCII text)
     */
    static byte[] encode(StoreContents contents) {
        StringBuilder text = new StringBuilder(512 + 512 * contents.authorizations().size());
        text.append(MAGIC).append(' ').append(VERSION).append('\n');
        contents.homeDc().ifPresent(dcId -> text.append(HOME_DC).append('=').append(dcId).append('\n'));
        Base64.Encoder base64 = Base64.getEncoder();
        contents.authorizations().forEach((dcId, authorization) -> {
            String prefix = "dc." + dcId + ".";
            byte[] key = authorization.authKey().toByteArray();
            text.append(prefix).append(AUTH_KEY).append('=').append(base64.encodeToString(key)).append('\n');
            Arrays.fill(key, (byte) 0);
            text.append(prefix).append(SERVER_SALT).append('=').append(HEX.toHexDigits(authorization.serverSalt()))
                    .append('\n');
            text.append(prefix).append(TIME_OFFSET).append('=').append(authorization.timeOffsetMillis()).append('\n');
            text.append(prefix).append(CREATED_AT).append('=').append(authorization.createdAt()).append('\n');
        });
        byte[] body = text.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] checksumLine = (CHECKSUM_KEY + HEX.formatHex(sha256(body, body.length)) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] file = Arrays.copyOf(body, body.length + checksumLine.length);
        System.arraycopy(checksumLine, 0, file, body.length, checksumLine.length);
        return file;
    }

    /**
     * Tells whether bytes start like a session file of any version (used before deleting a file).
     *
     * @param start the first bytes of a file, possibly fewer than the magic word
     * @return true if they begin with the magic word and a space
     */
    static boolean startsLikeSessionFile(byte[] start) {
        return start.length >= MAGIC_PREFIX.length
                && Arrays.equals(start, 0, MAGIC_PREFIX.length, MAGIC_PREFIX, 0, MAGIC_PREFIX.length);
    }

    /** Length of the prefix {@link #startsLikeSessionFile} needs. */
    static int magicPrefixLength() {
        return MAGIC_PREFIX.length;
    }

    /**
     * Decodes and checks a session file.
     *
     * @param file the file the bytes came from, for messages
     * @param bytes the whole file
     * @return the contents
     * @throws SessionFileVersionException if the file declares a newer format version
     * @throws SessionFileCorruptException if the file is not a session file, is truncated, fails its
     *     checksum or holds a malformed, unknown, duplicate or incomplete entry
     */
    static StoreContents decode(Path file, byte[] bytes) {
        int headerEnd = checkHeader(file, bytes);
        int checksumStart = checkChecksum(file, bytes);
        return decodeEntries(file, bytes, headerEnd + 1, checksumStart);
    }

    /** Checks the magic word and the version; returns the index of the header's line break. */
    private static int checkHeader(Path file, byte[] bytes) {
        if (bytes.length == 0) {
            throw corrupt(file, "it is empty (0 bytes), so it was truncated");
        }
        int compared = Math.min(bytes.length, MAGIC_PREFIX.length);
        if (!Arrays.equals(bytes, 0, compared, MAGIC_PREFIX, 0, compared)) {
            throw corrupt(file, "it is not a session store file (it does not start with '" + MAGIC + "')");
        }
        int headerEnd = indexOf(bytes, (byte) '\n', 0, Math.min(bytes.length, MAX_HEADER_LENGTH));
        if (headerEnd < 0) {
            throw bytes.length < MAX_HEADER_LENGTH
                    ? corrupt(file, "it is truncated inside its header line")
                    : corrupt(file, "its header line is malformed (expected '" + MAGIC + " <version>')");
        }
        String versionText = new String(bytes, MAGIC_PREFIX.length, headerEnd - MAGIC_PREFIX.length,
                StandardCharsets.ISO_8859_1);
        if (!VERSION_TEXT.matcher(versionText).matches()) {
            throw corrupt(file, "its header line is malformed (expected '" + MAGIC + " <version>')");
        }
        int version = Integer.parseInt(versionText);
        if (version > VERSION) {
            throw new SessionFileVersionException(file, version, VERSION);
        }
        return headerEnd;
    }

    /** Checks the last line is a matching checksum; returns the index where that line starts. */
    private static int checkChecksum(Path file, byte[] bytes) {
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

    private static StoreContents decodeEntries(Path file, byte[] bytes, int from, int to) {
        Map<Integer, AuthorizationLines> dcs = new TreeMap<>();
        OptionalInt homeDc = OptionalInt.empty();
        int lineNumber = 1;
        int lineStart = from;
        while (lineStart < to) {
            lineNumber++;
            int lineEnd = indexOf(bytes, (byte) '\n', lineStart, to);
            String line = asciiLine(file, bytes, lineStart, lineEnd, lineNumber);
            lineStart = lineEnd + 1;
            int equals = line.indexOf('=');
            String name = equals < 0 ? line : line.substring(0, equals);
            if (equals < 0 || !NAME.matcher(name).matches()) {
                throw corrupt(file, "line " + lineNumber + " is not a 'name=value' entry");
            }
            String value = line.substring(equals + 1);
            Matcher dcEntry = DC_ENTRY.matcher(name);
            if (name.equals(HOME_DC)) {
                if (homeDc.isPresent()) {
                    throw corrupt(file, "line " + lineNumber + " repeats entry '" + name + "'");
                }
                if (!DC_NUMBER.matcher(value).matches()) {
                    throw badValue(file, lineNumber, name);
                }
                homeDc = OptionalInt.of(Integer.parseInt(value));
            } else if (dcEntry.matches()) {
                int dcId = Integer.parseInt(dcEntry.group(1));
                dcs.computeIfAbsent(dcId, id -> new AuthorizationLines())
                        .accept(file, lineNumber, name, dcEntry.group(2), value);
            } else {
                throw corrupt(file, "line " + lineNumber + " has unknown entry '" + name + "'");
            }
        }
        TreeMap<Integer, DcAuthorization> authorizations = new TreeMap<>();
        dcs.forEach((dcId, lines) -> authorizations.put(dcId, lines.toAuthorization(file, dcId)));
        return new StoreContents(authorizations, homeDc);
    }

    private static String asciiLine(Path file, byte[] bytes, int from, int to, int lineNumber) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0x20 || bytes[i] > 0x7e) {
                throw corrupt(file, "line " + lineNumber + " holds a byte that is not printable ASCII");
            }
        }
        return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
    }

    private static SessionFileCorruptException badValue(Path file, int lineNumber, String name) {
        return corrupt(file, "line " + lineNumber + " has a malformed value for '" + name + "'");
    }

    private static SessionFileCorruptException corrupt(Path file, String detail) {
        return new SessionFileCorruptException(file, "Session file " + file + " cannot be used: " + detail
                + ". It is left untouched; move or delete it to start over (the account must then log in again).");
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

    /** The entries of one DC as they are read, until all four are there. */
    private static final class AuthorizationLines {
        private AuthKey authKey;
        private Long serverSalt;
        private Long timeOffsetMillis;
        private Instant createdAt;

        void accept(Path file, int lineNumber, String name, String field, String value) {
            switch (field) {
                case AUTH_KEY -> {
                    requireFirst(file, lineNumber, name, authKey);
                    if (!KEY_TEXT.matcher(value).matches()) {
                        throw badValue(file, lineNumber, name);
                    }
                    byte[] key = Base64.getDecoder().decode(value);
                    authKey = AuthKey.of(key);
                    Arrays.fill(key, (byte) 0);
                }
                case SERVER_SALT -> {
                    requireFirst(file, lineNumber, name, serverSalt);
                    if (!SALT_TEXT.matcher(value).matches()) {
                        throw badValue(file, lineNumber, name);
                    }
                    serverSalt = HEX.fromHexDigitsToLong(value);
                }
                case TIME_OFFSET -> {
                    requireFirst(file, lineNumber, name, timeOffsetMillis);
                    long max = DcAuthorization.MAX_TIME_OFFSET.toMillis();
                    long offset;
                    try {
                        offset = OFFSET_TEXT.matcher(value).matches() ? Long.parseLong(value) : Long.MAX_VALUE;
                    } catch (NumberFormatException e) {
                        offset = Long.MAX_VALUE;
                    }
                    if (offset > max || offset < -max) {
                        throw badValue(file, lineNumber, name);
                    }
                    timeOffsetMillis = offset;
                }
                case CREATED_AT -> {
                    requireFirst(file, lineNumber, name, createdAt);
                    try {
                        createdAt = Instant.parse(value);
                    } catch (DateTimeParseException e) {
                        throw badValue(file, lineNumber, name);
                    }
                }
                default -> throw corrupt(file, "line " + lineNumber + " has unknown entry '" + name + "'");
            }
        }

        private static void requireFirst(Path file, int lineNumber, String name, Object earlier) {
            if (earlier != null) {
                throw corrupt(file, "line " + lineNumber + " repeats entry '" + name + "'");
            }
        }

        DcAuthorization toAuthorization(Path file, int dcId) {
            String missing = authKey == null ? AUTH_KEY
                    : serverSalt == null ? SERVER_SALT
                    : timeOffsetMillis == null ? TIME_OFFSET
                    : createdAt == null ? CREATED_AT
                    : null;
            if (missing != null) {
                throw corrupt(file, "DC " + dcId + " lacks entry 'dc." + dcId + "." + missing + "'");
            }
            return new DcAuthorization(authKey, serverSalt, timeOffsetMillis, createdAt);
        }
    }
}
