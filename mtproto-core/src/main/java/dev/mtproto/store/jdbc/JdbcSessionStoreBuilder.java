package dev.mtproto.store.jdbc;

import dev.mtproto.store.HolderName;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;

/** The options of a {@link JdbcSessionStore}, checked as they are set. */
final class JdbcSessionStoreBuilder implements JdbcSessionStore.Builder {
    private static final int MAX_NAME_LENGTH = 200;
    private static final Duration MIN_LEASE = Duration.ofMillis(100);

    final DataSource dataSource;
    String sessionName = "default";
    String holder = HolderName.thisProcess();
    Duration lease = Duration.ofSeconds(30);
    Duration waitForLease = Duration.ZERO;
    private ScheduledExecutorService scheduler;

    JdbcSessionStoreBuilder(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public JdbcSessionStore.Builder sessionName(String name) {
        this.sessionName = checkName("sessionName", name);
        return this;
    }

    @Override
    public JdbcSessionStore.Builder holder(String name) {
        this.holder = checkName("holder", name);
        return this;
    }

    @Override
    public JdbcSessionStore.Builder leaseDuration(Duration duration) {
        if (Objects.requireNonNull(duration, "lease").compareTo(MIN_LEASE) < 0) {
            throw new IllegalArgumentException("the lease must last at least " + MIN_LEASE.toMillis() + " ms, not " + duration);
        }
        this.lease = duration;
        return this;
    }

    @Override
    public JdbcSessionStore.Builder waitForLease(Duration wait) {
        if (Objects.requireNonNull(wait, "wait").isNegative()) {
            throw new IllegalArgumentException("waitForLease must not be negative, not " + wait);
        }
        this.waitForLease = wait;
        return this;
    }

    @Override
    public JdbcSessionStore.Builder renewalScheduler(ScheduledExecutorService executor) {
        this.scheduler = Objects.requireNonNull(executor, "scheduler");
        return this;
    }

    @Override
    public JdbcSessionStore build() {
        return JdbcSessionStore.create(this);
    }

    /** @return the scheduler given, or the shared daemon one */
    ScheduledExecutorService scheduler() {
        return scheduler != null ? scheduler : SharedTimer.INSTANCE;
    }

    private static String checkName(String what, String name) {
        Objects.requireNonNull(name, what);
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || !name.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
            throw new IllegalArgumentException(what + " must be 1 to " + MAX_NAME_LENGTH
                    + " characters without control characters (" + name.length() + " given)");
        }
        return name;
    }

    /** One daemon thread renewing the leases of every store that was given no scheduler. */
    private static final class SharedTimer {
        static final ScheduledExecutorService INSTANCE = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mtproto-session-lease");
            thread.setDaemon(true);
            return thread;
        });
    }
}
