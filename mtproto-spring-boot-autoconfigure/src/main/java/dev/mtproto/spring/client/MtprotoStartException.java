package dev.mtproto.spring.client;

/** A Telegram account could not connect or sign in when the application started; the cause says why. */
public final class MtprotoStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String accountName;

    /**
     * @param accountName the account
     * @param message what went wrong and what to check
     * @param cause the underlying failure
     */
    public MtprotoStartException(String accountName, String message, Throwable cause) {
        super(message, cause);
        this.accountName = accountName;
    }

    /** @return the account that could not start */
    public String accountName() {
        return accountName;
    }
}
