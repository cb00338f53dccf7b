package dev.mtproto.auth;

/**
 * Where signing in as a person gets what only the person knows: the phone number, the code Telegram sends,
 * the 2FA password, the names of a new account; and where a QR code to scan is shown. A console
 * ({@link ConsoleLoginFlow}), a web form or a test implements it.
 *
 * <p>The methods may block for as long as the person takes (the {@link Authenticator} calls them on the
 * client's blocking pool, never on an I/O loop). A method that cannot answer throws
 * {@link LoginException} with {@link LoginError#CANCELLED}; returning {@code null} means the same.
 * Wrong answers are not thrown at the flow: it is asked again, told the {@code previousError}.
 */
public interface LoginFlow {

    /**
     * What {@link #code} returns to ask Telegram to send the code again, the next way it offers
     * ({@link CodeRequest#nextDelivery()}: an SMS after an in-app message, a call after an SMS...).
     */
    String RESEND_CODE = "resend";

    /** @return the phone number in international format, such as {@code +15551234567} */
    String phoneNumber();

    /**
     * @param request where the code went and what went wrong before
     * @return the code, or {@link #RESEND_CODE} to have it sent again another way
     */
    String code(CodeRequest request);

    /**
     * The account has two-step verification.
     *
     * @param request the hint and what went wrong before
     * @return the password; the {@code char[]} is erased after use
     */
    char[] password(PasswordRequest request);

    /**
     * The number has no account. The default refuses to create one ({@link LoginError#CANCELLED}).
     *
     * @param request the number and Telegram's terms of service
     * @return the new account's names; returning them accepts the terms
     */
    default SignUpDetails signUp(SignUpRequest request) {
        throw new LoginException(LoginError.CANCELLED, "the number " + request.phoneNumber() + " has no account and this flow does not sign up");
    }

    /**
     * QR login: show this token (as {@link QrLogin#link()} in a QR code) for the person to scan. Called
     * again with a fresh token before the previous one expires. The default does nothing.
     *
     * @param login the token
     */
    default void showQrCode(QrLogin login) {
    }
}
