package dev.mtproto.store;

import static dev.mtproto.store.SessionStoreContract.authorization;
import static dev.mtproto.store.SessionStoreContract.keyRenderings;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.mtproto.store.imported.SessionStringImporter;
import dev.mtproto.store.jdbc.JdbcSessionStore;
import dev.mtproto.store.jdbc.SessionLeasedException;
import dev.mtproto.store.jdbc.TestDatabases;
import dev.mtproto.store.string.SessionString;
import dev.mtproto.store.string.StringSessionStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * No auth key, session string or phone number reaches a log line, an exception message or a
 * {@code toString()} of any store, in every operation and the failures we can provoke: all logging, at
 * every level and from every logger, is captured while the stores work.
 */
class SecretsNeverLoggedTest {
    private static final String PHONE = "15550001";

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final List<String> texts = new ArrayList<>();
    private final List<String> sessionStrings = new ArrayList<>();
    private Logger root;
    private Level rootLevel;
    private Logger ours;
    private Level ourLevel;

    @BeforeEach
    void captureEverything() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ours = (Logger) LoggerFactory.getLogger("dev.mtproto");
        rootLevel = root.getLevel();
        ourLevel = ours.getLevel();
        root.setLevel(Level.ALL);
        ours.setLevel(Level.ALL);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void restoreLogging() {
        root.detachAppender(captured);
        root.setLevel(rootLevel);
        ours.setLevel(ourLevel);
    }

    /** Runs every operation of the store and keeps its toString and the messages of what it threw. */
    private void exercise(SessionStore store, Supplier<SessionStore> reopen) {
        AccountStateContract.fill(store);
        texts.add(store.toString());
        store.loadAuthorization(2).ifPresent(a -> texts.add(a.toString()));
        store.findPeerByPhone("+" + PHONE).ifPresent(p -> texts.add(p.toString()));
        store.findPeerByUsername("friend");
        store.loadChannelPts();
        texts.add(store.snapshot().toString());
        String exported = SessionString.export(store);
        sessionStrings.add(exported);
        texts.add(StringSessionStore.of(exported).toString());
        SessionStore again = reopen.get();
        again.restore(again.snapshot());
        again.deleteAccount();
        AccountStateContract.fill(again);
        again.clear();
        AccountStateContract.fill(again);
        again.close();
    }

    /** Keeps an exception's stack trace, with every message in its chain. */
    private void keep(Throwable error) {
        StringWriter trace = new StringWriter();
        try (PrintWriter writer = new PrintWriter(trace)) {
            error.printStackTrace(writer);
        }
        texts.add(trace.toString());
    }

    @Test
    void memoryFileAndStringStores() throws Exception {
        MemorySessionStore memory = new MemorySessionStore();
        exercise(memory, () -> memory);

        Path file = dir.resolve("secret.session");
        FileSessionStore[] current = {FileSessionStore.open(file)};
        exercise(current[0], () -> {
            current[0].close();
            current[0] = FileSessionStore.open(file);
            return current[0];
        });
        byte[] damaged = Files.readAllBytes(file);
        damaged[damaged.length / 2] ^= 1;
        Files.write(file, damaged);
        try {
            FileSessionStore.open(file);
        } catch (SessionStoreException e) {
            keep(e);
        }

        StringSessionStore string = StringSessionStore.empty();
        exercise(string, () -> string);
        String exported = string.exportString();
        try {
            SessionString.decode(exported.substring(0, exported.length() - 3));
        } catch (SessionStoreException e) {
            keep(e);
        }
        sessionStrings.add(exported);
        assertNoSecrets();
    }

    @Test
    void jdbcStoresOnH2AndPostgresqlIncludingLeaseFailures() {
        for (DataSource database : List.of(TestDatabases.h2("secrets"), TestDatabases.postgres())) {
            JdbcSessionStore[] current = {JdbcSessionStore.open(database, "secrets")};
            exercise(current[0], () -> {
                current[0].close();
                current[0] = JdbcSessionStore.open(database, "secrets");
                return current[0];
            });
            JdbcSessionStore holder = JdbcSessionStore.open(database, "secrets");
            try {
                JdbcSessionStore.open(database, "secrets");
            } catch (SessionLeasedException e) {
                keep(e);
            }
            holder.saveAuthorization(3, authorization(3));
            holder.close();
        }

        AtomicBoolean failing = new AtomicBoolean();
        DataSource flaky = failingWhen(TestDatabases.h2("secrets-flaky"), failing);
        JdbcSessionStore store = JdbcSessionStore.builder(flaky).sessionName("flaky").leaseDuration(Duration.ofMillis(300))
                .build();
        AccountStateContract.fill(store);
        failing.set(true);
        sleep(700);
        try {
            store.saveAuthorization(2, authorization(2));
        } catch (SessionStoreException e) {
            keep(e);
        }
        failing.set(false);
        try {
            store.saveAuthorization(2, authorization(2));
        } catch (SessionStoreException e) {
            keep(e);
        }
        store.close();
        assertThat(captured.list).as("the renewal failures were logged")
                .anyMatch(event -> event.getFormattedMessage().contains("could not renew the lease"));
        assertNoSecrets();
    }

    @Test
    void importsOfOtherLibrariesStrings() {
        byte[] key = authorization(2).authKey().toByteArray();
        String pyrogram = Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(271).put((byte) 2)
                .putInt(1).put((byte) 0).put(key).putLong(42).put((byte) 0).array());
        texts.add(SessionStringImporter.parse(pyrogram).toString());
        texts.add(SessionStringImporter.parse(pyrogram).toStore().toString());
        try {
            SessionStringImporter.parse(pyrogram.substring(1));
        } catch (SessionStoreException e) {
            keep(e);
        }
        sessionStrings.add(pyrogram);
        assertNoSecrets();
    }

    private void assertNoSecrets() {
        List<String> secrets = new ArrayList<>(List.of(PHONE));
        for (int seed : new int[] {1, 2, 3}) {
            secrets.addAll(keyRenderings(authorization(seed)));
        }
        for (String sessionString : sessionStrings) {
            for (int start = 10; start + 16 <= sessionString.length(); start += 16) {
                secrets.add(sessionString.substring(start, start + 16));
            }
        }
        List<String> everything = new ArrayList<>(texts);
        for (ILoggingEvent event : captured.list) {
            everything.add(event.getFormattedMessage());
            for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                everything.add(cause.getMessage());
            }
        }
        assertThat(everything).isNotEmpty();
        for (String text : everything) {
            for (String secret : secrets) {
                assertThat(text).as("a log line, message or toString").doesNotContain(secret);
            }
        }
    }

    /** A data source whose connections fail while {@code failing} is set, as an unreachable database. */
    private static DataSource failingWhen(DataSource real, AtomicBoolean failing) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && failing.get()) {
                        throw new SQLException("connection refused (simulated)", "08001");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
