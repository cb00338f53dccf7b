package dev.mtproto.spring.autoconfigure;

import dev.mtproto.store.FileSessionStore;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.store.SessionStore;
import dev.mtproto.store.jdbc.JdbcSessionStore;
import dev.mtproto.store.string.StringSessionStore;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Opens an account's session store as its properties say. */
final class SessionStores {
    private SessionStores() {
    }

    static void closeQuietly(SessionStore store) {
        try {
            store.close();
        } catch (RuntimeException e) {
            // the failure that made us close it is what the caller reports
        }
    }

    /**
     * @param account the account's settings
     * @param dataSource the application's data source, if it has one
     * @return its store, open
     * @throws InvalidMtprotoPropertyException if a JDBC store is asked for without a data source, or the
     *     session string cannot be read
     */
    static SessionStore open(AccountProperties account, @Nullable DataSource dataSource) {
        MtprotoProperties.Session s = account.session();
        String prefix = account.prefix() + "session.";
        return switch (s.store()) {
            case MEMORY -> new MemorySessionStore();
            case STRING -> {
                try {
                    yield StringSessionStore.of(s.string());
                } catch (RuntimeException e) {
                    throw new InvalidMtprotoPropertyException(prefix + "string", "cannot be read: " + e.getMessage(),
                            "export it again with SessionString.export, copying it whole", e);
                }
            }
            case FILE -> {
                Path file = s.path() != null ? s.path() : Path.of(account.name() + ".session");
                FileSessionStore.Builder b = FileSessionStore.builder(file);
                if (s.allowInsecurePermissions()) {
                    b.allowInsecurePermissions();
                }
                yield b.build();
            }
            case JDBC -> {
                if (dataSource == null) {
                    throw new InvalidMtprotoPropertyException(prefix + "store", "is jdbc, but the application has no DataSource",
                            "add a database (spring.datasource.* and a JDBC driver, such as spring-boot-starter-jdbc with PostgreSQL or H2), "
                                    + "or choose the file store");
                }
                yield JdbcSessionStore.builder(dataSource).sessionName(s.name() != null ? s.name() : account.name()).leaseDuration(s.lease()).build();
            }
        };
    }
}
