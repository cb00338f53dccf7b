package dev.mtproto.spring.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.client.net.DialedConnection;
import dev.mtproto.crypto.MessageCipher;
import dev.mtproto.crypto.TelegramRsaKeys;
import dev.mtproto.crypto.TmpAesKey;
import dev.mtproto.keyexchange.ClientKeyExchange;
import dev.mtproto.store.FileSessionStore;
import dev.mtproto.testkit.proxy.HttpConnectProxy;
import dev.mtproto.transport.Obfuscated2Keys;
import dev.mtproto.testkit.proxy.Socks5Proxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import dev.mtproto.client.proxy.ProxyConfig;
import dev.mtproto.store.DcAuthorization;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.store.string.SessionString;
import dev.mtproto.store.string.StringSessionStore;
import dev.mtproto.testkit.logging.SecretScan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every configuration, session and credential type of ours that holds a secret ({@link SecretTypes} finds
 * them on the class path: core, testkit, Spring Boot autoconfiguration) is built with known secret values
 * and its {@code toString()} shows none of them, in any form. A type the scan finds must be built here
 * (records are built field by field by {@link SecretFilledRecords}; other classes need a factory below) or
 * be listed, with the reason, as holding no secret; so a new type cannot slip through.
 */
class SecretsInToStringTest {

