package dev.mtproto.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two JVMs, one JDBC session on a real PostgreSQL: a child JVM ({@link JdbcLeaseHolder}) holds the session;
 * this one is refused with the child named; the child is killed, so its lease is never released, and this
 * one takes the session over once the lease expires by the database's clock.
 */
class JdbcLeaseAcrossProcessesTest {
    private static final long WAIT_SECONDS = 60;
    private static final Duration LEASE = Duration.ofSeconds(2);

    private Process child;

    @AfterEach
    void stopChild() throws Exception {
        if (child != null) {
            child.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private String startChild(String session) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                JdbcLeaseHolder.class.getName(), TestDatabases.postgresUrl(), session, Long.toString(LEASE.toMillis()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                do {
                    line = out.readLine();
                } while (line != null && !line.equals("open")); // the child's log lines come first
                return line;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void theSecondJvmIsRefusedNamingTheFirstAndTakesOverAfterItIsKilled() throws Exception {
        DataSource database = TestDatabases.postgres();
        assertThat(startChild("two-jvms")).isEqualTo("open");
        String childHolder = child.pid() + "@" + InetAddress.getLocalHost().getHostName();

        SessionLeasedException refused = catchThrowableOfType(SessionLeasedException.class,
                () -> JdbcSessionStore.open(database, "two-jvms"));
        assertThat(refused.holder()).isEqualTo(childHolder);
        assertThat(refused.getMessage()).contains("leased by " + childHolder);

        child.destroyForcibly();
        assertThat(child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        SessionLeasedException stillLeased = catchThrowableOfType(SessionLeasedException.class,
                () -> JdbcSessionStore.open(database, "two-jvms"));
        assertThat(stillLeased).as("a killed holder releases nothing: its lease runs out by itself").isNotNull();
        assertThat(stillLeased.holder()).isEqualTo(childHolder);

        try (JdbcSessionStore successor = JdbcSessionStore.builder(database).sessionName("two-jvms")
                .waitForLease(LEASE.multipliedBy(10)).build()) {
            assertThat(Instant.now()).as("taken over only after the lease expired")
                    .isAfterOrEqualTo(stillLeased.expiresAt().minusMillis(500));
            assertThat(successor.holdsLease()).isTrue();
            assertThat(successor.loadHomeDc()).as("what the child saved").hasValue(3);
            successor.saveHomeDc(4);
        }
    }
}
