package dev.mtproto.store.jdbc;

import static dev.mtproto.store.SessionStoreContract.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mtproto.store.SessionStoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The whole conformance suite on embedded H2, and the schema rules. */
class JdbcSessionStoreH2Test extends JdbcStoreConformance {
    private static final DataSource DATABASE = TestDatabases.h2("conformance");

    @Override
    DataSource dataSource() {
        return DATABASE;
    }

    private static List<String> query(DataSource dataSource, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void createsTheTablesOnceAtSchemaVersionOneAndKeepsSessionsApart() throws Exception {
        DataSource fresh = TestDatabases.h2("schema-" + System.nanoTime());
        JdbcSessionStore first = JdbcSessionStore.open(fresh, "first");
        JdbcSessionStore second = JdbcSessionStore.open(fresh, "second");
        try {
            first.saveAuthorization(2, authorization(2));
            second.saveAuthorization(2, authorization(22));
            second.saveHomeDc(4);
            assertThat(first.loadAuthorization(2)).contains(authorization(2));
            assertThat(first.loadHomeDc()).isEmpty();
            second.clear();
            assertThat(first.loadAuthorization(2)).as("clearing one session leaves the other").contains(authorization(2));
        } finally {
            first.close();
            second.close();
        }
        assertThat(query(fresh, "SELECT schema_version FROM mtproto_schema_version")).containsExactly("1");
        assertThat(query(fresh, "SELECT session_name FROM mtproto_session ORDER BY session_name"))
                .containsExactly("first", "second");
        assertThat(query(fresh, "SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE COLUMN_NAME = 'AUTH_KEY'"))
                .containsExactly("BINARY VARYING");
    }

    @Test
    void tablesOfANewerSchemaVersionAreRefusedAndLeftAlone() throws Exception {
        DataSource newer = TestDatabases.h2("newer-" + System.nanoTime());
        JdbcSessionStore.open(newer, "s").close();
        execute(newer, "UPDATE mtproto_schema_version SET schema_version = 7");

        SessionSchemaVersionException error = catchThrowableOfType(SessionSchemaVersionException.class,
                () -> JdbcSessionStore.open(newer, "s"));
        assertThat(error.foundVersion()).isEqualTo(7);
        assertThat(error.supportedVersion()).isEqualTo(1);
        assertThat(error.getMessage()).contains("Upgrade mtproto-spring");
        assertThat(query(newer, "SELECT schema_version FROM mtproto_schema_version")).containsExactly("7");
    }

    @Test
    void anUnreachableDatabaseGivesATypedErrorNamingTheSession() {
        JdbcDataSource broken = new JdbcDataSource();
        broken.setURL("jdbc:h2:mem:broken;IFEXISTS=TRUE");
        SessionStoreException error = catchThrowableOfType(SessionStoreException.class,
                () -> JdbcSessionStore.open(broken, "lost"));
        assertThat(error.getMessage()).contains("JDBC session 'lost': cannot open the session").contains("SQL state");
    }

    @Test
    void aClosedStoreRefusesUseAndClosingTwiceDoesNothing() {
        JdbcSessionStore store = open("closing");
        store.saveHomeDc(2);
        store.close();
        store.close();
        assertThat(store.holdsLease()).isFalse();
        assertThatThrownBy(store::loadHomeDc).isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
        assertThatThrownBy(() -> store.saveHomeDc(3)).isInstanceOf(IllegalStateException.class);
        assertThat(store.toString()).startsWith("JdbcSessionStore[session=closing, holder="
                + ProcessHandle.current().pid() + "@");
        assertThat(open("closing").loadHomeDc()).as("the lease was released: the session opens at once").hasValue(2);
    }

    @Test
    void builderChecksItsOptions() {
        JdbcSessionStoreBuilder builder = JdbcSessionStore.builder(DATABASE);
        assertThatThrownBy(() -> builder.sessionName("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sessionName");
        assertThatThrownBy(() -> builder.sessionName("x".repeat(201))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.holder("a\nb")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holder");
        assertThatThrownBy(() -> builder.leaseDuration(java.time.Duration.ofMillis(99)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100 ms");
        assertThatThrownBy(() -> builder.waitForLease(java.time.Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcSessionStore.builder(null)).isInstanceOf(NullPointerException.class);
    }
}
