package dev.mtproto.client.interceptor;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.DcRole;
import dev.mtproto.rpc.UnauthorizedException;
import dev.mtproto.tl.api.auth.ExportAuthorization;
import dev.mtproto.tl.api.auth.ExportedAuthorization;
import dev.mtproto.tl.api.auth.ExportedAuthorizationType;
import dev.mtproto.tl.api.auth.ImportAuthorization;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Carries the account's authorization to the other DCs it calls (https://core.telegram.org/api/datacenter):
 * before the first call of a signed-in client to a DC that is not its home,
 * {@code auth.exportAuthorization} on the home DC and {@code auth.importAuthorization} on the other, once per
 * DC (concurrent calls wait for the same transfer; the result is remembered by the client). A DC that later
 * answers {@code 401} as if it did not know us gets a new transfer and the call is tried again, once. Calls
 * of the {@code auth.*} and {@code help.*} namespaces, calls to a CDN DC (which knows no account), and calls of a
 * client that is not signed in, pass unchanged.
 */
public final class AuthorizationTransfer implements RpcInterceptor {

    /** What the transfer needs of its client. */
    public interface Account {
        /** @return the signed-in user, or 0 when the client is not signed in */
        long signedInUserId();

        /** @return the home DC */
        int homeDc();

        /**
         * @param dcId a DC
         * @return whether the account's authorization is known to be there
         */
        boolean authorizedOn(int dcId);

        /**
         * Remembers that the account's authorization is (or, with 0, is no longer) on a DC.
         *
         * @param dcId the DC
         * @param userId the user, or 0
         */
        void markAuthorized(int dcId, long userId);

        /**
         * Makes a call (through the whole chain again).
         *
         * @param target where
         * @param method what
         * @param <R> the result type
         * @return the result
         */
        <R> CompletableFuture<R> call(ConnectionId target, dev.mtproto.tl.TlMethod<R> method);
    }

    private final Account account;
    private final Map<Integer, CompletableFuture<Void>> transfers = new ConcurrentHashMap<>();

    /** @param account the client's account */
    public AuthorizationTransfer(Account account) {
        this.account = Objects.requireNonNull(account, "account");
    }

    @Override
    public <R> CompletableFuture<R> intercept(RpcChain<R> chain) {
        RpcRequest<R> request = chain.request();
        int dc = request.target().dcId();
        long user = account.signedInUserId();
        if (user == 0 || dc == account.homeDc() || request.target().role() == DcRole.CDN || exempt(request.methodName())) {
            return chain.proceed(request);
        }
        return ensureOn(dc, user).thenCompose(v -> chain.proceed(request)).exceptionallyCompose(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof UnauthorizedException && !((UnauthorizedException) cause).passwordNeeded() && request.attempt() == 1) {
                account.markAuthorized(dc, 0); // the DC forgot us: transfer again, and retry once
                return ensureOn(dc, user).thenCompose(v -> chain.proceed(request.nextAttempt()));
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    private static boolean exempt(String method) {
        return method.startsWith("auth.") || method.startsWith("help.");
    }

    private CompletableFuture<Void> ensureOn(int dc, long user) {
        if (account.authorizedOn(dc)) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = transfers.putIfAbsent(dc, mine);
        if (running != null) {
            return running;
        }
        account.call(ConnectionId.main(account.homeDc()), new ExportAuthorization(dc))
                .thenCompose((ExportedAuthorizationType exported) -> {
                    ExportedAuthorization e = (ExportedAuthorization) exported;
                    return account.call(ConnectionId.main(dc), new ImportAuthorization(e.id(), e.bytes()));
                })
                .whenComplete((result, error) -> {
                    transfers.remove(dc, mine);
                    if (error == null) {
                        account.markAuthorized(dc, user);
                        mine.complete(null);
                    } else {
                        mine.completeExceptionally(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
                    }
                });
        return mine;
    }

    @Override
    public String toString() {
        return "AuthorizationTransfer";
    }
}
