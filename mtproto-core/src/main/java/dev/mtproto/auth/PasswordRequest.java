package dev.mtproto.auth;

import java.util.Optional;

/**
 * What a {@link LoginFlow} is told when asked for the account's 2FA password.
 *
 * @param hint the hint the user set, if any
 * @param attempt 1 for the first time, then 2, 3... after wrong passwords
 * @param previousError why the previous answer was refused, on later attempts
 */
public record PasswordRequest(Optional<String> hint, int attempt, Optional<LoginError> previousError) {
}
