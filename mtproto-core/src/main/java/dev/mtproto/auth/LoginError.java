package dev.mtproto.auth;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why signing in failed or must ask again, as a value to act on rather than a string to parse. Each
 * constant names the {@code rpc_error} Telegram answers with (https://core.telegram.org/api/auth and the
 * pages of the {@code auth.*} methods) and says what it means for the sign-in.
 */
public enum LoginError {
    /** The phone number is not one Telegram accepts: ask for it again. */
    PHONE_NUMBER_INVALID("PHONE_NUMBER_INVALID", Kind.ASK_AGAIN),
    /** The number is banned from Telegram. */
    PHONE_NUMBER_BANNED("PHONE_NUMBER_BANNED", Kind.FATAL),
    /** Too many codes were asked for this number recently. */
    PHONE_NUMBER_FLOOD("PHONE_NUMBER_FLOOD", Kind.FATAL),
    /** The number may not sign up with this app. */
    PHONE_NUMBER_APP_SIGNUP_FORBIDDEN("PHONE_NUMBER_APP_SIGNUP_FORBIDDEN", Kind.FATAL),
    /** The number is already registered (sign-up of a number that has an account). */
    PHONE_NUMBER_OCCUPIED("PHONE_NUMBER_OCCUPIED", Kind.FATAL),
    /** The code is wrong: ask for it again. */
    PHONE_CODE_INVALID("PHONE_CODE_INVALID", Kind.ASK_AGAIN),
    /** The code was not given: ask for it again. */
    PHONE_CODE_EMPTY("PHONE_CODE_EMPTY", Kind.ASK_AGAIN),
    /** The code expired: a new one is sent and asked for. */
    PHONE_CODE_EXPIRED("PHONE_CODE_EXPIRED", Kind.NEW_CODE),
    /** The sign-in must start over (the code hash is no longer valid). */
    AUTH_RESTART("AUTH_RESTART", Kind.NEW_CODE),
    /** The 2FA password is wrong: ask for it again. */
    PASSWORD_HASH_INVALID("PASSWORD_HASH_INVALID", Kind.ASK_AGAIN),
    /** The password's SRP parameters changed meanwhile: fetched again and asked again. */
    SRP_ID_INVALID("SRP_ID_INVALID", Kind.ASK_AGAIN),
    /** The account has 2FA set but the server offers a password algorithm this client does not know. */
    PASSWORD_ALGORITHM_UNSUPPORTED("PASSWORD_ALGORITHM_UNSUPPORTED", Kind.FATAL),
    /** The first name given for sign-up is empty or too long: ask again. */
    FIRSTNAME_INVALID("FIRSTNAME_INVALID", Kind.ASK_AGAIN),
    /** The last name given for sign-up is too long: ask again. */
    LASTNAME_INVALID("LASTNAME_INVALID", Kind.ASK_AGAIN),
    /** The bot token is not valid (revoked, or not a token of this shape). */
    ACCESS_TOKEN_INVALID("ACCESS_TOKEN_INVALID", Kind.FATAL),
    /** The bot token expired. */
    ACCESS_TOKEN_EXPIRED("ACCESS_TOKEN_EXPIRED", Kind.FATAL),
    /** The api_id / api_hash pair is not valid. */
    API_ID_INVALID("API_ID_INVALID", Kind.FATAL),
    /** The QR login token expired before it was scanned (a new one is made while the flow waits). */
    AUTH_TOKEN_EXPIRED("AUTH_TOKEN_EXPIRED", Kind.NEW_CODE),
    /** The QR login token is not valid. */
    AUTH_TOKEN_INVALID("AUTH_TOKEN_INVALID", Kind.FATAL),
    /** Telegram asks to wait before trying again ({@link LoginException#waitSeconds()}). */
    FLOOD_WAIT("FLOOD_WAIT", Kind.FATAL),
    /** The flow gave up (returned nothing or said so). */
    CANCELLED("CANCELLED", Kind.FATAL),
    /** Too many wrong answers in a row. */
    TOO_MANY_ATTEMPTS("TOO_MANY_ATTEMPTS", Kind.FATAL),
    /** Telegram requires something this client cannot do in this flow (payment, e-mail set-up, a passkey). */
    UNSUPPORTED("UNSUPPORTED", Kind.FATAL);

    /** What an error means for the flow. */
    public enum Kind {
        /** Ask the flow for the same value again. */
        ASK_AGAIN,
        /** Get a new code (or token) and ask for it. */
        NEW_CODE,
        /** Stop: the sign-in fails with this error. */
        FATAL
    }

    private final String rpcName;
    private final Kind kind;

    LoginError(String rpcName, Kind kind) {
        this.rpcName = rpcName;
        this.kind = kind;
    }

    /** @return the {@code rpc_error} message this stands for (without a number) */
    public String rpcName() {
        return rpcName;
    }

    /** @return what the error means for the flow */
    public Kind kind() {
        return kind;
    }

    /**
     * @param rpcErrorName an {@code rpc_error} message without its number, such as {@code PHONE_CODE_INVALID}
     * @return the matching error, if it is one of the sign-in errors
     */
    public static Optional<LoginError> ofRpcName(String rpcErrorName) {
        if ("FLOOD_PREMIUM_WAIT".equals(rpcErrorName) || "FLOOD_TEST_PHONE_WAIT".equals(rpcErrorName)) {
            return Optional.of(FLOOD_WAIT);
        }
        if ("SRP_PASSWORD_CHANGED".equals(rpcErrorName)) {
            return Optional.of(SRP_ID_INVALID);
        }
        return Arrays.stream(values()).filter(e -> e.rpcName.equals(rpcErrorName)).findFirst();
    }
}
