package dev.mtproto.testkit.world.accounts;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Every account of the world, found by id, phone number, username or bot token, and the phone numbers
 * Telegram has banned. User ids are 64-bit and above 2^32, as Telegram's have been since layer 133.
 * Thread-safe: every method holds the registry's lock.
 */
public final class Accounts {
    /** The first id the world gives out. */
    public static final long FIRST_ID = 5_000_000_001L;

    private final Map<Long, Account> byId = new LinkedHashMap<>();
    private final Map<String, Long> byPhone = new HashMap<>();
    private final Map<String, Long> byUsername = new HashMap<>();
    private final Set<String> banned = new HashSet<>();
    private final SecureRandom random;
    private long nextId = FIRST_ID;

    /** @param random where bot token secrets come from */
    public Accounts(SecureRandom random) {
        this.random = random;
    }

    /**
     * Signs a person up.
     *
     * @param phone the number, normalized ({@link PhoneNumbers#normalize})
     * @param firstName the first name
     * @param lastName the last name, empty if none
     * @param username a valid username without {@code @}, empty if none
     * @param homeDc the DC the account lives on
     * @return the new account
     * @throws IllegalArgumentException if the number or the username is taken
     */
    public synchronized Account createUser(String phone, String firstName, String lastName, String username, int homeDc) {
        if (byPhone.containsKey(phone)) {
            throw new IllegalArgumentException("the phone number +" + phone + " already has an account");
        }
        checkUsernameFree(username);
        Account account = new Account(nextId++, phone, firstName, lastName, username, false, "", homeDc);
        add(account);
        return account;
    }

    /**
     * Creates a bot, as BotFather does.
     *
     * @param name the bot's name
     * @param username its username, which must end with {@code bot}
     * @param homeDc the DC it lives on
     * @param token its token, or null for a new one
     * @return the new bot
     * @throws IllegalArgumentException if the username is taken or does not end with {@code bot}, or the
     *     token does not have the form of a bot token
     */
    public synchronized Account createBot(String name, String username, int homeDc, String token) {
        if (!Usernames.key(username).endsWith("bot")) {
            throw new IllegalArgumentException("a bot's username must end with 'bot', as BotFather requires: " + username);
        }
        checkUsernameFree(username);
        long id;
        String botToken;
        if (token == null) {
            id = nextId++;
            botToken = BotTokens.generate(id, random);
        } else {
            id = BotTokens.botId(token).orElseThrow(() -> new IllegalArgumentException("not a bot token: id:secret expected"));
            if (byId.containsKey(id)) {
                throw new IllegalArgumentException("the id " + id + " of the token is taken");
            }
            botToken = token;
        }
        Account bot = new Account(id, "", name, "", username, true, botToken, homeDc);
        add(bot);
        return bot;
    }

    private void checkUsernameFree(String username) {
        if (!username.isEmpty() && byUsername.containsKey(Usernames.key(username))) {
            throw new IllegalArgumentException("the username @" + username + " is taken");
        }
    }

    private void add(Account account) {
        byId.put(account.id(), account);
        if (!account.phone().isEmpty()) {
            byPhone.put(account.phone(), account.id());
        }
        if (account.hasUsername()) {
            byUsername.put(Usernames.key(account.username()), account.id());
        }
    }

    /**
     * Changes an account (its phone number and username stay).
     *
     * @param id the account
     * @param change what to change
     * @return the account after the change
     * @throws IllegalArgumentException if there is no such account
     */
    public synchronized Account update(long id, UnaryOperator<Account> change) {
        Account before = byId.get(id);
        if (before == null) {
            throw new IllegalArgumentException("no account with id " + id);
        }
        Account after = change.apply(before);
        byId.put(id, after);
        return after;
    }

    /**
     * @param id a user id
     * @return the account
     */
    public synchronized Optional<Account> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * @param phone a phone number in any form {@link PhoneNumbers#normalize} takes
     * @return the account with that number
     */
    public synchronized Optional<Account> byPhone(String phone) {
        return PhoneNumbers.normalize(phone).map(byPhone::get).map(byId::get);
    }

    /**
     * @param username a username, with or without {@code @}, in any case
     * @return the account with that username
     */
    public synchronized Optional<Account> byUsername(String username) {
        return Usernames.normalize(username).map(u -> byUsername.get(Usernames.key(u))).map(byId::get);
    }

    /**
     * @param token a bot token
     * @return the bot it belongs to, if the token is exactly the bot's
     */
    public synchronized Optional<Account> byBotToken(String token) {
        return BotTokens.botId(token).stream().mapToObj(byId::get)
                .filter(a -> a != null && a.bot() && a.botToken().equals(token)).findFirst();
    }

    /** @return every account, in the order they were made */
    public synchronized List<Account> all() {
        return new ArrayList<>(byId.values());
    }

    /** @param phone a normalized number Telegram bans from now on */
    public synchronized void ban(String phone) {
        banned.add(phone);
    }

    /**
     * @param phone a normalized number
     * @return whether it is banned
     */
    public synchronized boolean banned(String phone) {
        return banned.contains(phone);
    }

    /**
     * @param phone a normalized number
     * @return whether an account has it
     */
    public synchronized boolean taken(String phone) {
        return byPhone.containsKey(phone);
    }
}
