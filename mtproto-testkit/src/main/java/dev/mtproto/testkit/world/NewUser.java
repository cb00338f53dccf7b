package dev.mtproto.testkit.world;

import dev.mtproto.testkit.world.accounts.Account;
import java.util.Objects;

/**
 * A person about to sign up, as a test describes them:
 * {@code world.newUser("+15550001").name("Alice", "Smith").username("alice").homeDc(2).password("secret").create()}.
 * Not thread-safe; {@link #create} once.
 */
public final class NewUser {
    private final World world;
    private final String phone;
    private String firstName = "Test";
    private String lastName = "";
    private String username = "";
    private int homeDc;
    private char[] password;
    private String hint = "";

    NewUser(World world, String phone) {
        this.world = world;
        this.phone = Objects.requireNonNull(phone, "phone");
    }

    /**
     * @param first the first name (default "Test")
     * @param last the last name, empty for none
     * @return this
     */
    public NewUser name(String first, String last) {
        this.firstName = Objects.requireNonNull(first, "first");
        this.lastName = Objects.requireNonNull(last, "last");
        return this;
    }

    /**
     * @param first the first name; no last name
     * @return this
     */
    public NewUser name(String first) {
        return name(first, "");
    }

    /**
     * @param value a username, with or without {@code @} (default none)
     * @return this
     */
    public NewUser username(String value) {
        this.username = Objects.requireNonNull(value, "value");
        return this;
    }

    /**
     * @param dc the DC the account lives on (default: DC X for a test number {@code 99966XYYYY}, else the
     *     world places accounts on its DCs in turn)
     * @return this
     */
    public NewUser homeDc(int dc) {
        this.homeDc = dc;
        return this;
    }

    /**
     * @param value the account's 2FA password (default none)
     * @return this
     */
    public NewUser password(String value) {
        return password(value, "");
    }

    /**
     * @param value the account's 2FA password
     * @param passwordHint its hint, empty for none
     * @return this
     */
    public NewUser password(String value, String passwordHint) {
        this.password = Objects.requireNonNull(value, "value").toCharArray();
        this.hint = Objects.requireNonNull(passwordHint, "passwordHint");
        return this;
    }

    /**
     * Signs the person up.
     *
     * @return the account
     * @throws IllegalArgumentException if the number or the username is not valid or taken, or the DC is
     *     not one of the cluster's
     */
    public Account create() {
        return world.accounts().createUser(phone, firstName, lastName, username, homeDc, password, hint);
    }
}
