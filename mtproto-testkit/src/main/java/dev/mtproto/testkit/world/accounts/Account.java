package dev.mtproto.testkit.world.accounts;

import java.util.Objects;

/**
 * One Telegram account of the world: a person signed up with a phone number, or a bot. Immutable; the
 * world replaces it when something changes. {@code toString} leaves the bot token out.
 *
 * @param id the user id
 * @param phone the phone number, digits only as Telegram shows it (no {@code +}); empty for bots
 * @param firstName the first name (for a bot, its name)
 * @param lastName the last name, empty if none
 * @param username the username without {@code @}, empty if none
 * @param bot whether the account is a bot
 * @param botToken the bot's token ({@code id:secret}), empty for people
 * @param homeDc the DC the account lives on
 */
public record Account(long id, String phone, String firstName, String lastName, String username, boolean bot,
        String botToken, int homeDc) {

    /**
     * Checks the components.
     *
     * @param id the user id
     * @param phone the phone number, digits only, empty for bots
     * @param firstName the first name
     * @param lastName the last name, empty if none
     * @param username the username, empty if none
     * @param bot whether it is a bot
     * @param botToken the bot token, empty for people
     * @param homeDc the home DC
     * @throws NullPointerException if a string is null
     */
    public Account {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(botToken, "botToken");
    }

    /**
     * @param dc the DC the account lives on from now
     * @return the account moved there
     */
    public Account withHomeDc(int dc) {
        return new Account(id, phone, firstName, lastName, username, bot, botToken, dc);
    }

    /** @return whether the account has a username */
    public boolean hasUsername() {
        return !username.isEmpty();
    }

    @Override
    public String toString() {
        return (bot ? "Bot[" : "User[") + id + (hasUsername() ? " @" + username : "") + (phone.isEmpty() ? "" : " +" + phone)
                + " \"" + firstName + (lastName.isEmpty() ? "" : " " + lastName) + "\" on DC " + homeDc + "]";
    }
}
