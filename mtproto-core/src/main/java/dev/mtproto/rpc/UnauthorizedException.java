package dev.mtproto.rpc;

/**
 * Code 401: the authorization key is not (or no longer) logged in: {@code AUTH_KEY_UNREGISTERED},
 * {@code SESSION_REVOKED}, {@code USER_DEACTIVATED}, {@code SESSION_PASSWORD_NEEDED} (2FA), ...
 */
public final class UnauthorizedException extends RpcException {
    private static final long serialVersionUID = 1L;

    UnauthorizedException(int code, String errorMessage, String method) {
        super(code, errorMessage, method);
    }

    /** @return whether the account has 2FA and the password step is next ({@code SESSION_PASSWORD_NEEDED}) */
    public boolean passwordNeeded() {
        return errorMessage().equals("SESSION_PASSWORD_NEEDED");
    }
}
