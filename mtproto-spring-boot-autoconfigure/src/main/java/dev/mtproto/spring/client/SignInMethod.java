package dev.mtproto.spring.client;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How an account signs in when its session is not signed in yet. Never shows the token or the phone number.
 *
 * @param kind bot token, phone number, QR code, or none (the session must already be signed in)
 * @param secret the bot token or the phone number; null for {@link Kind#QR_CODE} and {@link Kind#SESSION_ONLY}
 */
public record SignInMethod(Kind kind, @Nullable String secret) {

    /** Ways to sign in. */
    public enum Kind {
        /** With a bot token. */
        BOT_TOKEN,
        /** As a person, with a phone number, a code and maybe a password (a {@code LoginFlow} asks for them). */
        PHONE,
        /** As a person, by a QR code scanned in a Telegram app where the account is signed in (a {@code LoginFlow} shows it). */
        QR_CODE,
        /** Neither: the session store must hold a signed-in session. */
        SESSION_ONLY
    }

    /** @throws IllegalArgumentException if the secret does not fit the kind */
    public SignInMethod {
        Objects.requireNonNull(kind, "kind");
        boolean takesSecret = kind == Kind.BOT_TOKEN || kind == Kind.PHONE;
        if (takesSecret != (secret != null)) {
            throw new IllegalArgumentException(kind + (secret == null ? " needs a value" : " takes no value"));
        }
    }

    @Override
    public String toString() {
        return "SignInMethod[" + kind + "]";
    }
}
