package dev.mtproto.store.jdbc;

import javax.sql.DataSource;

/** The whole conformance suite on a real PostgreSQL server (embedded, started from Maven Central binaries). */
class JdbcSessionStorePostgresTest extends JdbcStoreConformance {
    @Override
    DataSource dataSource() {
        return TestDatabases.postgres();
    }
}
