package dev.mtproto.store.jdbc;

import dev.mtproto.store.SessionStore;
import dev.mtproto.store.SessionStoreContract;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/**
 * The conformance suite for the JDBC store on one database: every store is a new session in the same
 * tables, and a restart closes the store (releasing its lease) and opens the session again.
 */
abstract class JdbcStoreConformance extends SessionStoreContract {
    private static final AtomicInteger SESSIONS = new AtomicInteger();

    private final List<JdbcSessionStore> opened = new ArrayList<>();

    /** @return the database under test */
    abstract DataSource dataSource();

    /**
     * Opens a session of the database under test as a restarted process would: a store this test opened on
     * the session before is closed first. Every store is closed after the test.
     */
    JdbcSessionStore open(String sessionName) {
        opened.stream().filter(earlier -> earlier.sessionName().equals(sessionName)).forEach(JdbcSessionStore::close);
        JdbcSessionStore store = JdbcSessionStore.open(dataSource(), sessionName);
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(JdbcSessionStore::close);
    }

    @Override
    public SessionStore newStore() {
        return open(getClass().getSimpleName() + "-" + SESSIONS.incrementAndGet());
    }

    @Override
    public SessionStore reopen(SessionStore store) {
        return open(((JdbcSessionStore) store).sessionName());
    }
}
