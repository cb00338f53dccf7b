package dev.mtproto.spring.client;

/**
 * An account cannot start: its session is not signed in and nothing can sign it in here (no bot token, or a
 * phone number but nobody to type the code). The message says how to create the session.
 */
public final class SignInRequiredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String accountName;

    /**
     * @param accountName the account
     * @param message what is missing and how to fix it
     */
    public SignInRequiredException(String accountName, String message) {
        super(message);
        this.accountName = accountName;
    }

    /** @return the account that cannot start */
    public String accountName() {
        return accountName;
    }
}
