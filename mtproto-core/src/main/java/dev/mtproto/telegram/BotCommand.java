package dev.mtproto.telegram;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bot command at the start of a message, as Telegram's apps send it: {@code /start}, {@code /start@mybot},
 * {@code /start@mybot a b} (https://core.telegram.org/bots/features#commands).
 *
 * @param name the command without the slash, lower-cased ({@code start})
 * @param botUsername the bot it was addressed to ({@code @mybot}, without the {@code @}), if any
 * @param argumentText everything after the command and the first whitespace, as written
 * @param arguments the argument text split on whitespace
 */
public record BotCommand(String name, Optional<String> botUsername, String argumentText, List<String> arguments) {
    private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,64}))?(?:\\s+([\\s\\S]*))?$");

    /** Copies the list. */
    public BotCommand {
        arguments = List.copyOf(arguments);
    }

    /**
     * @param text a message's text
     * @return its command, if it starts with one
     */
    public static Optional<BotCommand> parse(String text) {
        if (text == null || !text.startsWith("/")) {
            return Optional.empty();
        }
        Matcher m = COMMAND.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String args = m.group(3) == null ? "" : m.group(3).strip();
        List<String> split = args.isEmpty() ? List.of() : Arrays.asList(args.split("\\s+"));
        return Optional.of(new BotCommand(m.group(1).toLowerCase(java.util.Locale.ROOT), Optional.ofNullable(m.group(2)), args, split));
    }

    /**
     * @param username the bot's own username (without {@code @})
     * @return whether the command is for that bot: addressed to it, or to no bot in particular
     */
    public boolean isFor(String username) {
        return botUsername.isEmpty() || botUsername.get().equalsIgnoreCase(username);
    }
}
