/**
 * The JDBC session store: {@link dev.mtproto.store.jdbc.JdbcSessionStore} keeps sessions in any SQL
 * database behind a {@link javax.sql.DataSource}, in tables it creates and versions itself, and holds a
 * lease on its session so that two replicas never use one session at once
 * ({@link dev.mtproto.store.jdbc.SessionLeasedException},
 * {@link dev.mtproto.store.jdbc.SessionLeaseLostException}). docs/sessions.md has the schema and how to
 * size the lease.
 */
package dev.mtproto.store.jdbc;
