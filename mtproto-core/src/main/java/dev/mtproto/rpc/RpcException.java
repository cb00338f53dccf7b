package dev.mtproto.rpc;

import dev.mtproto.MtprotoException;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server answered a call with {@code rpc_error}: an HTTP-like code and an error message such as
 * {@code FLOOD_WAIT_30}, {@code PHONE_MIGRATE_2} or {@code PEER_ID_INVALID}
 * (https://core.telegram.org/api/errors).
 *
 * <p>{@link #of} picks a subclass where callers act differently: {@link FloodWaitException} (wait, then
 * retry), {@link MigrateException} (go to another DC), {@link UnauthorizedException} (code 401: log in
 * again).
 */
public class RpcException extends MtprotoException {
    private static final long serialVersionUID = 1L;
    private static final Pattern TRAILING_NUMBER = Pattern.compile("^(.*?)_(\\d+)$");

    private final int code;
    private final String errorMessage;
    private final String errorName;
    private final OptionalInt argument;
    private final String method;

    /**
     * @param code the error code (303, 400, 401, 403, 406, 420, 500, ... or a negative code)
     * @param errorMessage the error message as the server sent it
     * @param method the TL name of the call that failed, for the message
     */
    protected RpcException(int code, String errorMessage, String method) {
        super(method + " failed: " + code + " " + errorMessage);
        this.code = code;
        this.errorMessage = errorMessage;
        this.method = method;
        Matcher m = TRAILING_NUMBER.matcher(errorMessage);
        if (m.matches() && m.group(2).length() <= 9) {
            this.errorName = m.group(1);
            this.argument = OptionalInt.of(Integer.parseInt(m.group(2)));
        } else {
            this.errorName = errorMessage;
            this.argument = OptionalInt.empty();
        }
    }

    /**
     * Makes the exception for an {@code rpc_error}, of the subclass that matches it.
     *
     * @param code the error code
     * @param errorMessage the error message
     * @param method the TL name of the call that failed
     * @return a {@link FloodWaitException}, {@link MigrateException}, {@link UnauthorizedException} or plain
     *     {@code RpcException}
     */
    public static RpcException of(int code, String errorMessage, String method) {
        String message = errorMessage == null ? "" : errorMessage;
        RpcException plain = new RpcException(code, message, method);
        if (plain.argument().isPresent()) {
            int arg = plain.argument().getAsInt();
            switch (plain.errorName()) {
                case "FLOOD_WAIT", "FLOOD_PREMIUM_WAIT", "SLOWMODE_WAIT", "FLOOD_TEST_PHONE_WAIT", "TAKEOUT_INIT_DELAY":
                    return new FloodWaitException(code, message, method, arg);
                case "PHONE_MIGRATE", "USER_MIGRATE", "NETWORK_MIGRATE", "FILE_MIGRATE", "STATS_MIGRATE":
                    return new MigrateException(code, message, method, MigrateException.Kind.of(plain.errorName()), arg);
                default:
                    break;
            }
        }
        if (code == 401) {
            return new UnauthorizedException(code, message, method);
        }
        return plain;
    }

    /** @return the error code */
    public int code() {
        return code;
    }

    /** @return the error message as sent, such as {@code FLOOD_WAIT_30} */
    public String errorMessage() {
        return errorMessage;
    }

    /** @return the message without its numeric argument, such as {@code FLOOD_WAIT} (equal to the message when it has none) */
    public String errorName() {
        return errorName;
    }

    /** @return the numeric argument at the end of the message ({@code 30} in {@code FLOOD_WAIT_30}), if any */
    public OptionalInt argument() {
        return argument;
    }

    /** @return the TL name of the call that failed */
    public String method() {
        return method;
    }
}
