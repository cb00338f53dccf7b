package dev.mtproto.store;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a session keeps about a peer seen in a response or an update, so that it can be addressed later
 * ({@code inputPeerUser}, {@code inputPeerChannel}, ...) and found by username or phone after a restart.
 * Stores key peers by ({@link #kind()}, {@link #id()}).
 *
 * <p>The compact constructor normalizes: a username loses one leading {@code @} and is lower-cased; a phone
 * loses {@code +} and whitespace. {@link #toString()} never shows the phone number.
 *
 * @param kind user, basic chat or channel
 * @param id the peer's id within its kind, as in {@code user.id}, {@code chat.id}, {@code channel.id}
 *     (positive; never the "marked" {@code -100...} form of bot APIs)
 * @param accessHash the access hash to address the peer with; {@code 0} for basic chats (they have none)
 * @param min whether the record comes from a {@code min} constructor
 *     (<a href="https://core.telegram.org/api/min">core.telegram.org/api/min</a>), whose access hash is only
 *     usable in some contexts
 * @param username the active username, lower-case, without {@code @}; or null
 * @param phone the phone number, digits only; or null (users only)
 * @param bot whether the user is a bot (users only)
 */
public record StoredPeer(PeerKind kind, long id, long accessHash, boolean min, String username, String phone,
        boolean bot) {

    /** The longest username accepted; Telegram's are at most 32 characters. */
    public static final int MAX_USERNAME_LENGTH = 64;
    /** The longest phone number accepted, in digits; E.164 numbers have at most 15. */
    public static final int MAX_PHONE_LENGTH = 32;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_]{1," + MAX_USERNAME_LENGTH + "}");
    private static final Pattern PHONE = Pattern.compile("[0-9]{1," + MAX_PHONE_LENGTH + "}");
    private static final Pattern PHONE_DECORATION = Pattern.compile("[+\\s]");

    /**
     * Normalizes and checks the components.
     *
     * @param kind user, basic chat or channel
     * @param id the peer's id, positive
     * @param accessHash the access hash, 0 for basic chats
     * @param min whether from a min constructor
     * @param username a username (any case, with or without {@code @}), or null
     * @param phone a phone number ({@code +} and spaces allowed), or null
     * @param bot whether a bot
     * @throws NullPointerException if {@code kind} is null
     * @throws IllegalArgumentException if the id is not positive, the username or phone is malformed, or a
     *     component does not exist for the kind (an access hash, min flag or username on a basic chat, a phone
     *     or bot flag on a chat or channel)
     */
    public StoredPeer {
        Objects.requireNonNull(kind, "kind");
        if (id <= 0) {
            throw new IllegalArgumentException("peer id must be positive (the plain id, not a marked one), not " + id);
        }
        username = username == null ? null : normalizeUsername(username);
        phone = phone == null ? null : normalizePhone(phone);
        if (kind == PeerKind.CHAT && (accessHash != 0 || min || username != null)) {
            throw new IllegalArgumentException("a basic chat has no access hash, min form or username");
        }
        if (kind != PeerKind.USER && (phone != null || bot)) {
            throw new IllegalArgumentException("only users have a phone number or the bot flag, not a " + kind);
        }
    }

    /**
     * Creates a full (non-min) user record.
     *
     * @param id the user id
     * @param accessHash its access hash
     * @param username its username, or null
     * @param phone its phone, or null
     * @param bot whether it is a bot
     * @return the record
     * @throws IllegalArgumentException as the constructor
     */
    public static StoredPeer user(long id, long accessHash, String username, String phone, boolean bot) {
        return new StoredPeer(PeerKind.USER, id, accessHash, false, username, phone, bot);
    }

    /**
     * Creates a basic chat record.
     *
     * @param id the chat id
     * @return the record
     * @throws IllegalArgumentException if the id is not positive
     */
    public static StoredPeer chat(long id) {
        return new StoredPeer(PeerKind.CHAT, id, 0, false, null, null, false);
    }

    /**
     * Creates a full (non-min) channel record.
     *
     * @param id the channel id
     * @param accessHash its access hash
     * @param username its username, or null
     * @return the record
     * @throws IllegalArgumentException as the constructor
     */
    public static StoredPeer channel(long id, long accessHash, String username) {
        return new StoredPeer(PeerKind.CHANNEL, id, accessHash, false, username, null, false);
    }

    /**
     * Returns the form a username is stored and looked up in.
     *
     * @param username a username, in any case, with or without one leading {@code @}
     * @return it lower-case, without {@code @}
     * @throws NullPointerException if {@code username} is null
     * @throws IllegalArgumentException if what remains is not 1..{@value #MAX_USERNAME_LENGTH} letters, digits
     *     or underscores
     */
    public static String normalizeUsername(String username) {
        Objects.requireNonNull(username, "username");
        String plain = (username.startsWith("@") ? username.substring(1) : username).toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(plain).matches()) {
            throw new IllegalArgumentException("a username has 1.." + MAX_USERNAME_LENGTH
                    + " letters, digits or underscores after an optional '@' (" + username.length() + " characters given)");
        }
        return plain;
    }

    /**
     * Returns the form a phone number is stored and looked up in.
     *
     * @param phone a phone number; {@code +} and whitespace are ignored
     * @return its digits
     * @throws NullPointerException if {@code phone} is null
     * @throws IllegalArgumentException if what remains is not 1..{@value #MAX_PHONE_LENGTH} digits
     */
    public static String normalizePhone(String phone) {
        Objects.requireNonNull(phone, "phone");
        String digits = PHONE_DECORATION.matcher(phone).replaceAll("");
        if (!PHONE.matcher(digits).matches()) {
            throw new IllegalArgumentException("a phone number has 1.." + MAX_PHONE_LENGTH
                    + " digits besides '+' and spaces (the value is not shown)");
        }
        return digits;
    }

    /**
     * Returns a copy with another username.
     *
     * @param newUsername the username (normalized like the constructor's), or null
     * @return the new record
     * @throws IllegalArgumentException if the username is malformed or the peer is a basic chat
     */
    public StoredPeer withUsername(String newUsername) {
        return new StoredPeer(kind, id, accessHash, min, newUsername, phone, bot);
    }

    /**
     * Returns a copy with another phone number.
     *
     * @param newPhone the number (normalized like the constructor's), or null
     * @return the new record
     * @throws IllegalArgumentException if the number is malformed or the peer is not a user
     */
    public StoredPeer withPhone(String newPhone) {
        return new StoredPeer(kind, id, accessHash, min, username, newPhone, bot);
    }

    /**
     * Returns what a store keeps when this record arrives while {@code stored} is kept for the same peer. A
     * full record always wins. A {@code min} record (<a href="https://core.telegram.org/api/min">api/min</a>)
     * never replaces a full one: the stored access hash, min flag and bot flag stay, and only the username
     * and phone it carries are applied (the channel page lists {@code username} among the fields a min
     * constructor updates; a min record without username or phone leaves the stored ones, since min
     * constructors omit fields for privacy, not because they are gone). A min record over a min record, or
     * over nothing, is kept as it is.
     *
     * @param stored what the store holds for this peer, or null
     * @return the record to keep
     * @throws IllegalArgumentException if {@code stored} is another peer (kind or id differ)
     */
    public StoredPeer mergedOver(StoredPeer stored) {
        if (stored == null) {
            return this;
        }
        if (stored.kind != kind || stored.id != id) {
            throw new IllegalArgumentException("cannot merge " + kind + " " + id + " over " + stored.kind + " " + stored.id);
        }
        if (!min || stored.min) {
            return this;
        }
        return new StoredPeer(kind, id, stored.accessHash, false, username != null ? username : stored.username,
                phone != null ? phone : stored.phone, stored.bot);
    }

    /** Shows everything but the phone number, of which it says only whether there is one. */
    @Override
    public String toString() {
        return "StoredPeer[kind=" + kind + ", id=" + id + ", accessHash=" + accessHash + ", min=" + min
                + ", username=" + username + ", phone=" + (phone == null ? "none" : "(hidden)") + ", bot=" + bot + "]";
    }
}
