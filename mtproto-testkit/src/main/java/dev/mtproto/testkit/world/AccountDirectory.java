package dev.mtproto.testkit.world;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.accounts.PhoneNumbers;
import dev.mtproto.testkit.world.accounts.Usernames;
import dev.mtproto.testkit.world.chats.Chats;
import dev.mtproto.testkit.world.passwords.Passwords;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * The world's accounts, people and bots, for tests: look them up, set their 2FA passwords, move them to
 * another DC, find a free test number. {@link World#newUser} and {@link World#newBot} sign them up.
 *
 * <pre>{@code
 * Account alice = world.accounts().byPhone("+15550001").orElseThrow();
 * world.accounts().setPassword(alice, "secret", "the usual");
 * world.accounts().move(alice, 2);                          // her old DC answers 303 USER_MIGRATE_2
 * String phone = world.accounts().newTestPhoneNumber(2);    // 999662YYYY: signs in with the code 22222
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class AccountDirectory {
    private final Accounts accounts;
    private final Passwords passwords;
    private final Chats chats;
    private final HomeDcs homeDcs;
    private final SecureRandom random;

    AccountDirectory(Accounts accounts, Passwords passwords, Chats chats, HomeDcs homeDcs, SecureRandom random) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.chats = chats;
        this.homeDcs = homeDcs;
        this.random = random;
    }

    Account createUser(String phone, String first, String last, String username, int homeDc, char[] password, String hint) {
        checkNoChatHas(username);
        String digits = PhoneNumbers.normalize(phone).orElseThrow(() -> new IllegalArgumentException("not a phone number: " + phone));
        int dc = homeDc != 0 ? homeDc : PhoneNumbers.testNumberDc(digits).orElse(0);
        Account account = accounts.createUser(digits, first, last, validUsername(username), homeDcs.place(dc));
        if (password != null) {
            passwords.set(account.id(), password, hint);
        }
        return account;
    }

    Account createBot(String username, String name, int homeDc, String token) {
        String u = validUsername(username);
        checkNoChatHas(u);
        return accounts.createBot(name != null ? name : u, u, homeDcs.place(homeDc), token);
    }

    /** @return the username normalized, empty for none; throws IllegalArgumentException if it is not valid */
    static String validUsername(String username) {
        if (username.isEmpty()) {
            return "";
        }
        return Usernames.normalize(username).orElseThrow(() -> new IllegalArgumentException("not a valid username: " + username));
    }

    private void checkNoChatHas(String username) {
        if (!username.isEmpty() && chats.byUsername(username).isPresent()) {
            throw new IllegalArgumentException("the username @" + username + " is taken by a chat");
        }
    }

    /**
     * @param id a user id
     * @return the account
     */
    public Optional<Account> byId(long id) {
        return accounts.byId(id);
    }

    /**
     * @param phone a phone number in any form the world reads
     * @return the account with that number
     */
    public Optional<Account> byPhone(String phone) {
        return accounts.byPhone(phone);
    }

    /**
     * @param username a username, with or without {@code @}
     * @return the account with that username
     */
    public Optional<Account> byUsername(String username) {
        return accounts.byUsername(username);
    }

    /** @return every account, in the order they were made */
    public List<Account> all() {
        return accounts.all();
    }

    /**
     * @param dc a DC of the cluster, 1 to 9
     * @return a test number {@code 99966XYYYY} of that DC that no account has yet: on a key made for a test
     *     DC it signs up and in with the code XXXXX (https://core.telegram.org/api/auth#test-accounts)
     * @throws IllegalStateException if all 10,000 numbers of the DC are taken
     */
    public String newTestPhoneNumber(int dc) {
        int start = random.nextInt(10_000);
        for (int i = 0; i < 10_000; i++) {
            String phone = PhoneNumbers.testNumber(dc, (start + i) % 10_000);
            if (!accounts.taken(phone)) {
                return phone;
            }
        }
        throw new IllegalStateException("every test number of DC " + dc + " has an account");
    }

    /**
     * Sets or changes a person's 2FA password; SRP challenges given out for the old one answer
     * {@code SRP_PASSWORD_CHANGED}.
     *
     * @param account the account
     * @param password the password
     * @param hint its hint, empty for none
     */
    public void setPassword(Account account, String password, String hint) {
        passwords.set(account.id(), password.toCharArray(), hint);
    }

    /** @param account an account whose 2FA password goes */
    public void removePassword(Account account) {
        passwords.remove(account.id());
    }

    /**
     * Moves an account to another DC, as Telegram may: keys signed in on its old DC get
     * {@code 303 USER_MIGRATE_X} from then on (https://core.telegram.org/api/datacenter#user-migration).
     *
     * @param account the account
     * @param dc its new home DC
     * @return the account as it is now
     * @throws IllegalArgumentException if the cluster has no such DC
     */
    public Account move(Account account, int dc) {
        homeDcs.require(dc);
        return accounts.update(account.id(), a -> a.withHomeDc(dc));
    }
}
