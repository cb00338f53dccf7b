package dev.mtproto.testkit.world.passwords;

import dev.mtproto.keyexchange.DhGroup;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.auth.SignIns;
import dev.mtproto.testkit.world.authorizations.Authorizations;
import dev.mtproto.testkit.world.authorizations.PendingPassword;
import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.tl.api.InputCheckPasswordSRP;
import dev.mtproto.tl.api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow;
import dev.mtproto.tl.api.SecurePasswordKdfAlgoPBKDF2HMACSHA512iter100000;
import dev.mtproto.tl.api.account.GetPassword;
import dev.mtproto.tl.api.account.Password;
import dev.mtproto.tl.api.auth.CheckPassword;
import java.util.Optional;

/**
 * 2FA (https://core.telegram.org/api/srp): {@code account.getPassword} gives the algorithm with a fresh
 * {@code srp_id} and {@code srp_B} for the account signed in, or the one the key proved the code of;
 * {@code auth.checkPassword} checks the SRP answer on the server's side and signs a waiting key in
 * ({@code 400 PASSWORD_HASH_INVALID}, {@code SRP_ID_INVALID}, {@code SRP_PASSWORD_CHANGED} otherwise,
 * https://core.telegram.org/method/auth.checkPassword).
 */
public final class PasswordMethods {
    private final Accounts accounts;
    private final Authorizations authorizations;
    private final Passwords passwords;
    private final SignIns signIns;

    /**
     * @param accounts the world's accounts
     * @param authorizations who is signed in where, and who waits for a password
     * @param passwords the accounts' passwords
     * @param signIns how a key signs in
     */
    public PasswordMethods(Accounts accounts, Authorizations authorizations, Passwords passwords, SignIns signIns) {
        this.accounts = accounts;
        this.authorizations = authorizations;
        this.passwords = passwords;
        this.signIns = signIns;
    }

    /** @param handlers where the world's functions go */
    public void register(WorldHandlers handlers) {
        handlers.on(GetPassword.class, (m, c) -> getPassword(c))
                .on(CheckPassword.class, this::checkPassword);
    }

    private Optional<PendingPassword> pending(Caller c) {
        return authorizations.pendingPassword(c.dcId(), c.permKeyId());
    }

    private Optional<Account> whose(Caller c) {
        return c.signedInAs().or(() -> pending(c).flatMap(p -> accounts.byId(p.userId())));
    }

    private Object getPassword(Caller c) {
        Password.Builder out = Password.builder()
                .newAlgo(algo(passwords.randomBytes(8), passwords.randomBytes(16)))
                .newSecureAlgo(new SecurePasswordKdfAlgoPBKDF2HMACSHA512iter100000(passwords.randomBytes(8)))
                .secureRandom(passwords.randomBytes(32));
        Optional<Account> account = whose(c);
        Optional<PasswordVerifier> verifier = account.flatMap(a -> passwords.of(a.id()));
        Optional<SrpChallenge> challenge = account.flatMap(a -> passwords.challenge(a.id(), c.nowSeconds()));
        if (verifier.isPresent() && challenge.isPresent()) {
            PasswordVerifier v = verifier.get();
            out.hasPassword(true)
                    .currentAlgo(algo(v.salt1(), v.salt2()))
                    .srpB(challenge.get().srpB())
                    .srpId(challenge.get().srpId())
                    .hint(v.hint().isEmpty() ? null : v.hint());
        }
        return out.build();
    }

    private static PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow algo(byte[] salt1, byte[] salt2) {
        return new PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow(salt1, salt2, DhGroup.TELEGRAM.g(),
                SrpServer.fixed(DhGroup.TELEGRAM.prime()));
    }

    private Object checkPassword(CheckPassword m, Caller c) {
        Optional<PendingPassword> pending = pending(c);
        Account account = whose(c).orElseThrow(() -> WorldErrors.of(400, "SRP_ID_INVALID", c.call()));
        if (!(m.password() instanceof InputCheckPasswordSRP srp)) {
            throw WorldErrors.of(400, "PASSWORD_HASH_INVALID", c.call()); // inputCheckPasswordEmpty
        }
        SrpCheck outcome = passwords.check(account.id(), srp.srpId(), srp.a(), srp.m1(), c.nowSeconds());
        if (outcome != SrpCheck.OK) {
            throw WorldErrors.of(400, outcome.name(), c.call());
        }
        if (c.signedInAs().isEmpty()) {
            return signIns.signIn(c, account, pending.map(PendingPassword::apiId).orElse(0));
        }
        return signIns.result(account, c.nowSeconds());
    }
}
