package dev.mtproto.auth;

import java.util.Optional;

/**
 * The number has no account yet: what a {@link LoginFlow} is told when asked whether to create one.
 *
 * @param phoneNumber the number
 * @param termsOfService the text of Telegram's terms the user accepts by signing up, if Telegram sent them
 * @param attempt 1, then 2, 3... after names Telegram refused
 * @param previousError why the previous names were refused, on later attempts
 */
public record SignUpRequest(String phoneNumber, Optional<String> termsOfService, int attempt, Optional<LoginError> previousError) {
}
