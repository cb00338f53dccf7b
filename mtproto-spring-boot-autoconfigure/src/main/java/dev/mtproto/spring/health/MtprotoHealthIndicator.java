package dev.mtproto.spring.health;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.ConnectionState;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.spring.client.TelegramAccount;
import dev.mtproto.spring.client.TelegramClients;
import dev.mtproto.tl.api.ApiSchema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code mtproto} health: {@code UP} when every account is signed in and its home DC's main connection
 * is up (or has been down for less than the grace period: a reconnect is no outage); {@code DOWN} when an
 * account's connection has been down longer, or its start failed; {@code UNKNOWN} while an account is still
 * starting; {@code OUT_OF_SERVICE} once stopped. The worst account decides. Details per account name:
 * status, home DC, layer, connection state, last ping round trip, age of the last update; never a secret.
 */
public final class MtprotoHealthIndicator extends AbstractHealthIndicator {
    private static final List<Status> WORST_FIRST = List.of(Status.DOWN, Status.OUT_OF_SERVICE, Status.UNKNOWN, Status.UP);

    private final TelegramClients clients;
    private final ConnectionWatches watches;
    private final Duration downAfter;
    private final Clock clock;

    /**
     * @param clients the accounts
     * @param watches since when their connections are down
     * @param downAfter how long an account may be without its connection before it counts as down
     * @param clock the time now
     * @throws IllegalArgumentException if {@code downAfter} is negative
     */
    public MtprotoHealthIndicator(TelegramClients clients, ConnectionWatches watches, Duration downAfter, Clock clock) {
        super("Telegram health check failed");
        if (downAfter.isNegative()) {
            throw new IllegalArgumentException("management.health.mtproto.down-after must not be negative, got " + downAfter);
        }
        this.clients = Objects.requireNonNull(clients, "clients");
        this.watches = Objects.requireNonNull(watches, "watches");
        this.downAfter = downAfter;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Status worst = Status.UP;
        for (TelegramAccount account : clients) {
            Map<String, Object> details = new LinkedHashMap<>();
            Status status = check(account, details);
            details.put("health", status.getCode());
            builder.withDetail(account.name(), details);
            if (WORST_FIRST.indexOf(status) < WORST_FIRST.indexOf(worst)) {
                worst = status;
            }
        }
        builder.status(worst);
    }

    private Status check(TelegramAccount account, Map<String, Object> details) {
        MtprotoClient client = account.client().raw();
        Instant now = clock.instant();
        ConnectionId home = ConnectionId.main(client.homeDc());
        ConnectionState state = client.state(home);
        details.put("status", account.status().name());
        details.put("dc", home.dcId());
        details.put("layer", ApiSchema.LAYER);
        details.put("connection", state.name());
        client.lastPingRtt().ifPresent(rtt -> details.put("lastPingRtt", rtt.toString()));
        account.lastUpdateAt().ifPresent(at -> details.put("lastUpdateAge", nonNegative(Duration.between(at, now)).toString()));
        account.failure().ifPresent(e -> details.put("error", e.getClass().getSimpleName()));
        return switch (account.status()) {
            case CREATED, CONNECTING -> Status.UNKNOWN;
            case FAILED -> Status.DOWN;
            case STOPPED -> Status.OUT_OF_SERVICE;
            case SIGNED_IN -> connectionHealth(watches.forAccount(account.name()).downSince(home, state == ConnectionState.CONNECTED), now, details);
        };
    }

    private Status connectionHealth(Optional<Instant> downSince, Instant now, Map<String, Object> details) {
        if (downSince.isEmpty()) {
            return Status.UP;
        }
        Duration down = nonNegative(Duration.between(downSince.get(), now));
        details.put("disconnectedFor", down.toString());
        return down.compareTo(downAfter) > 0 ? Status.DOWN : Status.UP;
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
