package dev.mtproto.auth;

import dev.mtproto.client.ClientConfig;
import dev.mtproto.rpc.UnauthorizedException;
import dev.mtproto.tl.api.CodeSettings;
import dev.mtproto.tl.api.auth.AuthorizationSignUpRequired;
import dev.mtproto.tl.api.auth.AuthorizationType;
import dev.mtproto.tl.api.auth.ResendCode;
import dev.mtproto.tl.api.auth.SendCode;
import dev.mtproto.tl.api.auth.SentCode;
import dev.mtproto.tl.api.auth.SentCodeSuccess;
import dev.mtproto.tl.api.auth.SentCodeTlType;
import dev.mtproto.tl.api.auth.SignIn;
import dev.mtproto.tl.api.auth.SignUp;
import dev.mtproto.tl.api.help.TermsOfService;
import java.util.Optional;

/**
 * Signing in as a person with a phone number (https://core.telegram.org/api/auth): {@code auth.sendCode}
 * (a DC that is not the number's home answers {@code PHONE_MIGRATE_X}; the client's migration interceptor
 * moves there and asks again), {@code auth.signIn} with the code the flow gives, then two-step verification
 * when the account has it, or {@code auth.signUp} when the number has no account. Wrong answers are asked
 * again (the flow sees why); an expired code brings a new one; everything else ends the sign-in with a
 * {@link LoginException}. Blocking: runs on the client's blocking pool.
 */
final class PhoneSignIn {
    private static final int MAX_ATTEMPTS = 5;

    private final BlockingCalls calls;
    private final ClientConfig config;
    private final PasswordCheck password;

    PhoneSignIn(BlockingCalls calls, PasswordCheck password) {
        this.calls = calls;
        this.config = calls.client().config();
        this.password = password;
    }

    AuthorizationType run(LoginFlow flow) {
        String phone = null;
        SentCodeTlType sent = null;
        for (int attempt = 1; sent == null; attempt++) {
            phone = flow.phoneNumber();
            if (phone == null || phone.isBlank()) {
                throw new LoginException(LoginError.CANCELLED, "no phone number was given");
            }
            try {
                sent = sendCode(phone);
            } catch (LoginException e) {
                if (e.error().kind() != LoginError.Kind.ASK_AGAIN || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
        if (sent instanceof SentCodeSuccess success) {
            return success.authorization(); // a future auth token was accepted: no code needed
        }
        if (!(sent instanceof SentCode code)) {
            throw new LoginException(LoginError.UNSUPPORTED, "Telegram answered the code request with " + sent.tlName());
        }
        return withCode(flow, phone, code);
    }

    private SentCodeTlType sendCode(String phone) {
        CodeSettings settings = CodeSettings.builder().build();
        return calls.call(new SendCode(phone, config.apiId(), config.apiHash(), settings), "sending the login code");
    }

    private AuthorizationType withCode(LoginFlow flow, String phone, SentCode sent) {
        LoginError previous = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            String code = flow.code(CodeDelivery.request(phone, sent, attempt, previous));
            if (code == null) {
                throw new LoginException(LoginError.CANCELLED, "no login code was given");
            }
            if (LoginFlow.RESEND_CODE.equals(code)) {
                SentCodeTlType again = calls.call(new ResendCode(phone, sent.phoneCodeHash(), null), "sending the code again");
                if (!(again instanceof SentCode next)) {
                    throw new LoginException(LoginError.UNSUPPORTED, "Telegram answered the new code request with " + again.tlName());
                }
                sent = next;
                previous = null;
                attempt--; // asking again another way is not a wrong answer
                continue;
            }
            try {
                AuthorizationType result = calls.call(new SignIn(phone, sent.phoneCodeHash(), code.strip(), null), "signing in");
                if (result instanceof AuthorizationSignUpRequired signUp) {
                    return signUp(flow, phone, sent, signUp);
                }
                return result;
            } catch (UnauthorizedException e) {
                if (e.passwordNeeded()) {
                    return password.run(flow);
                }
                throw e;
            } catch (LoginException e) {
                switch (e.error().kind()) {
                    case ASK_AGAIN -> previous = e.error();
                    case NEW_CODE -> {
                        SentCodeTlType again = sendCode(phone);
                        if (!(again instanceof SentCode next)) {
                            throw e;
                        }
                        sent = next;
                        previous = e.error();
                    }
                    default -> throw e;
                }
            }
        }
        throw new LoginException(LoginError.TOO_MANY_ATTEMPTS, "the login code was refused " + MAX_ATTEMPTS + " times");
    }

    private AuthorizationType signUp(LoginFlow flow, String phone, SentCode sent, AuthorizationSignUpRequired required) {
        Optional<String> terms = Optional.ofNullable((TermsOfService) required.termsOfService()).map(TermsOfService::text);
        LoginError previous = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            SignUpDetails names = flow.signUp(new SignUpRequest(phone, terms, attempt, Optional.ofNullable(previous)));
            if (names == null) {
                throw new LoginException(LoginError.CANCELLED, "the flow did not sign the number up");
            }
            try {
                return calls.call(new SignUp(false, phone, sent.phoneCodeHash(), names.firstName(), names.lastName()), "signing up");
            } catch (LoginException e) {
                if (e.error().kind() != LoginError.Kind.ASK_AGAIN) {
                    throw e;
                }
                previous = e.error();
            }
        }
        throw new LoginException(LoginError.TOO_MANY_ATTEMPTS, "the names for sign-up were refused " + MAX_ATTEMPTS + " times");
    }
}
