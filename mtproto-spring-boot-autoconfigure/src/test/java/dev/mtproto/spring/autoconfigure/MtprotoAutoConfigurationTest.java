package dev.mtproto.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.client.ClientConfig;
import dev.mtproto.spring.client.MtprotoClientLifecycle;
import dev.mtproto.spring.client.SignInMethod;
import dev.mtproto.spring.client.TelegramAccount;
import dev.mtproto.spring.client.TelegramClients;
import dev.mtproto.store.FileSessionStore;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.store.jdbc.JdbcSessionStore;
import dev.mtproto.transport.TransportKind;
import dev.mtproto.telegram.TelegramClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The accounts made from properties, and back-off. Nothing connects here: {@code mtproto.auto-startup=false}
 * keeps the lifecycle from starting ({@code MtprotoLifecycleTest} connects to a test cluster).
 */
class MtprotoAutoConfigurationTest {
    static final String TOKEN = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq";

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MtprotoAutoConfiguration.class))
            .withPropertyValues("mtproto.auto-startup=false", "mtproto.api-id=17349", "mtproto.api-hash=0123456789abcdef0123456789abcdef",
                    "mtproto.session.store=memory", "mtproto.dc.addresses.2=127.0.0.1:1");

    @Test
    void oneBotAccountFromTheTopLevelProperties() {
        this.contextRunner.withPropertyValues("mtproto.bot-token=" + TOKEN).run((context) -> {
            assertThat(context).hasSingleBean(TelegramClients.class).hasSingleBean(TelegramClient.class).hasSingleBean(MtprotoClientLifecycle.class);
            TelegramClients clients = context.getBean(TelegramClients.class);
            assertThat(clients.names()).containsExactly("default");
            TelegramAccount account = clients.account("default");
            assertThat(account.signInMethod().kind()).isEqualTo(SignInMethod.Kind.BOT_TOKEN);
            assertThat(account.client()).isSameAs(context.getBean(TelegramClient.class));
            assertThat(account.client().raw().config().sessionStore()).isInstanceOf(MemorySessionStore.class);
            assertThat(account.toString()).doesNotContain("AAHdq");
            assertThat(account.signInMethod().toString()).doesNotContain("AAHdq");
            assertThat(context.getBean(MtprotoProperties.class).toString()).doesNotContain("AAHdq").doesNotContain("0123456789abcdef");
        });
    }

    @Test
    void routePropertiesReachTheClientConfiguration() {
        this.contextRunner.withPropertyValues("mtproto.bot-token=" + TOKEN, "mtproto.proxy.type=socks5", "mtproto.proxy.host=127.0.0.1",
                "mtproto.proxy.port=1080", "mtproto.transport.routes=proxy,direct", "mtproto.transport.selection=race",
                "mtproto.transport.stagger=300ms", "mtproto.dc.ip-family=prefer-ipv6").run((context) -> {
                    ClientConfig c = context.getBean(TelegramClient.class).raw().config();
                    assertThat(c.routes()).extracting(dev.mtproto.client.net.TransportRoute::name)
                            .containsExactly("SOCKS5 proxy 127.0.0.1:1080 padded-intermediate+obfuscated", "direct padded-intermediate+obfuscated");
                    assertThat(c.routeSelection()).isEqualTo(dev.mtproto.client.net.RouteSelection.race(Duration.ofMillis(300)));
                    assertThat(c.ipFamily()).isEqualTo(dev.mtproto.client.IpFamily.PREFER_IPV6);
                });
    }

    @Test
    void propertiesReachTheClientConfiguration() {
        this.contextRunner.withPropertyValues("mtproto.bot-token=" + TOKEN, "mtproto.dc.home=3", "mtproto.dc.addresses.3=127.0.0.1:4443",
                "mtproto.transport.kind=abridged", "mtproto.transport.obfuscated=false", "mtproto.timeouts.connect=3s",
                "mtproto.timeouts.flood-wait=5s", "mtproto.init-connection.app-version=my-bot 1.2", "mtproto.pfs.enabled=true",
                "mtproto.pfs.key-lifetime=1h").run((context) -> {
                    ClientConfig c = context.getBean(TelegramClient.class).raw().config();
                    assertThat(c.homeDc()).isEqualTo(3);
                    assertThat(c.dcOptions().address(3).port()).isEqualTo(4443);
                    assertThat(c.transport()).isEqualTo(TransportKind.ABRIDGED);
                    assertThat(c.obfuscated()).isFalse();
                    assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(c.floodWaitThreshold()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(c.initConnection().appVersion()).isEqualTo("my-bot 1.2");
                    assertThat(c.tempKeyLifetime()).contains(Duration.ofHours(1));
                });
    }

    @Test
    void filePropertiesReachTheTransfers() {
        this.contextRunner.withPropertyValues("mtproto.bot-token=" + TOKEN, "mtproto.files.parts-in-flight=4", "mtproto.files.lanes-per-dc=1",
                "mtproto.files.cdn=false", "mtproto.files.part-attempts=3", "mtproto.files.part-timeout=20s",
                "mtproto.files.max-flood-wait=10s").run((context) -> {
                    dev.mtproto.files.TransferSettings t = context.getBean(TelegramClient.class).media().transfers().settings();
                    assertThat(t.partsInFlight()).isEqualTo(4);
                    assertThat(t.lanesPerDc()).isEqualTo(1);
                    assertThat(t.cdnSupported()).isFalse();
                    assertThat(t.partAttempts()).isEqualTo(3);
                    assertThat(t.partTimeout()).isEqualTo(Duration.ofSeconds(20));
                    assertThat(t.maxFloodWait()).isEqualTo(Duration.ofSeconds(10));
                });
        this.contextRunner.withPropertyValues("mtproto.bot-token=" + TOKEN).run((context) ->
                assertThat(context.getBean(TelegramClient.class).media().transfers().settings())
                        .as("the measured defaults").isEqualTo(dev.mtproto.files.TransferSettings.defaults()));
    }

    @Test
    void severalAccountsShareTheApplicationAndHaveNoSingleClientBean() {
        this.contextRunner.withPropertyValues("mtproto.clients.support.bot-token=" + TOKEN, "mtproto.clients.support.session.store=memory",
                "mtproto.clients.archive.phone=+1 555 0100", "mtproto.clients.archive.session.store=memory",
                "mtproto.clients.archive.api-id=99").run((context) -> {
                    assertThat(context).hasSingleBean(TelegramClients.class).doesNotHaveBean(TelegramClient.class);
                    TelegramClients clients = context.getBean(TelegramClients.class);
                    assertThat(clients.names()).containsExactlyInAnyOrder("support", "archive");
                    assertThat(clients.get("support").raw().config().apiId()).isEqualTo(17349);
                    assertThat(clients.get("archive").raw().config().apiId()).isEqualTo(99);
                    assertThat(clients.account("archive").signInMethod().kind()).isEqualTo(SignInMethod.Kind.PHONE);
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> clients.get("nobody"))
                            .hasMessageContaining("no Telegram account is named 'nobody'").hasMessageContaining("support");
                });
    }

    @Test
    void fileStoreByDefaultAtThePathGiven(@TempDir Path dir) {
        Path file = dir.resolve("bot.session");
        this.contextRunner.withPropertyValues("mtproto.bot-token=" + TOKEN, "mtproto.session.store=file", "mtproto.session.path=" + file)
                .run((context) -> {
                    FileSessionStore store = (FileSessionStore) context.getBean(TelegramClient.class).raw().config().sessionStore();
                    assertThat(store.file()).isEqualTo(file);
                });
    }

    @Test
    void jdbcStoreUsesTheApplicationsDataSource() {
        this.contextRunner.withPropertyValues("mtproto.bot-token=" + TOKEN, "mtproto.session.store=jdbc", "mtproto.session.name=bot-one")
                .withUserConfiguration(H2Configuration.class).run((context) -> {
                    JdbcSessionStore store = (JdbcSessionStore) context.getBean(TelegramClient.class).raw().config().sessionStore();
                    assertThat(store.sessionName()).isEqualTo("bot-one");
                });
    }

    @Test
    void customizersApplyInOrder() {
        this.contextRunner.withPropertyValues("mtproto.bot-token=" + TOKEN).withUserConfiguration(CustomizerConfiguration.class).run((context) -> {
            assertThat(CustomizerConfiguration.calls).containsExactly("first:default", "second:default");
            assertThat(context.getBean(TelegramClient.class).raw().config().requestTimeout()).isEqualTo(Duration.ofSeconds(7));
        });
    }

    @Test
    void backsOffForTheApplicationsOwnAccounts() {
        this.contextRunner.withPropertyValues("mtproto.bot-token=" + TOKEN).withUserConfiguration(OwnClientsConfiguration.class).run((context) -> {
            assertThat(context).hasSingleBean(TelegramClients.class);
            assertThat(context.getBean(TelegramClients.class).names()).containsExactly("mine");
        });
    }

    @Test
    void disabledCreatesNothing() {
        this.contextRunner.withPropertyValues("mtproto.enabled=false").run((context) -> assertThat(context)
                .doesNotHaveBean(TelegramClients.class).doesNotHaveBean(MtprotoClientLifecycle.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class H2Configuration {
        @Bean
        DataSource dataSource() {
            return new DriverManagerDataSource("jdbc:h2:mem:autoconfig;DB_CLOSE_DELAY=-1");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomizerConfiguration {
        static final List<String> calls = new CopyOnWriteArrayList<>();

        @Bean
        @Order(2)
        MtprotoClientConfigCustomizer second() {
            return (name, builder) -> calls.add("second:" + name);
        }

        @Bean
        @Order(1)
        MtprotoClientConfigCustomizer first() {
            return (name, builder) -> {
                calls.add("first:" + name);
                builder.requestTimeout(Duration.ofSeconds(7));
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClientsConfiguration {
        @Bean
        TelegramClients myClients() {
            TelegramClient client = TelegramClient.create(ClientConfig.builder(1, "0123456789abcdef0123456789abcdef")
                    .sessionStore(new MemorySessionStore()).homeDc(1).dcOptions(dev.mtproto.client.DcOptions.of(new dev.mtproto.client.DcAddress(1, "127.0.0.1", 1)))
                    .build());
            return new TelegramClients(List.of(new TelegramAccount("mine", client, new SignInMethod(SignInMethod.Kind.SESSION_ONLY, null),
                    java.time.Clock.systemUTC())));
        }
    }
}
