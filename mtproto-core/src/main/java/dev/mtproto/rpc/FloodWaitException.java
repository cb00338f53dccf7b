package dev.mtproto.rpc;

import java.time.Duration;

/**
 * The server asks to wait before calling again: {@code FLOOD_WAIT_X}, {@code FLOOD_PREMIUM_WAIT_X},
 * {@code SLOWMODE_WAIT_X} and the like, where X is the number of seconds.
 */
public final class FloodWaitException extends RpcException {
    private static final long serialVersionUID = 1L;

    private final int seconds;

    FloodWaitException(int code, String errorMessage, String method, int seconds) {
        super(code, errorMessage, method);
        this.seconds = seconds;
    }

    /** @return how many seconds to wait */
    public int waitSeconds() {
        return seconds;
    }

    /** @return how long to wait */
    public Duration waitDuration() {
        return Duration.ofSeconds(seconds);
    }
}
