package dev.mtproto.testkit.world.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Usernames as Telegram allows them: 5 to 32 characters, a-z,
 * 0-9 and underscores, starting with a letter, not ending with an underscore and without two in a row;
 * compared without case. A leading {@code @} is taken off.
 */
public final class Usernames {
    private static final Pattern VALID = Pattern.compile("[a-zA-Z](?:[a-zA-Z0-9]|_(?!_)){3,30}[a-zA-Z0-9]");

    private Usernames() {
    }

    /**
     * @param raw a username, with or without {@code @}
     * @return it without {@code @}, or empty if Telegram would not take it
     */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        if (s.startsWith("@")) {
            s = s.substring(1);
        }
        return VALID.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }

    /**
     * @param username a valid username
     * @return the form usernames are compared in
     */
    public static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
