package dev.mtproto.store.jdbc;

import dev.mtproto.store.DcAuthorization;
import dev.mtproto.store.PeerKind;
import dev.mtproto.store.PeerTable;
import dev.mtproto.store.SessionSnapshot;
import dev.mtproto.store.SessionStore;
import dev.mtproto.store.SessionStoreException;
import dev.mtproto.store.SignedInAccount;
import dev.mtproto.store.StoredPeer;
import dev.mtproto.store.UpdateState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SessionStore} in any SQL database reached through a {@link DataSource} ({@code java.sql} only):
 * for bots that run on several machines, or replicas of which one at a time is active. Tested on
 * PostgreSQL and H2; other databases get standard SQL.
 *
 * <pre>{@code
 * try (JdbcSessionStore store = JdbcSessionStore.builder(dataSource).sessionName("my-bot").build()) {
 *     ... // give it to the client; close it after the client
 * }
 * }</pre>
 *
 * <h2>Tables</h2>
 * Created on first use and versioned by the store (docs/sessions.md shows them): {@code mtproto_session}
 * (one row per session: lease, home DC, account, update state), {@code mtproto_dc_auth},
 * {@code mtproto_channel_pts}, {@code mtproto_peer}, and {@code mtproto_schema_version}. Several named
 * sessions share them. Tables of a newer version are refused ({@link SessionSchemaVersionException}).
 *
 * <h2>The session lease</h2>
 * Opening a session takes its lease: its row records this store's holder name ({@code pid@host} unless
 * configured) and an expiry computed by the database's clock. The store renews it every third of the lease
 * (on the scheduler it is given, or a shared daemon thread) and with every write, and releases it on
 * {@link #close()}. While another store holds an unexpired lease, opening fails with a
 * {@link SessionLeasedException} naming the holder and expiry, at once or after waiting up to
 * {@link JdbcSessionStoreBuilder#waitForLease} for it to expire; so two replicas never use one key at once, which Telegram
 * punishes with {@code AUTH_KEY_DUPLICATED}. A holder that dies stops renewing; its lease expires and the
 * next opener takes over. A store whose lease expired (its process stalled, or the database was unreachable,
 * for longer than the lease) has lost it for good: every later write fails with a
 * {@link SessionLeaseLostException} instead of overwriting the new holder's data. Reads keep working.
 *
 * <h2>Consistency</h2>
 * Thread-safe. Each write is one transaction that first renews the lease (locking the session's row, so
 * writes are serialized); each read is one query, and {@link #snapshot()} reads in one repeatable-read
 * transaction. Nothing is cached: every read asks the database.
 *
 * <p>Failures of the database are {@link SessionStoreException}s naming the session and the step, with the
 * driver's message and SQL state; no statement ever holds a key in text form, so no message shows one.
 */
public final class JdbcSessionStore implements SessionStore {
    private static final Logger log = LoggerFactory.getLogger(JdbcSessionStore.class);

    private final DataSource dataSource;
    private final String sessionName;
    private final SessionLease lease;
    private final SessionRows rows;
    private final PeerRows peers;
    private final LeasedTransactions transactions;
    private final ScheduledFuture<?> renewal;
    private volatile boolean closed;

    private JdbcSessionStore(JdbcSessionStoreBuilder builder) {
        this.dataSource = builder.dataSource;
        this.sessionName = builder.sessionName;
        this.rows = new SessionRows(sessionName);
        this.peers = new PeerRows(sessionName);
        try {
            SqlDialect dialect;
            try (Connection connection = dataSource.getConnection()) {
                dialect = SqlDialect.of(connection);
                JdbcSchema.ensure(connection, dialect);
            }
            this.lease = SessionLease.acquire(dataSource, dialect, sessionName, builder.holder, builder.lease,
                    builder.waitForLease);
        } catch (SQLException e) {
            throw LeasedTransactions.failure(sessionName, "open the session", e);
        }
        this.transactions = new LeasedTransactions(dataSource, lease, sessionName);
        long period = Math.max(1, lease.leaseMillis() / 3);
        try {
            this.renewal = builder.scheduler().scheduleWithFixedDelay(this::renewLease, period, period,
                    TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            releaseLease();
            throw e;
        }
    }

    /** Opens a store as configured; called by the builder. */
    static JdbcSessionStore create(JdbcSessionStoreBuilder builder) {
        return new JdbcSessionStore(builder);
    }

    /**
     * Starts building a store on a database.
     *
     * @param dataSource where the tables are (or will be created)
     * @return a builder with the defaults: session {@code "default"}, holder {@code pid@host}, a 30 s lease,
     *     no waiting for another holder's lease, the shared renewal thread
     * @throws NullPointerException if {@code dataSource} is null
     */
    public static JdbcSessionStoreBuilder builder(DataSource dataSource) {
        return new JdbcSessionStoreBuilder(dataSource);
    }

    /**
     * Opens a named session with the default options; the same as
     * {@code builder(dataSource).sessionName(sessionName).build()}.
     *
     * @param dataSource the database
     * @param sessionName the session's name
     * @return the open store, holding the session's lease until {@link #close()}
     * @throws SessionLeasedException if another store holds the session's lease
     * @throws SessionSchemaVersionException if the tables are of a newer schema version
     * @throws SessionStoreException if the database cannot be used
     */
    public static JdbcSessionStore open(DataSource dataSource, String sessionName) {
        return builder(dataSource).sessionName(sessionName).build();
    }

    /**
     * Returns the session's name.
     *
     * @return the name
     */
    public String sessionName() {
        return sessionName;
    }

    /**
     * Tells whether this store still holds its session's lease (it is open, and the lease was not lost).
     *
     * @return true while writes can succeed
     */
    public boolean holdsLease() {
        return !closed && !lease.lost();
    }

    @Override
    public Optional<DcAuthorization> loadAuthorization(int dcId) {
        SessionStore.checkDcId(dcId);
        return read("load the authorization of DC " + dcId, connection -> rows.authorization(connection, dcId));
    }

    @Override
    public void saveAuthorization(int dcId, DcAuthorization authorization) {
        SessionStore.checkDcId(dcId);
        Objects.requireNonNull(authorization, "authorization");
        write("save the authorization of DC " + dcId, connection -> rows.saveAuthorization(connection, dcId, authorization));
    }

    @Override
    public void deleteAuthorization(int dcId) {
        SessionStore.checkDcId(dcId);
        write("delete the authorization of DC " + dcId, connection -> rows.deleteAuthorization(connection, dcId));
    }

    @Override
    public OptionalInt loadHomeDc() {
        return read("load the home DC", rows::homeDc);
    }

    @Override
    public void saveHomeDc(int dcId) {
        SessionStore.checkDcId(dcId);
        write("save the home DC", connection -> rows.saveHomeDc(connection, dcId));
    }

    @Override
    public Optional<UpdateState> loadUpdateState() {
        return read("load the update state", rows::updateState);
    }

    @Override
    public void saveUpdateState(UpdateState state) {
        Objects.requireNonNull(state, "state");
        write("save the update state", connection -> rows.saveUpdateState(connection, state));
    }

    @Override
    public Map<Long, Integer> loadChannelPts() {
        return read("load the channel pts", rows::channelPts);
    }

    @Override
    public void saveChannelPts(Map<Long, Integer> changed) {
        Map<Long, Integer> checked = SessionSnapshot.checkedChannelPts(changed);
        if (!checked.isEmpty()) {
            write("save channel pts", connection -> rows.saveChannelPts(connection, checked));
        }
    }

    @Override
    public void savePeers(Collection<StoredPeer> batch) {
        List<StoredPeer> checked = List.copyOf(Objects.requireNonNull(batch, "peers"));
        if (!checked.isEmpty()) {
            write("save " + checked.size() + " peers", connection -> peers.save(connection, checked));
        }
    }

    @Override
    public Optional<StoredPeer> loadPeer(PeerKind kind, long id) {
        Objects.requireNonNull(kind, "kind");
        return read("load a peer", connection -> peers.byKey(connection, kind, id));
    }

    @Override
    public Optional<StoredPeer> findPeerByUsername(String username) {
        String normalized = StoredPeer.normalizeUsername(username);
        return read("find a peer by username", connection -> peers.find(connection, " AND username = ?", normalized));
    }

    @Override
    public Optional<StoredPeer> findPeerByPhone(String phone) {
        String normalized = StoredPeer.normalizePhone(phone);
        return read("find a peer by phone", connection -> peers.find(connection, " AND phone = ?", normalized));
    }

    @Override
    public Optional<SignedInAccount> loadAccount() {
        return read("load the account", rows::account);
    }

    @Override
    public void saveAccount(SignedInAccount account) {
        Objects.requireNonNull(account, "account");
        write("save the account", connection -> rows.saveAccount(connection, account));
    }

    @Override
    public void deleteAccount() {
        write("sign out", rows::signOut);
    }

    @Override
    public void clear() {
        write("clear the session", rows::clear);
    }

    @Override
    public SessionSnapshot snapshot() {
        return read("read the whole session", connection -> {
            int isolation = connection.getTransactionIsolation();
            boolean repeatable = connection.getMetaData()
                    .supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ);
            if (repeatable) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            connection.setAutoCommit(false);
            try {
                SessionSnapshot snapshot = new SessionSnapshot(rows.authorizations(connection), rows.homeDc(connection),
                        rows.account(connection), rows.updateState(connection), new TreeMap<>(rows.channelPts(connection)),
                        PeerTable.of(peers.all(connection)));
                connection.commit();
                return snapshot;
            } finally {
                connection.setAutoCommit(true);
                if (repeatable) {
                    connection.setTransactionIsolation(isolation);
                }
            }
        });
    }

    @Override
    public void restore(SessionSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        write("restore the whole session", connection -> {
            rows.clear(connection);
            for (Map.Entry<Integer, DcAuthorization> entry : snapshot.authorizations().entrySet()) {
                rows.saveAuthorization(connection, entry.getKey(), entry.getValue());
            }
            if (snapshot.homeDc().isPresent()) {
                rows.saveHomeDc(connection, snapshot.homeDc().getAsInt());
            }
            if (snapshot.account().isPresent()) {
                rows.saveAccount(connection, snapshot.account().get());
            }
            if (snapshot.updateState().isPresent()) {
                rows.saveUpdateState(connection, snapshot.updateState().get());
            }
            rows.saveChannelPts(connection, snapshot.channelPts());
            peers.save(connection, List.copyOf(snapshot.peers().peers()));
        });
    }

    /**
     * Stops renewing the lease and releases it, so that another store can open the session at once; a second
     * call does nothing. Stored data stays. Afterwards every method but {@code close} and {@code toString}
     * throws {@link IllegalStateException}. A failure to release is logged, not thrown: the lease then
     * expires by itself.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        renewal.cancel(false);
        releaseLease();
        log.info("JDBC session '{}' closed by {}", sessionName, lease.holder());
    }

    /** Shows the session's name and holder, nothing stored. */
    @Override
    public String toString() {
        return "JdbcSessionStore[session=" + sessionName + ", holder=" + lease.holder() + "]";
    }

    private <T> T read(String what, LeasedTransactions.SqlWork<T> work) {
        requireOpen();
        return transactions.read(what, work);
    }

    private void write(String what, LeasedTransactions.SqlChange change) {
        requireOpen();
        transactions.write(what, change);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    private void renewLease() {
        if (closed || lease.lost()) {
            renewal.cancel(false);
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!lease.renew(connection)) {
                renewal.cancel(false);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("could not renew the lease of JDBC session '{}' ({}: {}); trying again in {} ms", sessionName,
                    e.getClass().getSimpleName(), e.getMessage(), lease.leaseMillis() / 3);
        }
    }

    private void releaseLease() {
        if (lease.lost()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            lease.release(connection);
        } catch (SQLException | RuntimeException e) {
            log.warn("could not release the lease of JDBC session '{}' ({}: {}); it expires by itself", sessionName,
                    e.getClass().getSimpleName(), e.getMessage());
        }
    }
}