    /** Classes that are not records (or records with parts that cannot be made up), built by hand. */
    private static final Map<String, Function<SecretFilledRecords, Object>> FACTORIES = Map.ofEntries(
            Map.entry("dev.mtproto.crypto.AuthKey", SecretFilledRecords::authKey),
            Map.entry("dev.mtproto.transport.MtproxySecret", SecretFilledRecords::mtproxySecret),
            Map.entry("dev.mtproto.client.ClientConfig", SecretFilledRecords::clientConfig),
            Map.entry("dev.mtproto.client.MtprotoClient", f -> {
                try (MtprotoClient client = MtprotoClient.create(f.clientConfig())) {
                    return client.toString();
                }
            }),
            Map.entry("dev.mtproto.client.proxy.ProxyDialer", f -> List.of(
                    ProxyConfig.socks5("127.0.0.1", 1080, "proxyuser", f.secretText()).dialer(),
                    ProxyConfig.http("127.0.0.1", 3128, "proxyuser", f.secretText()).dialer(),
                    ProxyConfig.mtproxy("127.0.0.1", 443, f.mtproxySecret()).dialer())),
            Map.entry("dev.mtproto.client.net.DialedConnection", f -> {
                try (SocketChannel channel = SocketChannel.open()) {
                    return new DialedConnection(channel, Optional.of(f.mtproxySecret()), "MTProxy 127.0.0.1:443").toString();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }),
            Map.entry("dev.mtproto.crypto.MessageCipher", f -> MessageCipher.forClient(f.authKey())),
            Map.entry("dev.mtproto.crypto.TmpAesKey", f -> TmpAesKey.derive(f.secretBytes(32), f.secretBytes(16))),
            Map.entry("dev.mtproto.keyexchange.ClientKeyExchange", f -> {
                byte[] random = f.secretBytes(16);
                ClientKeyExchange exchange = ClientKeyExchange.builder(2, TelegramRsaKeys.production())
                        .random((buffer, offset, length) -> System.arraycopy(random, 0, buffer, offset, length)).build();
                exchange.start();
                return exchange;
            }),
            Map.entry("dev.mtproto.store.MemorySessionStore", f -> {
                MemorySessionStore store = new MemorySessionStore();
                store.saveAuthorization(2, authorization(f));
                return store;
            }),
            Map.entry("dev.mtproto.store.FileSessionStore", f -> {
                try (FileSessionStore store = FileSessionStore.open(temporaryDirectory().resolve("secret.session"))) {
                    store.saveAuthorization(2, authorization(f));
                    return store.toString();
                }
            }),
            Map.entry("dev.mtproto.store.string.StringSessionStore", SecretsInToStringTest::stringStore),
            Map.entry("dev.mtproto.store.SessionSnapshot", f -> {
                MemorySessionStore store = new MemorySessionStore();
                store.saveAuthorization(2, authorization(f));
                return store.snapshot();
            }),
            Map.entry("dev.mtproto.transport.Obfuscated2Keys", f -> new Obfuscated2Keys(f.secretBytes(32), f.secretBytes(16),
                    f.secretBytes(32), f.secretBytes(16))),
            Map.entry("dev.mtproto.testkit.proxy.TunnelProxy", f -> {
                try (Socks5Proxy socks = Socks5Proxy.open("proxyuser", f.secretText());
                     HttpConnectProxy http = HttpConnectProxy.open("proxyuser", f.secretText())) {
                    return socks + " " + http;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));

    /** Types the scan finds that are not built here, and why (they hold no secret, or are checked elsewhere). */
    private static final Map<String, String> NOT_BUILT = Map.of(
            "dev.mtproto.session.server.ServerSession", "the test DC's side of a session, built from a whole server "
                    + "context; its toString prints the auth_key_id and session id only",
            "dev.mtproto.keyexchange.ServerKeyExchange", "the test DC's side of the exchange; its toString shows the "
                    + "DC and the state only",
            "dev.mtproto.store.jdbc.JdbcSessionStore", "needs a database; SecretsNeverLoggedTest (core) checks its "
                    + "toString, logs and errors on H2 and PostgreSQL",
            "dev.mtproto.testkit.proxy.MtproxyFront", "needs a running test cluster; SecretsThroughProxiesTest checks "
                    + "its toString with every kind of secret",
            "dev.mtproto.client.InitConnectionParams", "its fields that sound secret, langCode and systemLangCode, are "
                    + "language codes",
            "dev.mtproto.spring.autoconfigure.MtprotoProperties$InitConnection", "its fields that sound secret, langCode "
                    + "and systemLangCode, are language codes",
            "dev.mtproto.spring.autoconfigure.MtprotoProperties$Dc", "its field that sounds secret, rsaPublicKey, is the "
                    + "DC's public key",
            "dev.mtproto.client.ClientRuntime", "the client's internal bundle of its configuration and services; its "
                    + "record toString shows ClientConfig's, checked here",
            "dev.mtproto.transport.FakeTlsClientHandshake", "a handshake in progress, made by the MTProxy dialer; its "
                    + "toString shows how many records arrived; SecretsThroughProxiesTest runs it");

    /** Components whose name sounds secret but that hold none. */
    private static final Set<String> NOT_SECRET_COMPONENTS = Set.of("InitConnectionParams.systemLangCode",
            "InitConnectionParams.langCode", "InitConnection.systemLangCode", "InitConnection.langCode", "Dc.rsaPublicKey");

    /** Components whose name does not sound secret but that hold one. */
    private static final Set<String> ALSO_SECRET_COMPONENTS = Set.of("Session.string");

    private static DcAuthorization authorization(SecretFilledRecords values) {
        return new DcAuthorization(values.authKey(), 77L, 0L, Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static Path temporaryDirectory() {
        try {
            Path dir = Files.createTempDirectory("secrets-to-string");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StringSessionStore stringStore(SecretFilledRecords values) {
        MemorySessionStore store = new MemorySessionStore();
        store.saveAuthorization(2, authorization(values));
        String exported = SessionString.export(store);
        values.registerText(exported.substring(SessionString.PREFIX.length() + 2));
        return StringSessionStore.of(exported);
    }

    @Test
    void everyTypeThatHoldsASecretHidesItInToString() {
        Set<String> found = SecretTypes.onClassPath();
        assertThat(found).as("the scan sees core, the testkit and the autoconfiguration")
                .contains("dev.mtproto.crypto.AuthKey", "dev.mtproto.client.ClientConfig",
                        "dev.mtproto.spring.autoconfigure.MtprotoProperties", "dev.mtproto.testkit.DcKey");
        assertThat(found).as("stale entries").containsAll(NOT_BUILT.keySet());
        Set<String> checkedTypes = new TreeSet<>(found);
        checkedTypes.addAll(FACTORIES.keySet());
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String name : checkedTypes) {
            if (NOT_BUILT.containsKey(name)) {
                continue;
            }
            SecretScan scan = SecretScan.create();
            SecretFilledRecords values = new SecretFilledRecords(scan, NOT_SECRET_COMPONENTS, ALSO_SECRET_COMPONENTS);
            try {
                Object instance = FACTORIES.containsKey(name) ? FACTORIES.get(name).apply(values)
                        : values.build(Class.forName(name));
                String shown = instance.toString();
                if (scan.forms().isEmpty()) {
                    problems.add(name + ": no secret was put in; list it in NOT_SECRET_COMPONENTS or give it a factory");
                }
                scan.findIn(List.of(shown)).forEach(leak -> problems.add(name + " shows a secret: " + leak));
                checked++;
            } catch (RuntimeException | ClassNotFoundException e) {
                problems.add(name + ": " + e);
            }
        }
        assertThat(problems).as("types that show a secret or cannot be checked").isEmpty();
        assertThat(checked).isGreaterThan(10);
    }
}
