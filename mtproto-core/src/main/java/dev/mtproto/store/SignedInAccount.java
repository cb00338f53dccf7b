package dev.mtproto.store;

/**
 * The account a session is signed in as.
 *
 * @param userId the account's user id (positive)
 * @param bot whether the account is a bot (signed in with a bot token)
 */
public record SignedInAccount(long userId, boolean bot) {

    /**
     * Checks the user id.
     *
     * @param userId the account's user id
     * @param bot whether it is a bot
     * @throws IllegalArgumentException if {@code userId} is not positive
     */
    public SignedInAccount {
        if (userId <= 0) {
            throw new IllegalArgumentException("userId must be positive, not " + userId);
        }
    }
}
