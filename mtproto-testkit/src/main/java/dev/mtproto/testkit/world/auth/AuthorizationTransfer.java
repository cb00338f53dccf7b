package dev.mtproto.testkit.world.auth;

import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.authorizations.Authorizations;
import dev.mtproto.testkit.world.authorizations.SignedIn;
import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.tl.api.auth.ExportAuthorization;
import dev.mtproto.tl.api.auth.ExportedAuthorization;
import dev.mtproto.tl.api.auth.ImportAuthorization;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Carrying an authorization to another DC (https://core.telegram.org/api/datacenter#authorization-transfer):
 * {@code auth.exportAuthorization} on a signed-in key gives the user id and bytes for one DC
 * ({@code 400 DC_ID_INVALID} for this DC or one the cluster lacks); {@code auth.importAuthorization} there
 * signs the key in as the same authorization, once, within {@link #LIFETIME_SECONDS}
 * ({@code 400 AUTH_BYTES_INVALID} otherwise, {@code 400 USER_ID_INVALID} for another user id,
 * https://core.telegram.org/method/auth.importAuthorization). Thread-safe.
 */
public final class AuthorizationTransfer {
    /** How long exported bytes can be imported. */
    public static final long LIFETIME_SECONDS = 300;
    private static final int SIZE = 128;

    private record Exported(SignedIn origin, int targetDc, long expiresAt) {
    }

    private final Map<String, Exported> exported = new HashMap<>();
    private final Accounts accounts;
    private final Authorizations authorizations;
    private final SignIns signIns;
    private final IntPredicate dcExists;
    private final SecureRandom random;

    /**
     * @param accounts the world's accounts
     * @param authorizations who is signed in where
     * @param signIns how a key signs in
     * @param dcExists whether the cluster has a DC (by id)
     * @param random where the bytes come from
     */
    public AuthorizationTransfer(Accounts accounts, Authorizations authorizations, SignIns signIns, IntPredicate dcExists,
            SecureRandom random) {
        this.accounts = accounts;
        this.authorizations = authorizations;
        this.signIns = signIns;
        this.dcExists = dcExists;
        this.random = random;
    }

    /** @param handlers where the world's functions go */
    public void register(WorldHandlers handlers) {
        handlers.on(ExportAuthorization.class, this::exportAuthorization)
                .on(ImportAuthorization.class, this::importAuthorization);
    }

    private Object exportAuthorization(ExportAuthorization m, Caller c) {
        SignedIn origin = c.signedIn();
        if (m.dcId() == c.dcId() || !dcExists.test(m.dcId())) {
            throw WorldErrors.of(400, "DC_ID_INVALID", c.call());
        }
        byte[] bytes = new byte[SIZE];
        random.nextBytes(bytes);
        synchronized (exported) {
            exported.put(HexFormat.of().formatHex(bytes), new Exported(origin, m.dcId(), c.nowSeconds() + LIFETIME_SECONDS));
        }
        return new ExportedAuthorization(origin.userId(), bytes);
    }

    private Object importAuthorization(ImportAuthorization m, Caller c) {
        String key = HexFormat.of().formatHex(m.bytes());
        Exported e;
        synchronized (exported) {
            e = exported.get(key);
            if (e == null || e.targetDc() != c.dcId() || c.nowSeconds() >= e.expiresAt() || !stillSignedIn(e.origin())) {
                throw WorldErrors.of(400, "AUTH_BYTES_INVALID", c.call());
            }
            if (e.origin().userId() != m.id()) {
                throw WorldErrors.of(400, "USER_ID_INVALID", c.call());
            }
            exported.remove(key);
        }
        authorizations.importTo(c.dcId(), c.permKeyId(), e.origin(), c.nowSeconds());
        return signIns.result(accounts.byId(e.origin().userId()).orElseThrow(), c.nowSeconds());
    }

    private boolean stillSignedIn(SignedIn origin) {
        return authorizations.signedIn(origin.dcId(), origin.permKeyId()).map(s -> s.hash() == origin.hash()).orElse(false);
    }
}
