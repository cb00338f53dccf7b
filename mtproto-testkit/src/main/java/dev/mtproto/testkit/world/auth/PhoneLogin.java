package dev.mtproto.testkit.world.auth;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.authorizations.Authorizations;
import dev.mtproto.testkit.world.authorizations.FutureAuthTokens;
import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.tl.api.CodeSettings;
import dev.mtproto.tl.api.DataJSON;
import dev.mtproto.tl.api.auth.AuthorizationSignUpRequired;
import dev.mtproto.tl.api.auth.CancelCode;
import dev.mtproto.tl.api.auth.ResendCode;
import dev.mtproto.tl.api.auth.SendCode;
import dev.mtproto.tl.api.auth.SentCode;
import dev.mtproto.tl.api.auth.SentCodeSuccess;
import dev.mtproto.tl.api.auth.SignIn;
import dev.mtproto.tl.api.auth.SignUp;
import dev.mtproto.tl.api.help.TermsOfService;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Signing in with a phone number (https://core.telegram.org/api/auth): {@code auth.sendCode},
 * {@code auth.resendCode}, {@code auth.cancelCode}, {@code auth.signIn} and {@code auth.signUp}, with the
 * errors their pages list.
 */
public final class PhoneLogin {
    /** The seconds {@code auth.sentCode.timeout} gives before {@code auth.resendCode} may send the next way. */
    static final int RESEND_TIMEOUT = 60;
    private static final int NAME_MAX = 64;
    private static final TermsOfService TERMS = TermsOfService.builder()
            .id(new DataJSON("{\"id\":\"testkit-terms-1\"}"))
            .text("By signing up for the test DC you agree that it is not Telegram.")
            .entities(List.of())
            .build();

    private final Accounts accounts;
    private final Authorizations authorizations;
    private final LoginCodes codes;
    private final FutureAuthTokens futureTokens;
    private final SignIns signIns;
    private final PhoneRouting routing;

    /**
     * @param accounts the world's accounts
     * @param authorizations who is signed in where
     * @param codes the login codes
     * @param futureTokens the future auth tokens handed out
     * @param signIns how a key signs in
     * @param dcExists whether the cluster has a DC (by id)
     */
    public PhoneLogin(Accounts accounts, Authorizations authorizations, LoginCodes codes, FutureAuthTokens futureTokens,
            SignIns signIns, IntPredicate dcExists) {
        this.accounts = accounts;
        this.authorizations = authorizations;
        this.codes = codes;
        this.futureTokens = futureTokens;
        this.signIns = signIns;
        this.routing = new PhoneRouting(accounts, dcExists);
    }

    /**
     * Sends numbers without an account to one DC: asked elsewhere, {@code auth.sendCode} answers
     * {@code 303 NETWORK_MIGRATE_X}, as Telegram does by the client's IP address.
     *
     * @param dc the DC new numbers sign up on, 0 for the DC they ask (the default)
     */
    public void newNumbersDc(int dc) {
        routing.newNumbersDc(dc);
    }

    /** @param handlers where the world's functions go */
    public void register(WorldHandlers handlers) {
        handlers.on(SendCode.class, this::sendCode)
                .on(ResendCode.class, this::resendCode)
                .on(CancelCode.class, this::cancelCode)
                .on(SignIn.class, this::signIn)
                .on(SignUp.class, this::signUp);
    }

    private Object sendCode(SendCode m, Caller c) {
        AppCredentials.check(m.apiId(), m.apiHash(), c.call());
        String phone = routing.number(m.phoneNumber(), c);
        if (accounts.banned(phone)) {
            throw WorldErrors.of(400, "PHONE_NUMBER_BANNED", c.call());
        }
        routing.checkHome(phone, c);
        Optional<Account> account = accounts.byPhone(phone);
        if (account.isPresent() && m.settings() instanceof CodeSettings settings
                && futureTokens.match(settings.logoutTokens(), Set.of(account.get().id()), c.nowSeconds()).isPresent()) {
            return new SentCodeSuccess(signIns.unlessPassword(c, account.get(), m.apiId()));
        }
        boolean signedInElsewhere = account.isPresent() && !authorizations.ofUser(account.get().id()).isEmpty();
        CodeSession s = codes.send(phone, c.dcId(), m.apiId(), signedInElsewhere ? CodeDelivery.APP : CodeDelivery.SMS,
                routing.fixedCode(phone, c), c.nowSeconds());
        return sentCode(s);
    }

    private static SentCode sentCode(CodeSession s) {
        boolean more = s.delivery().next() != null;
        return new SentCode(s.delivery().sentType(LoginCodes.LENGTH), s.hash(), s.delivery().nextType(), more ? RESEND_TIMEOUT : null);
    }

    /** https://core.telegram.org/method/auth.resendCode */
    private Object resendCode(ResendCode m, Caller c) {
        CodeSession s = liveCode(m.phoneNumber(), m.phoneCodeHash(), c);
        CodeDelivery next = s.delivery().next();
        if (next == null) {
            throw WorldErrors.of(406, "SEND_CODE_UNAVAILABLE", c.call());
        }
        return sentCode(codes.update(s.with(next)));
    }

    /** https://core.telegram.org/method/auth.cancelCode */
    private Object cancelCode(CancelCode m, Caller c) {
        codes.end(liveCode(m.phoneNumber(), m.phoneCodeHash(), c));
        return Boolean.TRUE;
    }

    /** https://core.telegram.org/method/auth.signIn */
    private Object signIn(SignIn m, Caller c) {
        String phone = routing.number(m.phoneNumber(), c);
        hashGiven(m.phoneCodeHash(), c);
        if (m.phoneCode() == null || m.phoneCode().isBlank()) {
            throw WorldErrors.of(400, "PHONE_CODE_EMPTY", c.call());
        }
        CodeSession s = liveCode(phone, m.phoneCodeHash(), c);
        if (!s.code().equals(m.phoneCode().strip())) {
            throw WorldErrors.of(400, "PHONE_CODE_INVALID", c.call());
        }
        Optional<Account> account = accounts.byPhone(phone);
        if (account.isEmpty()) {
            codes.update(s.with(CodeSession.State.SIGN_UP_ALLOWED));
            return new AuthorizationSignUpRequired(TERMS);
        }
        codes.end(s);
        return signIns.unlessPassword(c, account.get(), s.apiId());
    }

    /** https://core.telegram.org/method/auth.signUp */
    private Object signUp(SignUp m, Caller c) {
        String phone = routing.number(m.phoneNumber(), c);
        hashGiven(m.phoneCodeHash(), c);
        if (accounts.taken(phone)) {
            throw WorldErrors.of(400, "PHONE_NUMBER_OCCUPIED", c.call());
        }
        CodeSession s = liveCode(phone, m.phoneCodeHash(), c);
        if (s.state() != CodeSession.State.SIGN_UP_ALLOWED) {
            throw WorldErrors.of(400, "PHONE_CODE_EMPTY", c.call()); // auth.signIn has not proved the code yet
        }
        String first = m.firstName() == null ? "" : m.firstName().strip();
        String last = m.lastName() == null ? "" : m.lastName().strip();
        if (first.isEmpty() || first.length() > NAME_MAX) {
            throw WorldErrors.of(400, "FIRSTNAME_INVALID", c.call());
        }
        if (last.length() > NAME_MAX) {
            throw WorldErrors.of(400, "LASTNAME_INVALID", c.call());
        }
        Account account;
        try {
            account = accounts.createUser(phone, first, last, "", c.dcId());
        } catch (IllegalArgumentException e) {
            throw WorldErrors.of(400, "PHONE_NUMBER_OCCUPIED", c.call());
        }
        codes.end(s);
        return signIns.signIn(c, account, s.apiId());
    }

    /**
     * @return the live code of the number with that hash
     * @throws dev.mtproto.rpc.RpcException {@code PHONE_NUMBER_INVALID}, {@code PHONE_CODE_HASH_EMPTY}, a
     *     migration to the number's DC, or {@code 400 PHONE_CODE_EXPIRED} if there is no such live code
     */
    private CodeSession liveCode(String rawPhone, String hash, Caller c) {
        String phone = routing.number(rawPhone, c);
        hashGiven(hash, c);
        routing.checkHome(phone, c);
        return codes.find(phone, hash, c.nowSeconds()).orElseThrow(() -> WorldErrors.of(400, "PHONE_CODE_EXPIRED", c.call()));
    }

    private static void hashGiven(String hash, Caller c) {
        if (hash == null || hash.isEmpty()) {
            throw WorldErrors.of(400, "PHONE_CODE_HASH_EMPTY", c.call());
        }
    }
}
