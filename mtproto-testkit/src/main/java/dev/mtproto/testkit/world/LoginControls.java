package dev.mtproto.testkit.world;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.accounts.PhoneNumbers;
import dev.mtproto.testkit.world.auth.LoginCodes;
import dev.mtproto.testkit.world.auth.PhoneLogin;
import dev.mtproto.testkit.world.authorizations.Authorizations;
import dev.mtproto.testkit.world.logintokens.LoginTokenMethods;
import dev.mtproto.tl.api.Authorization;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * How people sign in, for tests: the login codes the world sends (as their owners read them from the SMS)
 * and how long they last, QR login tokens an account's app accepts, who a key is signed in as, banned
 * numbers, and the DC numbers without an account are sent to.
 *
 * <pre>{@code
 * String code = world.logins().code("+15550001");           // the code the client's auth.sendCode sent
 * world.logins().codeLifetime(Duration.ofSeconds(30));
 * world.logins().acceptLoginToken(token, alice);            // as Alice's phone scanning the QR code
 * Optional<Account> who = world.logins().signedIn(1, authKeyId);
 * }</pre>
 *
 * <p>{@link World#reset()} puts the code lifetime and the DC for new numbers back to their defaults; codes
 * sent, banned numbers and who is signed in stay. Thread-safe.
 */
public final class LoginControls {
    private final Accounts accounts;
    private final Authorizations authorizations;
    private final LoginCodes codes;
    private final PhoneLogin phoneLogin;
    private final LoginTokenMethods loginTokens;
    private final HomeDcs homeDcs;
    private final Clock clock;

    LoginControls(Accounts accounts, Authorizations authorizations, LoginCodes codes, PhoneLogin phoneLogin,
            LoginTokenMethods loginTokens, HomeDcs homeDcs, Clock clock) {
        this.accounts = accounts;
        this.authorizations = authorizations;
        this.codes = codes;
        this.phoneLogin = phoneLogin;
        this.loginTokens = loginTokens;
        this.homeDcs = homeDcs;
        this.clock = clock;
    }

    /**
     * @param phone a phone number in any form the world reads
     * @return the last login code sent to it, as its owner reads it from the SMS
     */
    public Optional<String> lastCode(String phone) {
        return PhoneNumbers.normalize(phone).flatMap(codes::lastCode);
    }

    /**
     * @param phone a phone number
     * @return the last login code sent to it
     * @throws IllegalStateException if none was sent
     */
    public String code(String phone) {
        return lastCode(phone).orElseThrow(() -> new IllegalStateException("no login code was sent to " + phone));
    }

    /**
     * @param listener told every login code the world sends (the number, digits only, and the code), as
     *     its owner reads the SMS; the standalone test DC prints them. Called as the code is sent: be quick.
     */
    public void onCode(BiConsumer<String, String> listener) {
        codes.onCodeSent(listener);
    }

    /** @param lifetime how long login codes sent from now on can be used (default 5 minutes) */
    public void codeLifetime(Duration lifetime) {
        codes.lifetime(lifetime);
    }

    /**
     * Accepts a QR login token as an account, as its signed-in app does when it scans the code
     * ({@code auth.acceptLoginToken}); the exporting client gets {@code updateLoginToken}.
     *
     * @param token the token of {@code auth.loginToken}
     * @param by the account
     * @return the {@code authorization} of the app being signed in
     * @throws dev.mtproto.rpc.RpcException {@code AUTH_TOKEN_INVALID}, {@code AUTH_TOKEN_EXPIRED} or
     *     {@code AUTH_TOKEN_ALREADY_ACCEPTED}, as the method answers
     */
    public Authorization acceptLoginToken(byte[] token, Account by) {
        return loginTokens.accept(token, by, clock.millis() / 1000);
    }

    /**
     * @param dcId a DC
     * @param authKeyId a key (a temporary key counts as the permanent key it is bound to)
     * @return the account the key is signed in as on that DC
     */
    public Optional<Account> signedIn(int dcId, long authKeyId) {
        long perm = authorizations.permKeyOf(dcId, authKeyId, clock.millis() / 1000).orElse(authKeyId);
        return authorizations.signedIn(dcId, perm).flatMap(s -> accounts.byId(s.userId()));
    }

    /**
     * @param phone a number Telegram bans: {@code auth.sendCode} answers {@code 400 PHONE_NUMBER_BANNED}
     * @throws IllegalArgumentException if it is not a phone number
     */
    public void banPhoneNumber(String phone) {
        accounts.ban(PhoneNumbers.normalize(phone).orElseThrow(() -> new IllegalArgumentException("not a phone number: " + phone)));
    }

    /**
     * Sends numbers without an account to one DC, as Telegram does by the client's IP address: asked
     * elsewhere, {@code auth.sendCode} answers {@code 303 NETWORK_MIGRATE_X}.
     *
     * @param dc the DC, or 0 for the DC asked (the default)
     * @throws IllegalArgumentException if the cluster has no such DC
     */
    public void newNumbersDc(int dc) {
        if (dc != 0) {
            homeDcs.require(dc);
        }
        phoneLogin.newNumbersDc(dc);
    }

    /** Puts the DC for new numbers and the code lifetime back to their defaults. */
    void reset() {
        phoneLogin.newNumbersDc(0);
        codes.lifetime(LoginCodes.DEFAULT_LIFETIME);
    }
}
