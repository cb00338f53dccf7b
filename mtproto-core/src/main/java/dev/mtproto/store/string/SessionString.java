package dev.mtproto.store.string;

import dev.mtproto.store.SessionSnapshot;
import dev.mtproto.store.SessionStore;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole session as one string, to keep in an environment variable or a secret manager: export any store's
 * content, import it back into any store. The format (docs/sessions.md) is {@code mtproto<version>.}
 * followed by the URL-safe base64 (RFC 4648 section 5, without padding) of a binary payload that ends with
 * a CRC-32C of the rest; this release writes and reads version {@value #VERSION}.
 *
 * <p>A session string gives full access to the account, like the session file: never log it. Nothing in
 * this package ever puts it, or a part of it, into a message or a {@code toString()}.
 */
public final class SessionString {
    /** The format version written, and the newest read. */
    public static final int VERSION = 1;

    /** What every session string starts with, before its version number. */
    public static final String PREFIX = "mtproto";

    private static final Pattern FORM = Pattern.compile(PREFIX + "([1-9][0-9]{0,8})\\.([A-Za-z0-9_-]*)");
    private static final Pattern LOOSE_FORM = Pattern.compile(PREFIX + "([1-9][0-9]{0,8})\\..*", Pattern.DOTALL);

    private SessionString() {
    }

    /**
     * Encodes a snapshot as a session string.
     *
     * @param snapshot what to encode
     * @return the session string
     * @throws NullPointerException if {@code snapshot} is null
     */
    public static String encode(SessionSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        return PREFIX + VERSION + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(SessionStringPayload.write(snapshot));
    }

    /**
     * Exports everything a store holds as a session string.
     *
     * @param store the store
     * @return the session string
     * @throws dev.mtproto.store.SessionStoreException if the store cannot be read
     */
    public static String export(SessionStore store) {
        return encode(store.snapshot());
    }

    /**
     * Decodes a session string. Whitespace around it (a line break from an environment file) is ignored.
     *
     * @param sessionString the string
     * @return what it holds
     * @throws NullPointerException if {@code sessionString} is null
     * @throws SessionStringVersionException if it declares a newer format version
     * @throws SessionStringException if it is not a session string, is truncated or changed, or holds a
     *     value no store accepts; the message never contains the string
     */
    public static SessionSnapshot decode(String sessionString) {
        String text = Objects.requireNonNull(sessionString, "sessionString").strip();
        Matcher loose = LOOSE_FORM.matcher(text);
        if (!loose.matches()) {
            throw new SessionStringException("This is not an mtproto-spring session string (it does not start with '"
                    + PREFIX + "<version>.'; " + text.length() + " characters given).");
        }
        int version = Integer.parseInt(loose.group(1));
        if (version > VERSION) {
            throw new SessionStringVersionException(version, VERSION);
        }
        Matcher strict = FORM.matcher(text);
        if (!strict.matches()) {
            throw new SessionStringException("The session string cannot be used: after '" + PREFIX + version
                    + ".' it holds characters outside the URL-safe base64 alphabet (A-Z, a-z, 0-9, '-', '_').");
        }
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(strict.group(2));
        } catch (IllegalArgumentException e) {
            throw new SessionStringException("The session string cannot be used: its base64 has a length no"
                    + " encoding produces, so it was truncated.");
        }
        return SessionStringPayload.read(payload);
    }

    /**
     * Tells whether a string looks like a session string of any version (for telling it apart from other
     * libraries' strings); it may still be damaged.
     *
     * @param text any string
     * @return true if it starts with {@code mtproto<version>.}
     */
    public static boolean looksLikeOne(String text) {
        return text != null && LOOSE_FORM.matcher(text.strip()).matches();
    }

    /**
     * Replaces everything a store holds with what a session string holds, atomically.
     *
     * @param sessionString the string
     * @param store the store to fill
     * @throws SessionStringException if the string cannot be used (the store is then unchanged)
     * @throws dev.mtproto.store.SessionStoreException if the store cannot be written
     */
    public static void importInto(String sessionString, SessionStore store) {
        Objects.requireNonNull(store, "store");
        store.restore(decode(sessionString));
    }
}
