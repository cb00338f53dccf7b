package dev.mtproto.auth;

import java.time.Duration;
import java.util.Optional;

/**
 * What a {@link LoginFlow} is told when asked for the login code.
 *
 * @param phoneNumber the number the code went to
 * @param delivery how Telegram sent it: {@code "app"} (a message in another signed-in app), {@code "sms"},
 *     {@code "call"}, {@code "flash_call"}, {@code "missed_call"}, {@code "fragment_sms"}, {@code "email"}, ...
 * @param length the number of digits, when Telegram says
 * @param nextDelivery how {@code auth.resendCode} would send the next one, if there is another way
 * @param timeout after how long the next way may be asked for, if Telegram says
 * @param attempt 1 for the first time the flow is asked, then 2, 3... after wrong codes
 * @param previousError why the previous answer was refused, on later attempts
 */
public record CodeRequest(String phoneNumber, String delivery, int length, Optional<String> nextDelivery,
                          Optional<Duration> timeout, int attempt, Optional<LoginError> previousError) {
}
