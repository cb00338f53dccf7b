package dev.mtproto.client;

import dev.mtproto.client.interceptor.AuthorizationTransfer;
import dev.mtproto.client.interceptor.FloodWaitInterceptor;
import dev.mtproto.client.interceptor.MigrationInterceptor;
import dev.mtproto.client.interceptor.RpcInterceptor;
import dev.mtproto.tl.TlMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interceptors every client has, after the configured ones: the peer cache taking in every answer
 * (before the configured ones see it), DC migrations (outermost of the three, so
 * a redirected call passes the others again; unless {@link ClientConfig#followMigrations()} is off), the
 * transfer of the account's authorization to other DCs, and flood waits (innermost: each attempt at a DC).
 */
final class BuiltInInterceptors {
    private static final Logger LOG = LoggerFactory.getLogger(BuiltInInterceptors.class);

    private BuiltInInterceptors() {
    }

    static List<RpcInterceptor> after(List<RpcInterceptor> configured, MtprotoClient client, ClientEvents events) {
        List<RpcInterceptor> all = new ArrayList<>(configured);
        all.add(new PeerAbsorber(client));
        if (client.config().followMigrations()) {
            all.add(migrations(client, events));
        }
        all.add(authorizationTransfer(client));
        all.add(new FloodWaitInterceptor(client.config().floodWaitThreshold(),
                (method, connection, wait, waiting) -> events.post(l -> l.floodWait(method, connection, wait, waiting)),
                System::nanoTime));
        return all;
    }

    private static MigrationInterceptor migrations(MtprotoClient client, ClientEvents events) {
        return new MigrationInterceptor(new MigrationInterceptor.Home() {
            @Override
            public boolean knows(int dcId) {
                return client.dcOptions().knows(dcId);
            }

            @Override
            public ConnectionId homeConnection() {
                return ConnectionId.main(client.homeDc());
            }

            @Override
            public void moveHome(int dcId) {
                client.changeHomeDc(dcId);
            }

            @Override
            public void migrated(String method, ConnectionId from, ConnectionId to, boolean homeMoved) {
                LOG.info("{}: {} answered *_MIGRATE_{}; {}", method, from, to.dcId(), homeMoved ? "the home DC moves there" : "sent there");
                events.post(l -> l.migrated(method, from, to, homeMoved));
            }
        });
    }

    private static AuthorizationTransfer authorizationTransfer(MtprotoClient client) {
        return new AuthorizationTransfer(new AuthorizationTransfer.Account() {
            @Override
            public long signedInUserId() {
                return client.account().userId();
            }

            @Override
            public int homeDc() {
                return client.homeDc();
            }

            @Override
            public boolean authorizedOn(int dcId) {
                return client.account().authorizedOn(dcId);
            }

            @Override
            public void markAuthorized(int dcId, long userId) {
                client.account().markAuthorized(dcId, userId != 0);
            }

            @Override
            public <R> CompletableFuture<R> call(ConnectionId target, TlMethod<R> method) {
                return client.invoke(target, method, client.config().requestTimeout());
            }
        });
    }
}
