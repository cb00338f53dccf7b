package dev.mtproto.testkit.world;

import dev.mtproto.testkit.world.accounts.Account;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An account the standalone test DC creates at start, from its command line:
 * <pre>
 * --user PHONE:FIRST_NAME[:LAST_NAME][,dc=N][,username=NAME][,password=PASSWORD]
 * --bot USERNAME[,dc=N][,name=NAME][,token=ID:SECRET]
 * </pre>
 * for example {@code --user +15550001:Alice}, {@code --user +15550002:Bob:Smith,dc=2,password=secret},
 * {@code --bot echo_bot,token=123456:AAH...} (a fixed token, so that a client keeps working across runs).
 *
 * @param bot whether it is a bot
 * @param main the phone number (a person) or the username (a bot)
 * @param firstName the first name, or the bot's name (empty: its username)
 * @param lastName the last name, empty if none
 * @param extras {@code dc}, {@code username}, {@code password}, {@code name}, {@code token}
 */
public record AccountSeed(boolean bot, String main, String firstName, String lastName, Map<String, String> extras) {
    private static final Set<String> USER_KEYS = Set.of("dc", "username", "password");
    private static final Set<String> BOT_KEYS = Set.of("dc", "name", "token");

    /**
     * Checks the components.
     *
     * @param bot whether it is a bot
     * @param main the phone number or the username
     * @param firstName the first name, or the bot's name
     * @param lastName the last name
     * @param extras the key=value parts
     * @throws NullPointerException if a part is null
     */
    public AccountSeed {
        java.util.Objects.requireNonNull(main, "main");
        java.util.Objects.requireNonNull(firstName, "firstName");
        java.util.Objects.requireNonNull(lastName, "lastName");
        extras = Map.copyOf(extras);
    }

    /**
     * @param spec what follows {@code --user}
     * @return the person to sign up
     * @throws IllegalArgumentException naming what is wrong with the spec
     */
    public static AccountSeed user(String spec) {
        String[] parts = spec.split(",", -1);
        String[] names = parts[0].split(":", -1);
        if (names.length < 2 || names.length > 3 || names[0].isBlank() || names[1].isBlank()) {
            throw new IllegalArgumentException("--user " + spec + ": give PHONE:FIRST_NAME[:LAST_NAME], e.g. +15550001:Alice");
        }
        return new AccountSeed(false, names[0], names[1], names.length == 3 ? names[2] : "", extras("--user", spec, parts, USER_KEYS));
    }

    /**
     * @param spec what follows {@code --bot}
     * @return the bot to make
     * @throws IllegalArgumentException naming what is wrong with the spec
     */
    public static AccountSeed bot(String spec) {
        String[] parts = spec.split(",", -1);
        if (parts[0].isBlank()) {
            throw new IllegalArgumentException("--bot " + spec + ": give the bot's USERNAME, e.g. echo_bot");
        }
        Map<String, String> extras = extras("--bot", spec, parts, BOT_KEYS);
        return new AccountSeed(true, parts[0], extras.getOrDefault("name", ""), "", extras);
    }

    private static Map<String, String> extras(String option, String spec, String[] parts, Set<String> allowed) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            String key = eq < 0 ? parts[i] : parts[i].substring(0, eq);
            if (eq < 0 || !allowed.contains(key)) {
                throw new IllegalArgumentException(option + " " + spec + ": unknown part '" + parts[i] + "' (it takes " + allowed + " as key=value)");
            }
            out.put(key, parts[i].substring(eq + 1));
        }
        if (out.containsKey("dc")) {
            try {
                Integer.parseInt(out.get("dc"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " " + spec + ": dc must be a number, got '" + out.get("dc") + "'", e);
            }
        }
        return out;
    }

    /**
     * Creates the account.
     *
     * @param world the world to create it in
     * @return the account
     * @throws IllegalArgumentException if the world refuses it (a number or username taken or invalid, no such DC)
     */
    public Account createIn(World world) {
        int dc = Integer.parseInt(extras.getOrDefault("dc", "0"));
        try {
            if (bot) {
                NewBot b = world.newBot(main).homeDc(dc);
                if (!firstName.isEmpty()) {
                    b.name(firstName);
                }
                if (extras.containsKey("token")) {
                    b.token(extras.get("token"));
                }
                return b.create();
            }
            NewUser u = world.newUser(main).name(firstName, lastName).homeDc(dc).username(extras.getOrDefault("username", ""));
            if (extras.containsKey("password")) {
                u.password(extras.get("password"));
            }
            return u.create();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((bot ? "--bot " : "--user ") + main + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return (bot ? "--bot " : "--user ") + main; // the extras may hold a password or a token
    }
}
