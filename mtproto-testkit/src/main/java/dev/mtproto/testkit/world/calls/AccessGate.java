package dev.mtproto.testkit.world.calls;

import dev.mtproto.testkit.DcKey;
import dev.mtproto.testkit.TestCall;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.authorizations.Authorizations;
import dev.mtproto.testkit.world.authorizations.SignedIn;
import dev.mtproto.tl.api.auth.BindTempAuthKey;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The checks Telegram makes before it runs a call, in its order:
 * <ol>
 *   <li>a CDN DC (https://core.telegram.org/cdn) keeps no authorizations and answers only
 *       {@code upload.getCdnFile}: anything else the world answers is {@code 400 CDN_METHOD_INVALID};</li>
 *   <li>an unbound temporary key may call only {@code auth.bindTempAuthKey}, {@code help.getConfig} and
 *       {@code help.getNearestDc} (https://core.telegram.org/api/pfs); anything else is
 *       {@code 401 AUTH_KEY_PERM_EMPTY} (https://core.telegram.org/api/errors#401-unauthorized). A bound one
 *       acts for its permanent key.</li>
 *   <li>only the methods of the list at https://core.telegram.org/api/auth#we-are-authorized run before
 *       sign-in; others are {@code 401 AUTH_KEY_UNREGISTERED}.</li>
 *   <li>an account moved to another DC gets {@code 303 USER_MIGRATE_X} on the DC it signed in on
 *       (https://core.telegram.org/api/datacenter#user-migration), except to export its authorization or log
 *       out.</li>
 *   <li>methods only people may call are {@code 400 BOT_METHOD_INVALID} for bots.</li>
 * </ol>
 */
public final class AccessGate {
    /** https://core.telegram.org/api/auth#we-are-authorized: the methods a key may call before it signs in. */
    static final Set<String> UNAUTHORIZED_ALLOWED = Set.of(
            "account.deleteAccount", "account.getPassword", "account.sendVerifyEmailCode", "account.verifyEmail",
            "auth.bindTempAuthKey", "auth.cancelCode", "auth.checkPassword", "auth.exportLoginToken",
            "auth.importAuthorization", "auth.importBotAuthorization", "auth.importLoginToken",
            "auth.importWebTokenAuthorization", "auth.reportMissingCode", "auth.requestFirebaseSms", "auth.resendCode",
            "auth.resetLoginEmail", "auth.sendCode", "auth.signIn", "auth.signUp", "help.getAppConfig", "help.getConfig",
            "help.getCountriesList", "help.getDeepLinkInfo", "help.getNearestDc", "help.saveAppLog", "initConnection",
            "invokeWithLayer", "langpack.getDifference", "langpack.getLangPack", "langpack.getLanguage",
            "langpack.getLanguages", "langpack.getStrings", "payments.assignAppStoreTransaction",
            "payments.assignPlayMarketTransaction", "payments.canPurchaseStore", "payments.getPaymentForm",
            "payments.sendPaymentForm");
    /** What a key signed in on the DC its account left may still do there. */
    private static final Set<String> MIGRATION_EXEMPT = Set.of("auth.exportAuthorization", "auth.logOut");
    /** Methods whose pages say "Only users can use this method". */
    private static final Set<String> USERS_ONLY = Set.of("contacts.resolvePhone", "auth.acceptLoginToken", "account.getPassword",
            "auth.sendCode", "auth.signIn", "auth.signUp", "messages.getDialogs", "messages.searchGlobal");

    private final Accounts accounts;
    private final Authorizations authorizations;
    private final Clock clock;

    /**
     * @param accounts the world's accounts
     * @param authorizations who is signed in where
     * @param clock the world's clock
     */
    public AccessGate(Accounts accounts, Authorizations authorizations, Clock clock) {
        this.accounts = accounts;
        this.authorizations = authorizations;
        this.clock = clock;
    }

    /**
     * @param call a call no test scripted
     * @return who made it
     * @throws dev.mtproto.rpc.RpcException the error Telegram answers when a check fails
     */
    public Caller admit(TestCall call) {
        long now = clock.millis() / 1000;
        String name = call.method().tlName();
        if (call.dc().cdn()) {
            if (!(call.method() instanceof dev.mtproto.tl.api.upload.GetCdnFile)) {
                throw WorldErrors.of(400, "CDN_METHOD_INVALID", call);
            }
            return new Caller(call, now, call.authKeyId(), false, Optional.empty(), Optional.empty());
        }
        boolean temporary = call.dc().inspection().authKey(call.authKeyId()).map(DcKey::temporary).orElse(false);
        long permKeyId = call.authKeyId();
        if (temporary) {
            OptionalLong bound = authorizations.permKeyOf(call.dcId(), call.authKeyId(), now);
            if (bound.isEmpty()) {
                if (!(call.method() instanceof BindTempAuthKey)) {
                    throw WorldErrors.of(401, "AUTH_KEY_PERM_EMPTY", call);
                }
                return new Caller(call, now, permKeyId, true, Optional.empty(), Optional.empty());
            }
            permKeyId = bound.getAsLong();
        }
        Optional<SignedIn> signedIn = authorizations.signedIn(call.dcId(), permKeyId);
        Optional<Account> account = signedIn.flatMap(s -> accounts.byId(s.userId()));
        if (!UNAUTHORIZED_ALLOWED.contains(name)) {
            Account a = account.orElseThrow(() -> WorldErrors.of(401, "AUTH_KEY_UNREGISTERED", call));
            if (!signedIn.get().imported() && a.homeDc() != call.dcId() && !MIGRATION_EXEMPT.contains(name)) {
                throw WorldErrors.of(303, "USER_MIGRATE_" + a.homeDc(), call);
            }
        }
        if (account.isPresent() && account.get().bot() && USERS_ONLY.contains(name)) {
            throw WorldErrors.of(400, "BOT_METHOD_INVALID", call);
        }
        return new Caller(call, now, permKeyId, temporary, signedIn, account);
    }
}
