package dev.mtproto.store.jdbc;

import dev.mtproto.store.HolderName;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;

/** Options of a {@link JdbcSessionStore}, checked as they are set; not thread-safe, build once. */
public final class JdbcSessionStoreBuilder {
    private static final int MAX_NAME_LENGTH = 200;
    private static final Duration MIN_LEASE = Duration.ofMillis(100);

    final DataSource dataSource;
    String sessionName = "default";
    String holder = HolderName.thisProcess();
    Duration lease = Duration.ofSeconds(30);
    Duration waitForLease = Duration.ZERO;
    private ScheduledExecutorService scheduler;

    /** Use {@link JdbcSessionStore#builder}. */
    JdbcSessionStoreBuilder(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Names the session, so that several live in one database.
     *
     * @param sessionName 1 to 200 printable characters
     * @return this builder
     * @throws IllegalArgumentException if the name is empty, too long or has control characters
     */
    public JdbcSessionStoreBuilder sessionName(String sessionName) {
        this.sessionName = checkName("sessionName", sessionName);
        return this;
    }

    /**
     * Names this store in the lease, as a refused opener will see it.
     *
     * @param holder 1 to 200 printable characters, for example a pod name; {@code pid@host} by default
     * @return this builder
     * @throws IllegalArgumentException if the name is empty, too long or has control characters
     */
    public JdbcSessionStoreBuilder holder(String holder) {
        this.holder = checkName("holder", holder);
        return this;
    }

    /**
     * Sets how long the lease lasts without renewal: how long a dead holder blocks its session. It is
     * renewed every third of it, so a process that stalls for longer than two thirds of it may lose it.
     *
     * @param lease at least 100 ms; 30 s by default
     * @return this builder
     * @throws IllegalArgumentException if shorter than 100 ms
     */
    public JdbcSessionStoreBuilder leaseDuration(Duration lease) {
        if (Objects.requireNonNull(lease, "lease").compareTo(MIN_LEASE) < 0) {
            throw new IllegalArgumentException("the lease must last at least " + MIN_LEASE.toMillis() + " ms, not " + lease);
        }
        this.lease = lease;
        return this;
    }

    /**
     * Sets how long opening waits for another holder's lease to expire before failing.
     *
     * @param wait zero (the default) to fail at once
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public JdbcSessionStoreBuilder waitForLease(Duration wait) {
        if (Objects.requireNonNull(wait, "wait").isNegative()) {
            throw new IllegalArgumentException("waitForLease must not be negative, not " + wait);
        }
        this.waitForLease = wait;
        return this;
    }

    /**
     * Renews the lease on this scheduler instead of the shared daemon thread.
     *
     * @param scheduler a scheduler that runs as long as the store is open
     * @return this builder
     * @throws NullPointerException if {@code scheduler} is null
     */
    public JdbcSessionStoreBuilder renewalScheduler(ScheduledExecutorService scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /**
     * Opens the store: creates or migrates the tables, takes the session's lease, starts renewing it.
     *
     * @return the open store
     * @throws SessionLeasedException if another store holds the lease (after waiting, if configured)
     * @throws SessionSchemaVersionException if the tables are of a newer schema version
     * @throws dev.mtproto.store.SessionStoreException if the database cannot be used
     */
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
