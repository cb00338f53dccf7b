package dev.mtproto.testkit.world.updates;

import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDc;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.authorizations.Authorizations;
import dev.mtproto.testkit.world.authorizations.SignedIn;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keys that get an account's updates, as Telegram sends them: every key signed in as the account on
 * its home DC (https://core.telegram.org/api/updates), and the temporary key bound to each
 * (https://core.telegram.org/api/pfs). Keys that imported the authorization on other DCs get none.
 */
public final class HomeDcKeys implements PushTargets {
    private final TestCluster cluster;
    private final Accounts accounts;
    private final Authorizations authorizations;
    private final Clock clock;

    /**
     * @param cluster the DCs
     * @param accounts the world's accounts
     * @param authorizations who is signed in where
     * @param clock the world's clock
     */
    public HomeDcKeys(TestCluster cluster, Accounts accounts, Authorizations authorizations, Clock clock) {
        this.cluster = cluster;
        this.accounts = accounts;
        this.authorizations = authorizations;
        this.clock = clock;
    }

    @Override
    public List<PushTarget> of(long userId) {
        Optional<Account> account = accounts.byId(userId);
        if (account.isEmpty()) {
            return List.of();
        }
        int home = account.get().homeDc();
        Optional<TestDc> dc = cluster.dcs().stream().filter(d -> d.id() == home).findFirst();
        if (dc.isEmpty()) {
            return List.of();
        }
        long now = clock.millis() / 1000;
        List<PushTarget> out = new ArrayList<>();
        for (SignedIn s : authorizations.ofUser(userId)) {
            if (s.dcId() == home) {
                out.add(new PushTarget(dc.get(), s.permKeyId(), s.permKeyId()));
                authorizations.tempKeyOf(home, s.permKeyId(), now).ifPresent(t -> out.add(new PushTarget(dc.get(), s.permKeyId(), t)));
            }
        }
        return out;
    }
}
