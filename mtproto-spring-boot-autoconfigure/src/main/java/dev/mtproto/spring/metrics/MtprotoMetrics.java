package dev.mtproto.spring.metrics;

import dev.mtproto.spring.client.TelegramAccount;
import dev.mtproto.spring.client.TelegramClients;
import dev.mtproto.telegram.TelegramUpdate;
import dev.mtproto.updates.UpdateEngineEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.Objects;

/**
 * Binds the meters of every account: those its client's events feed ({@link ClientMeters}), pending calls,
 * updates received (by type), dispatched, queued, recovered from gaps and lost to "too long". Every meter is
 * tagged {@code mtproto.account}.
 */
public final class MtprotoMetrics implements MeterBinder {
    private final TelegramClients clients;
    private final ClientMetersRegistry clientMeters;

    /**
     * @param clients the accounts
     * @param clientMeters the meters their events feed
     */
    public MtprotoMetrics(TelegramClients clients, ClientMetersRegistry clientMeters) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clientMeters = Objects.requireNonNull(clientMeters, "clientMeters");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (TelegramAccount account : clients) {
            Tags tags = Tags.of(MtprotoMeterTags.ACCOUNT, account.name());
            clientMeters.find(account.name()).ifPresent(m -> m.bindTo(registry));
            Gauge.builder("mtproto.client.requests.pending", account, a -> a.client().raw().pendingCalls())
                    .description("Calls queued or sent and not answered yet").tags(tags).register(registry);
            Gauge.builder("mtproto.updates.pending", account, a -> a.client().engine().queued())
                    .description("Updates waiting for the handlers or being handled").tags(tags).register(registry);
            FunctionCounter.builder("mtproto.updates.dispatched", account, TelegramAccount::updatesDispatched)
                    .description("Updates that reached the handlers").tags(tags).register(registry);
            account.client().onUpdate(update -> Counter.builder("mtproto.updates.received").description("Updates received, by type")
                    .tags(tags).tag("update.type", typeOf(update)).register(registry).increment());
            account.client().onEngineEvent(event -> engineEvent(registry, tags, event));
        }
    }

    private static void engineEvent(MeterRegistry registry, Tags tags, UpdateEngineEvent event) {
        if (event instanceof UpdateEngineEvent.GapRecovered gap) {
            Counter.builder("mtproto.updates.gaps").description("Gaps in the update sequences recovered by fetching the difference")
                    .tags(tags).tag("sequence", sequence(gap.sequence())).register(registry).increment();
        } else if (event instanceof UpdateEngineEvent.UpdatesLost lost) {
            Counter.builder("mtproto.updates.lost").description("Times Telegram could not give the updates missed (difference too long)")
                    .tags(tags).tag("sequence", sequence(lost.sequence())).register(registry).increment();
        }
    }

    private static String sequence(UpdateEngineEvent.Sequence sequence) {
        return sequence.name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param update an update
     * @return the value of its {@code update.type} tag: {@code new_message}, {@code callback_query}, {@code raw}...
     */
    static String typeOf(TelegramUpdate update) {
        return update.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
