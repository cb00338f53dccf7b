package dev.mtproto.auth;

import dev.mtproto.MtprotoException;
import dev.mtproto.rpc.FloodWaitException;
import dev.mtproto.rpc.RpcException;
import java.util.Objects;
import java.util.Optional;

/**
 * Signing in failed: {@link #error()} says why, as a value; {@link #waitSeconds()} how long Telegram asks
 * to wait for {@link LoginError#FLOOD_WAIT}. The message names the step and never contains a code,
 * password or token.
 */
public final class LoginException extends MtprotoException {
    private static final long serialVersionUID = 1L;

    private final LoginError error;
    private final int waitSeconds;

    /**
     * @param error why
     * @param message the step and what happened, without secrets
     */
    public LoginException(LoginError error, String message) {
        this(error, message, 0, null);
    }

    private LoginException(LoginError error, String message, int waitSeconds, Throwable cause) {
        super(message, cause);
        this.error = Objects.requireNonNull(error, "error");
        this.waitSeconds = waitSeconds;
    }

    /**
     * @param e an RPC error of a sign-in call
     * @param step the step, for the message ("sending the code")
     * @return the sign-in failure it stands for, if it is one of {@link LoginError}
     */
    static Optional<LoginException> of(RpcException e, String step) {
        if (e instanceof FloodWaitException f) {
            return Optional.of(new LoginException(LoginError.FLOOD_WAIT, step + ": Telegram asks to wait " + f.waitSeconds()
                    + " s (" + e.errorName() + ")", f.waitSeconds(), e));
        }
        return LoginError.ofRpcName(e.errorName()).map(error -> new LoginException(error, step + ": " + e.errorMessage(), 0, e));
    }

    /** @return why signing in failed */
    public LoginError error() {
        return error;
    }

    /** @return the seconds to wait, for {@link LoginError#FLOOD_WAIT}; 0 otherwise */
    public int waitSeconds() {
        return waitSeconds;
    }
}
