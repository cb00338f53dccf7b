package dev.mtproto.auth;

import java.util.Optional;

/**
 * Who the client is signed in as.
 *
 * @param userId the account's user id
 * @param bot whether it is a bot
 * @param firstName the first name
 * @param username the username, if it has one
 * @param homeDc the DC the account lives on
 */
public record SignedIn(long userId, boolean bot, String firstName, Optional<String> username, int homeDc) {
}
