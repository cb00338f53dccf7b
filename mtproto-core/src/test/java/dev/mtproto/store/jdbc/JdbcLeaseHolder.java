package dev.mtproto.store.jdbc;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The other process of {@link JdbcLeaseAcrossProcessesTest}: opens a JDBC session on the PostgreSQL database
 * named by its first argument (session name second, lease in milliseconds third), saves home DC 3, prints
 * {@code open}, and holds the session until a line {@code close} (or the end of standard input) arrives or
 * it is killed.
 */
public final class JdbcLeaseHolder {
    private JdbcLeaseHolder() {
    }

    /**
     * @param args JDBC URL, session name, lease in milliseconds
     * @throws Exception if standard input cannot be read
     */
    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        try (JdbcSessionStore store = JdbcSessionStore.builder(dataSource).sessionName(args[1])
                .leaseDuration(Duration.ofMillis(Long.parseLong(args[2]))).build()) {
            store.saveHomeDc(3);
            System.out.println("open");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.equals("close"));
        }
        System.out.println("closed");
    }
}
