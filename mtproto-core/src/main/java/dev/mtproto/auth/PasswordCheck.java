package dev.mtproto.auth;

import dev.mtproto.crypto.RandomSource;
import dev.mtproto.crypto.SrpAnswer;
import dev.mtproto.crypto.SrpClient;
import dev.mtproto.crypto.SrpParameters;
import dev.mtproto.tl.api.InputCheckPasswordSRP;
import dev.mtproto.tl.api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow;
import dev.mtproto.tl.api.account.GetPassword;
import dev.mtproto.tl.api.account.PasswordType;
import dev.mtproto.tl.api.auth.AuthorizationType;
import dev.mtproto.tl.api.auth.CheckPassword;
import java.util.Arrays;
import java.util.Optional;

/**
 * Two-step verification (https://core.telegram.org/api/srp): fetch the password's SRP parameters
 * ({@code account.getPassword}, fresh each attempt: {@code srp_B} changes), ask the flow for the password,
 * answer with SRP ({@link SrpClient}: the client's own secret from its own secure random, p and g checked as
 * for Diffie-Hellman), {@code auth.checkPassword}; a wrong password is asked again, up to a few times.
 */
final class PasswordCheck {
    private static final int MAX_ATTEMPTS = 5;

    private final BlockingCalls calls;
    private final RandomSource random;

    PasswordCheck(BlockingCalls calls, RandomSource random) {
        this.calls = calls;
        this.random = random;
    }

    AuthorizationType run(LoginFlow flow) {
        LoginError previous = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            PasswordType password = calls.call(GetPassword.INSTANCE, "fetching the 2FA password parameters");
            if (!(password instanceof dev.mtproto.tl.api.account.Password p) || !p.hasPassword() || p.srpB() == null || p.srpId() == null) {
                throw new LoginException(LoginError.UNSUPPORTED, "Telegram asked for a 2FA password but the account has none set");
            }
            if (!(p.currentAlgo() instanceof PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow algo)) {
                throw new LoginException(LoginError.PASSWORD_ALGORITHM_UNSUPPORTED,
                        "the account's password uses " + (p.currentAlgo() == null ? "no algorithm" : p.currentAlgo().tlName()));
            }
            char[] secret = flow.password(new PasswordRequest(Optional.ofNullable(p.hint()).filter(h -> !h.isEmpty()), attempt,
                    Optional.ofNullable(previous)));
            if (secret == null) {
                throw new LoginException(LoginError.CANCELLED, "no 2FA password was given");
            }
            SrpAnswer answer;
            try {
                answer = SrpClient.answer(secret, new SrpParameters(p.srpId(), algo.salt1(), algo.salt2(), algo.g(), algo.p(), p.srpB()), random);
            } finally {
                Arrays.fill(secret, '\0');
            }
            try {
                return calls.call(new CheckPassword(new InputCheckPasswordSRP(answer.srpId(), answer.a(), answer.m1())), "checking the 2FA password");
            } catch (LoginException e) {
                if (e.error().kind() != LoginError.Kind.ASK_AGAIN) {
                    throw e;
                }
                previous = e.error();
            }
        }
        throw new LoginException(LoginError.TOO_MANY_ATTEMPTS, "the 2FA password was refused " + MAX_ATTEMPTS + " times");
    }
}
