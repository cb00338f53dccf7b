package dev.mtproto.client.interceptor;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.FileMigrateHandling;
import dev.mtproto.rpc.MigrateException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Follows the DC redirections Telegram answers with (https://core.telegram.org/api/datacenter):
 * {@code PHONE_MIGRATE_X}, {@code USER_MIGRATE_X} and {@code NETWORK_MIGRATE_X} move the account's home DC to
 * X (the client remembers it) and retry the call there; {@code FILE_MIGRATE_X} and {@code STATS_MIGRATE_X}
 * send only that call to DC X, on a connection of the same role and lane, and never touch the home DC
 * ({@code FILE_MIGRATE} is left to the caller when the request says so: {@link RpcRequest#fileMigrate()}). A call
 * addressed to a DC explicitly (not to the home DC) never moves the home DC either: it is retried on X.
 * At most {@link #MAX_MIGRATIONS} redirections per call, so two DCs that point at each other cannot loop; a
 * redirection to a DC the client has no address for fails the call with the {@link MigrateException}.
 */
public final class MigrationInterceptor implements RpcInterceptor {
    /** How many times one call may be redirected. */
    public static final int MAX_MIGRATIONS = 3;

    /** What the interceptor needs of its client. */
    public interface Home {
        /**
         * @param dcId a DC
         * @return whether the client knows an address of it (a redirection elsewhere fails the call with the
         *     {@link MigrateException}, for the caller to see)
         */
        boolean knows(int dcId);

        /** @return the connection calls to the home DC go to now */
        ConnectionId homeConnection();

        /**
         * Moves the home DC.
         *
         * @param dcId the new home DC
         */
        void moveHome(int dcId);

        /**
         * Told about each redirection (for events).
         *
         * @param method the function
         * @param from where it went
         * @param to where it goes now
         * @param homeMoved whether the home DC moved
         */
        void migrated(String method, ConnectionId from, ConnectionId to, boolean homeMoved);
    }

    private final Home home;

    /** @param home the client's home DC */
    public MigrationInterceptor(Home home) {
        this.home = Objects.requireNonNull(home, "home");
    }

    @Override
    public <R> CompletableFuture<R> intercept(RpcChain<R> chain) {
        return attempt(chain, chain.request(), 0);
    }

    private <R> CompletableFuture<R> attempt(RpcChain<R> chain, RpcRequest<R> request, int migrations) {
        return chain.proceed(request).exceptionallyCompose(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (!(cause instanceof MigrateException migrate) || migrations >= MAX_MIGRATIONS
                    || migrate.targetDc() == request.target().dcId() || !home.knows(migrate.targetDc())
                    || migrate.kind() == MigrateException.Kind.FILE && request.fileMigrate() == FileMigrateHandling.CALLER_FOLLOWS) {
                return CompletableFuture.failedFuture(cause);
            }
            ConnectionId from = request.target();
            ConnectionId to = from.atDc(migrate.targetDc());
            boolean moveHome = migrate.kind().movesHomeDc() && from.equals(home.homeConnection());
            if (moveHome) {
                home.moveHome(migrate.targetDc());
            }
            home.migrated(request.methodName(), from, to, moveHome);
            return attempt(chain, request.withTarget(to).nextAttempt(), migrations + 1);
        });
    }

    @Override
    public String toString() {
        return "MigrationInterceptor";
    }
}
