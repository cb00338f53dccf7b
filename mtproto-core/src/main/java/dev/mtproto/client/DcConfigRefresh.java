package dev.mtproto.client;

import dev.mtproto.tl.api.Config;
import dev.mtproto.tl.api.ConfigType;
import dev.mtproto.tl.api.DcOption;
import dev.mtproto.tl.api.DcOptionType;
import dev.mtproto.tl.api.help.GetConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a client's DC addresses those Telegram lists (https://core.telegram.org/api/datacenter): once the
 * home DC is connected, {@code help.getConfig}; its {@code dc_options} (with every flag) replace the
 * addresses the client started from, which only bootstrap; again when the config expires. A config that
 * does not list the home DC keeps the old addresses (a client must never lose its way home). A failed
 * fetch is retried after a minute.
 */
final class DcConfigRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(DcConfigRefresh.class);
    private static final long RETRY_SECONDS = 60;
    private static final long MIN_REFRESH_SECONDS = 60;

    private final MtprotoClient client;
    private final ClientRuntime runtime;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicReference<Config> last = new AtomicReference<>();
    private volatile ScheduledFuture<?> next;
    private volatile boolean stopped;

    DcConfigRefresh(MtprotoClient client, ClientRuntime runtime) {
        this.client = client;
        this.runtime = runtime;
    }

    /** The home DC is connected: fetch the config now, once (later refreshes are scheduled). */
    void connected() {
        if (started.compareAndSet(false, true)) {
            fetch();
        }
    }

    /** @return the last config fetched */
    Optional<Config> lastConfig() {
        return Optional.ofNullable(last.get());
    }

    void stop() {
        stopped = true;
        ScheduledFuture<?> f = next;
        if (f != null) {
            f.cancel(false);
        }
    }

    private void fetch() {
        if (stopped) {
            return;
        }
        client.invoke(GetConfig.INSTANCE).whenComplete((config, error) -> {
            if (error != null) {
                LOG.debug("help.getConfig failed ({}); trying again in {} s", error.toString(), RETRY_SECONDS);
                schedule(RETRY_SECONDS);
                return;
            }
            apply(config);
            long nowSeconds = runtime.config().clockMillis().getAsLong() / 1000;
            schedule(Math.max(MIN_REFRESH_SECONDS, ((Config) config).expires() - nowSeconds));
        });
    }

    private void apply(ConfigType type) {
        Config config = (Config) type;
        last.set(config);
        List<DcAddress> addresses = new ArrayList<>();
        for (DcOptionType option : config.dcOptions()) {
            try {
                addresses.add(DcAddress.of((DcOption) option));
            } catch (IllegalArgumentException e) {
                LOG.debug("help.getConfig listed an address the client cannot use ({}); skipped", e.getMessage());
            }
        }
        List<DcAddress> unique = List.copyOf(new LinkedHashSet<>(addresses));
        if (unique.isEmpty()) {
            return;
        }
        DcOptions options = DcOptions.of(unique);
        if (!options.knows(client.homeDc())) {
            LOG.warn("help.getConfig lists no address of the home DC {}; keeping the addresses the client has", client.homeDc());
            return;
        }
        client.updateDcOptions(options);
    }

    private void schedule(long seconds) {
        if (!stopped) {
            next = runtime.resources().timer().schedule(this::fetch, seconds, TimeUnit.SECONDS);
        }
    }
}
