package dev.mtproto.store.jdbc;

import static dev.mtproto.store.SessionStoreContract.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The session lease, on H2 and on PostgreSQL: one holder at a time, named to whoever is refused; taken over
 * only once expired by the database's clock; lost for good by a holder that stopped renewing, whose writes
 * then fail instead of overwriting the new holder's data. A stalled process is a store whose renewal
 * scheduler was shut down; lease times are short, so the waits are real but brief.
 */
class JdbcSessionLeaseTest {
    private static final Duration SHORT_LEASE = Duration.ofMillis(600);
    private static final AtomicInteger SESSIONS = new AtomicInteger();

    private final List<AutoCloseable> resources = new ArrayList<>();

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2", TestDatabases.h2("lease")), Arguments.of("PostgreSQL", TestDatabases.postgres()));
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    private static String newSession() {
        return "lease-" + SESSIONS.incrementAndGet();
    }

    private JdbcSessionStore open(JdbcSessionStoreBuilder builder) {
        JdbcSessionStore store = builder.build();
        resources.add(store);
        return store;
    }

    /** A scheduler the test can stop, as if the holder's process stalled. */
    private ScheduledExecutorService stallable() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        resources.add(scheduler::shutdownNow);
        return scheduler;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSecondOpenerIsRefusedNamingTheHolderAndTheExpiry(String name, DataSource database) {
        String session = newSession();
        Instant before = Instant.now().minusSeconds(5);
        JdbcSessionStore holder = open(JdbcSessionStore.builder(database).sessionName(session).holder("replica-a"));
        holder.saveHomeDc(2);

        SessionLeasedException refused = catchThrowableOfType(SessionLeasedException.class,
                () -> open(JdbcSessionStore.builder(database).sessionName(session).holder("replica-b")));
        assertThat(refused.sessionName()).isEqualTo(session);
        assertThat(refused.holder()).isEqualTo("replica-a");
        assertThat(refused.expiresAt()).isBetween(before.plusSeconds(25), Instant.now().plusSeconds(40));
        assertThat(refused.getMessage()).contains("leased by replica-a").contains("AUTH_KEY_DUPLICATED")
                .contains("waitForLease");
        assertThat(holder.holdsLease()).isTrue();
        assertThat(holder.loadHomeDc()).as("the holder is not disturbed").hasValue(2);

        holder.close();
        assertThat(open(JdbcSessionStore.builder(database).sessionName(session)).loadHomeDc())
                .as("a released lease is free at once").hasValue(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRenewedLeaseIsNeverTakenOverAndTheWaiterGivesUpAfterItsWait(String name, DataSource database) {
        String session = newSession();
        open(JdbcSessionStore.builder(database).sessionName(session).holder("alive").leaseDuration(SHORT_LEASE));
        long start = System.nanoTime();
        SessionLeasedException refused = catchThrowableOfType(SessionLeasedException.class,
                () -> open(JdbcSessionStore.builder(database).sessionName(session).waitForLease(SHORT_LEASE.multipliedBy(3))));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(SHORT_LEASE.multipliedBy(3));
        assertThat(refused.holder()).isEqualTo("alive");
        assertThat(refused.getMessage()).contains("waited");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aStalledHoldersLeaseIsTakenOverAndItsLaterWritesFail(String name, DataSource database) {
        String session = newSession();
        ScheduledExecutorService stalling = stallable();
        JdbcSessionStore stalled = open(JdbcSessionStore.builder(database).sessionName(session).holder("stalled")
                .leaseDuration(SHORT_LEASE).renewalScheduler(stalling));
        stalled.saveAuthorization(2, authorization(2));
        stalling.shutdownNow();

        JdbcSessionStore successor = open(JdbcSessionStore.builder(database).sessionName(session).holder("successor")
                .waitForLease(SHORT_LEASE.multipliedBy(10)));
        assertThat(successor.loadAuthorization(2)).contains(authorization(2));
        successor.saveAuthorization(2, authorization(22));

        SessionLeaseLostException lost = catchThrowableOfType(SessionLeaseLostException.class,
                () -> stalled.saveAuthorization(2, authorization(2)));
        assertThat(lost.sessionName()).isEqualTo(session);
        assertThat(lost.getMessage()).contains("held by stalled was lost").contains("refuses writes");
        assertThat(stalled.holdsLease()).isFalse();
        catchThrowableOfType(SessionLeaseLostException.class, () -> stalled.clear());
        assertThat(successor.loadAuthorization(2)).as("nothing of the stalled store landed").contains(authorization(22));
        assertThat(stalled.loadAuthorization(2)).as("reads still work").contains(authorization(22));

        stalled.close();
        assertThat(successor.holdsLease()).as("closing the old store does not release the new lease").isTrue();
        successor.saveHomeDc(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLeaseThatExpiredUntakenIsLostToo(String name, DataSource database) throws Exception {
        String session = newSession();
        ScheduledExecutorService stalling = stallable();
        JdbcSessionStore stalled = open(JdbcSessionStore.builder(database).sessionName(session)
                .leaseDuration(SHORT_LEASE).renewalScheduler(stalling));
        stalling.shutdownNow();
        Thread.sleep(SHORT_LEASE.multipliedBy(2).toMillis());

        catchThrowableOfType(SessionLeaseLostException.class, () -> stalled.saveHomeDc(2));
        assertThat(stalled.holdsLease()).isFalse();
        assertThat(open(JdbcSessionStore.builder(database).sessionName(session)).loadHomeDc()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void renewalKeepsTheLeaseFarBeyondItsDuration(String name, DataSource database) throws Exception {
        String session = newSession();
        JdbcSessionStore holder = open(JdbcSessionStore.builder(database).sessionName(session).leaseDuration(SHORT_LEASE));
        Thread.sleep(SHORT_LEASE.multipliedBy(3).toMillis());
        assertThat(holder.holdsLease()).isTrue();
        holder.saveHomeDc(4);
        catchThrowableOfType(SessionLeasedException.class, () -> open(JdbcSessionStore.builder(database).sessionName(session)));
    }
}
