package dev.mtproto.spring.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Connects and signs in every account when the application starts, below the web server's phase (so the
 * client is ready before requests arrive), and closes the connections when it stops, after the update
 * dispatcher has drained ({@link dev.mtproto.spring.handler.UpdateDispatcherLifecycle} stops in a higher phase, so first).
 *
 * <p>Starting fails the application for a mistake retrying cannot fix (an untrusted DC key, a revoked bot
 * token, an account that cannot sign in here) and when an account is not signed in within the start
 * timeout; until then a DC that cannot be reached is retried with backoff.
 */
public final class MtprotoClientLifecycle implements SmartLifecycle {
    /** Below the web server ({@code DEFAULT_PHASE - 2048}): connects before it starts, disconnects after it stops. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final int ENGINE_STOP_WAIT_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(MtprotoClientLifecycle.class);

    private final TelegramClients clients;
    private final AccountSignIn signIn;
    private final ApplicationEventPublisher events;
    private final Duration startTimeout;
    private final boolean autoStartup;
    private volatile boolean running;

    /**
     * @param clients the accounts
     * @param flows asks for codes of person accounts that must sign in
     * @param events where the lifecycle events go
     * @param startTimeout how long connecting and signing in may take in all
     * @param autoStartup whether to start with the application
     */
    public MtprotoClientLifecycle(TelegramClients clients, LoginFlowProvider flows, ApplicationEventPublisher events, Duration startTimeout,
            boolean autoStartup) {
        this.clients = clients;
        this.signIn = new AccountSignIn(flows);
        this.events = events;
        this.startTimeout = startTimeout;
        this.autoStartup = autoStartup;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    /**
     * Connects and signs in every account, all at once.
     *
     * @throws MtprotoStartException if an account cannot connect or sign in (the cause says why)
     */
    @Override
    public void start() {
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (TelegramAccount account : clients) {
            account.connecting();
            all.add(account.client().raw().start()
                    .thenRun(() -> events.publishEvent(new MtprotoLifecycleEvent.Connected(account)))
                    .thenCompose(x -> signIn.signIn(account))
                    .thenRun(() -> {
                        account.signedIn();
                        LOG.info("Telegram account '{}' is signed in as user {} on DC {}", account.name(),
                                account.userId().orElse(0), account.client().raw().homeDc());
                        events.publishEvent(new MtprotoLifecycleEvent.SignedIn(account));
                    }));
        }
        long deadline = System.nanoTime() + startTimeout.toNanos();
        int i = 0;
        for (TelegramAccount account : clients) {
            await(account, all.get(i++), deadline);
        }
        running = true;
    }

    private void await(TelegramAccount account, CompletableFuture<?> started, long deadline) {
        try {
            started.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            fail(account, new MtprotoStartException(account.name(), "Telegram account '" + account.name() + "' was not connected and signed in within "
                    + startTimeout + " (mtproto.timeouts.start); the client keeps retrying a DC it cannot reach: check the network, the DC addresses and the proxy", e));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
            fail(account, cause instanceof SignInRequiredException s ? s
                    : new MtprotoStartException(account.name(), "Telegram account '" + account.name() + "' could not start: " + cause.getMessage(), cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(account, new MtprotoStartException(account.name(), "interrupted while Telegram account '" + account.name() + "' was starting", e));
        }
    }

    private void fail(TelegramAccount account, RuntimeException error) {
        account.failed(error);
        for (TelegramAccount a : clients) {
            a.client().raw().close();
        }
        throw error;
    }

    /**
     * Closes every account's connections, after its update engine has stored its state (the dispatcher's
     * stop, in a higher phase, has drained the handlers already; this waits for it to finish, at most
     * {@value #ENGINE_STOP_WAIT_SECONDS} s).
     */
    @Override
    public void stop() {
        for (TelegramAccount account : clients) {
            try {
                account.client().engine().stop(Duration.ofMillis(1)).get(ENGINE_STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                LOG.warn("Telegram account '{}': the update state may not be stored ({}); the next start may repeat recent updates", account.name(),
                        e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            account.client().raw().close();
            account.stopped();
            events.publishEvent(new MtprotoLifecycleEvent.Disconnected(account));
        }
        running = false;
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
