package dev.mtproto.spring.handler;

import dev.mtproto.spring.client.TelegramAccount;
import dev.mtproto.spring.client.TelegramClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts receiving updates once every account is signed in (a high phase, after the client lifecycle's and
 * the web server's) and, when the application stops, stops first: intake closes, the handlers finish what is
 * queued within the drain timeout (Boot's {@code spring.lifecycle.timeout-per-shutdown-phase}), and the update
 * state each handler reached is stored, so what was not handled is fetched again at the next start and
 * nothing is lost.
 */
public final class UpdateDispatcherLifecycle implements SmartLifecycle {
    /** Like Kafka's listener containers: stops before the web server and long before the client. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 100;

    private static final Logger LOG = LoggerFactory.getLogger(UpdateDispatcherLifecycle.class);

    private final TelegramClients clients;
    private final UpdateRouter router;
    private final Duration drainTimeout;
    private final Duration catchUpWait;
    private final boolean autoStartup;
    private volatile boolean running;
    private boolean attached;

    /**
     * @param clients the accounts
     * @param router where their updates go
     * @param drainTimeout how long stopping waits for queued updates to be handled
     * @param catchUpWait how long starting waits for the accounts to learn their update state and deliver
     *     what they missed (past it, catching up goes on in the background)
     * @param autoStartup whether to start with the application
     */
    public UpdateDispatcherLifecycle(TelegramClients clients, UpdateRouter router, Duration drainTimeout, Duration catchUpWait, boolean autoStartup) {
        this.clients = clients;
        this.router = router;
        this.drainTimeout = drainTimeout;
        this.catchUpWait = catchUpWait;
        this.autoStartup = autoStartup;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    @Override
    public synchronized void start() {
        if (!attached) {
            for (TelegramAccount account : clients) {
                account.client().onUpdate(update -> router.route(account, update));
            }
            attached = true;
        }
        List<CompletableFuture<Void>> caughtUp = new ArrayList<>();
        for (TelegramAccount account : clients) {
            caughtUp.add(account.client().engine().start().whenComplete((x, e) -> {
                if (e != null) {
                    LOG.warn("Telegram account '{}' could not catch up with what it missed: {}", account.name(), e.toString());
                } else {
                    LOG.debug("Telegram account '{}' caught up", account.name());
                }
            }));
        }
        running = true;
        try {
            // so the application counts as started once updates flow (an update sent before would otherwise race the
            // first updates.getState of a new session)
            CompletableFuture.allOf(caughtUp.toArray(CompletableFuture[]::new)).get(catchUpWait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.info("Telegram accounts {} are still catching up after {}; that goes on in the background", clients.names(), catchUpWait);
        } catch (java.util.concurrent.ExecutionException e) {
            // logged per account above; updates still flow from now on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("dispatching Telegram updates of {} to {} @UpdateHandler method(s)", clients.names(), router.registry().endpoints().size());
    }

    @Override
    public void stop() {
        stopAll().join();
    }

    @Override
    public void stop(Runnable callback) {
        stopAll().whenComplete((x, e) -> callback.run());
    }

    private CompletableFuture<Void> stopAll() {
        running = false;
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (TelegramAccount account : clients) {
            int queued = account.client().engine().queued();
            if (queued > 0) {
                LOG.info("Telegram account '{}': handling the {} queued update(s) before stopping (at most {})", account.name(), queued, drainTimeout);
            }
            stops.add(account.client().engine().stop(drainTimeout));
        }
        return CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
