package dev.mtproto.spring.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.spring.autoconfigure.ClusterProperties;
import dev.mtproto.spring.autoconfigure.InvalidMtprotoPropertyException;
import dev.mtproto.spring.autoconfigure.MtprotoAutoConfiguration;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.proxy.HttpConnectProxy;
import dev.mtproto.testkit.proxy.MtproxyFront;
import dev.mtproto.testkit.proxy.Socks5Proxy;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.transport.MtproxySecret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code mtproto.proxy.*}: the accounts sign in through the testkit's proxies; mistakes fail the start naming the property. */
class ProxyPropertiesTest {
    private static TestCluster cluster;
    private static Account bot;

    @BeforeAll
    static void startTelegram() {
        cluster = TestCluster.start(2);
        bot = cluster.world().newBot("proxied_spring_bot").create();
    }

    @AfterAll
    static void stopTelegram() {
        cluster.close();
    }

    private static ApplicationContextRunner app(String... properties) {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MtprotoAutoConfiguration.class))
                .withPropertyValues(ClusterProperties.of(cluster, "mtproto.bot-token=" + bot.botToken()))
                .withPropertyValues(properties);
    }

    @Test
    void signsInThroughASocks5ProxyWithALogin() throws Exception {
        try (Socks5Proxy proxy = Socks5Proxy.open("spring", "s3cret")) {
            app("mtproto.proxy.type=socks5", "mtproto.proxy.host=" + proxy.host(), "mtproto.proxy.port=" + proxy.port(),
                    "mtproto.proxy.username=spring", "mtproto.proxy.password=s3cret").run((context) -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(TelegramClients.class).account("default").status()).isEqualTo(AccountStatus.SIGNED_IN);
                        assertThat(proxy.tunnels()).isPositive();
                        assertThat(context.getBean(dev.mtproto.spring.autoconfigure.MtprotoProperties.class).toString()).doesNotContain("s3cret");
                    });
        }
    }

    @Test
    void signsInThroughAnHttpConnectProxy() throws Exception {
        try (HttpConnectProxy proxy = HttpConnectProxy.open()) {
            app("mtproto.proxy.type=http", "mtproto.proxy.host=" + proxy.host(), "mtproto.proxy.port=" + proxy.port()).run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(proxy.tunnels()).isPositive();
            });
        }
    }

    @Test
    void signsInThroughAnMtproxyFakeTlsLink() throws Exception {
        MtproxySecret secret = MtproxySecret.fromHex("ee" + "cef85196f162e3e26d65f3e6cf82e7b4" + "6578616d706c652e636f6d");
        try (MtproxyFront front = MtproxyFront.open(cluster, secret)) {
            app("mtproto.proxy.link=" + front.link()).run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(TelegramClients.class).account("default").status()).isEqualTo(AccountStatus.SIGNED_IN);
                assertThat(front.relayed(MtproxySecret.Mode.FAKE_TLS)).isPositive();
                assertThat(context.getBean(dev.mtproto.spring.autoconfigure.MtprotoProperties.class).toString()).doesNotContain("cef851");
            });
        }
    }

    @Test
    void mistakesNameTheProperty() {
        String auto = "mtproto.auto-startup=false";
        app(auto, "mtproto.proxy.host=10.0.0.1").run((c) -> assertProperty(c, "mtproto.proxy.type", "socks5 or http"));
        app(auto, "mtproto.proxy.type=socks5").run((c) -> assertProperty(c, "mtproto.proxy.host", "host name"));
        app(auto, "mtproto.proxy.type=socks5", "mtproto.proxy.host=10.0.0.1", "mtproto.proxy.port=70000")
                .run((c) -> assertProperty(c, "mtproto.proxy.port", "1080"));
        app(auto, "mtproto.proxy.type=http", "mtproto.proxy.host=10.0.0.1", "mtproto.proxy.port=3128", "mtproto.proxy.username=me")
                .run((c) -> assertProperty(c, "mtproto.proxy.password", "both"));
        app(auto, "mtproto.proxy.link=tg://proxy?server=&port=x").run((c) -> assertProperty(c, "mtproto.proxy.link", "whole tg://proxy"));
        app(auto, "mtproto.proxy.link=tg://proxy?server=10.0.0.1&port=443&secret=ee0123456789abcdef0123456789abcdef")
                .run((c) -> assertProperty(c, "mtproto.proxy.link", "whole tg://proxy"));
        app(auto, "mtproto.proxy.link=tg://proxy?server=10.0.0.1&port=443&secret=0123456789abcdef0123456789abcdef",
                "mtproto.proxy.type=socks5").run((c) -> assertProperty(c, "mtproto.proxy.link", "not both"));
    }

    private static void assertProperty(AssertableApplicationContext context, String property, String fix) {
        assertThat(context).hasFailed();
        Throwable t = context.getStartupFailure();
        while (t != null && !(t instanceof InvalidMtprotoPropertyException)) {
            t = t.getCause();
        }
        assertThat(t).as("an InvalidMtprotoPropertyException in " + context.getStartupFailure()).isNotNull();
        InvalidMtprotoPropertyException e = (InvalidMtprotoPropertyException) t;
        assertThat(e.property()).isEqualTo(property);
        assertThat(e.fix()).contains(fix);
    }
}
