package dev.mtproto.testkit.world.accounts;

import java.security.SecureRandom;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bot tokens in the form BotFather gives them (https://core.telegram.org/bots/api#authorizing-your-bot):
 * the bot's user id, a colon, and a 35-character secret of letters, digits, {@code _} and {@code -}
 * ({@code 123456:AAH...}).
 */
public final class BotTokens {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    private static final int SECRET_LENGTH = 35;
    private static final Pattern FORM = Pattern.compile("(\\d{1,19}):([A-Za-z0-9_-]{30,50})");

    private BotTokens() {
    }

    /**
     * @param botId the bot's user id
     * @param random where the secret comes from
     * @return a new token for the bot
     */
    public static String generate(long botId, SecureRandom random) {
        StringBuilder token = new StringBuilder().append(botId).append(":AA");
        for (int i = 2; i < SECRET_LENGTH; i++) {
            token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }

    /**
     * @param token a string that may be a bot token
     * @return the bot id it names, or empty if it does not have the form of a token
     */
    public static OptionalLong botId(String token) {
        Matcher m = FORM.matcher(token == null ? "" : token);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(m.group(1)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
