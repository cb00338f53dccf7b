package dev.mtproto.spring.actuate;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.spring.client.TelegramAccount;
import dev.mtproto.spring.client.TelegramClients;
import dev.mtproto.spring.handler.UpdateHandlerEndpoint;
import dev.mtproto.spring.handler.UpdateRouter;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The read-only {@code mtproto} Actuator endpoint: each account (status, user id, home DC and its connection,
 * sign-in time, updates dispatched and queued) and each {@code @UpdateHandler} (kind, account, invocations,
 * failures). It shows no secret: no token, key, hash or phone number.
 */
@Endpoint(id = "mtproto")
public final class MtprotoEndpoint {
    private final TelegramClients clients;
    private final @Nullable UpdateRouter router;

    /**
     * @param clients the accounts
     * @param router the update dispatch, or null when updates are off
     */
    public MtprotoEndpoint(TelegramClients clients, @Nullable UpdateRouter router) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.router = router;
    }

    /** @return the accounts and handlers as they are now */
    @ReadOperation
    public MtprotoDescriptor mtproto() {
        List<AccountDescriptor> accounts = clients.accounts().stream().map(MtprotoEndpoint::describe).toList();
        List<HandlerDescriptor> handlers = router == null ? List.of()
                : router.registry().endpoints().stream().map(MtprotoEndpoint::describe).toList();
        return new MtprotoDescriptor(accounts, handlers, router == null ? 0 : router.unhandledFailures());
    }

    private static AccountDescriptor describe(TelegramAccount account) {
        MtprotoClient client = account.client().raw();
        int home = client.homeDc();
        return new AccountDescriptor(account.name(), account.status().name(), account.userId().isPresent() ? account.userId().getAsLong() : null,
                home, client.state(ConnectionId.main(home)).name(), text(account.signedInAt()), text(account.lastUpdateAt()),
                account.updatesDispatched(), account.client().engine().queued(), client.pendingCalls());
    }

    private static HandlerDescriptor describe(UpdateHandlerEndpoint handler) {
        return new HandlerDescriptor(handler.id(), handler.updateKind().getSimpleName(), handler.client().isEmpty() ? null : handler.client(),
                handler.invocations(), handler.failures());
    }

    private static @Nullable String text(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }

    /**
     * What the endpoint answers.
     *
     * @param accounts the accounts, in the order of the properties
     * @param handlers the {@code @UpdateHandler} methods
     * @param unhandledFailures handler exceptions no exception handler took
     */
    public record MtprotoDescriptor(List<AccountDescriptor> accounts, List<HandlerDescriptor> handlers, long unhandledFailures) {
    }

    /**
     * One account.
     *
     * @param name its name in the properties
     * @param status {@code CREATED}, {@code CONNECTING}, {@code SIGNED_IN}, {@code FAILED} or {@code STOPPED}
     * @param userId the user it is signed in as, or null
     * @param homeDc its home DC
     * @param connection the state of the home DC's main connection
     * @param signedInAt when it signed in (ISO-8601), or null
     * @param lastUpdateAt when the last update reached the handlers (ISO-8601), or null
     * @param updatesDispatched updates that reached the handlers
     * @param updatesQueued updates waiting for the handlers or being handled
     * @param pendingCalls calls not answered yet
     */
    public record AccountDescriptor(String name, String status, @Nullable Long userId, int homeDc, String connection, @Nullable String signedInAt,
            @Nullable String lastUpdateAt, long updatesDispatched, int updatesQueued, int pendingCalls) {
    }

    /**
     * One handler method.
     *
     * @param id its id
     * @param updateKind the kind of update it gets ({@code NewMessage}...)
     * @param client the account it is bound to, or null for every account
     * @param invocations updates it was given
     * @param failures invocations that ended with an exception no exception handler took
     */
    public record HandlerDescriptor(String id, String updateKind, @Nullable String client, long invocations, long failures) {
    }
}
