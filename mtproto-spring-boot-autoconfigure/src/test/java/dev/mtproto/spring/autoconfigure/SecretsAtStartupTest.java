package dev.mtproto.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.logging.LogCapture;
import dev.mtproto.testkit.logging.SecretScan;
import dev.mtproto.testkit.proxy.MtproxyFront;
import dev.mtproto.testkit.proxy.Socks5Proxy;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.transport.MtproxySecret;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Starting applications with secrets in their properties (api hash, bot token, proxy password, MTProxy link,
 * session string), successfully and not: no secret appears in any log line down to TRACE, in the
 * properties' {@code toString()}, in the start failure or in the failure analyzers' reports.
 */
class SecretsAtStartupTest {
    private static final String PROXY_PASSWORD = "spr1ng-pr0xy-pw";
    private static final String MTPROXY_KEY = "7a11f85196f162e3e26d65f3e6cf8e7b";
    private static TestCluster cluster;
    private static Account bot;

    @BeforeAll
    static void startTelegram() {
        cluster = TestCluster.start(1);
        bot = cluster.world().newBot("secret_spring_bot").create();
    }

    @AfterAll
    static void stopTelegram() {
        cluster.close();
    }

    private static ApplicationContextRunner app(String... properties) {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MtprotoAutoConfiguration.class))
                .withPropertyValues(ClusterProperties.of(cluster, properties));
    }

    /** What a context shows: its properties' toString, or its failure's chain and both analyzers' reports. */
    private static void keep(AssertableApplicationContext context, List<String> shown) {
        if (context.getStartupFailure() == null) {
            shown.add(context.getBean(MtprotoProperties.class).toString());
            return;
        }
        for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
            shown.add(t.toString());
            if (t instanceof InvalidMtprotoPropertyException invalid) {
                FailureAnalysis report = new InvalidMtprotoPropertyFailureAnalyzer().analyze(invalid);
                shown.add(report.getDescription() + " " + report.getAction());
            }
        }
        FailureAnalysis report = new MtprotoStartFailureAnalyzer().analyze(context.getStartupFailure());
        if (report != null) {
            shown.add(report.getDescription() + " " + report.getAction());
        }
    }

    @Test
    void startsAndFailuresShowNoSecret() throws Exception {
        List<String> shown = new ArrayList<>();
        String revoked = "999999:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq";
        String ee = "ee" + MTPROXY_KEY + HexFormat.of().formatHex("example.com".getBytes());
        try (LogCapture logs = LogCapture.start();
             Socks5Proxy proxy = Socks5Proxy.open("spring", PROXY_PASSWORD);
             MtproxyFront front = MtproxyFront.open(cluster, MtproxySecret.fromHex(ee))) {
            String[] socks = {"mtproto.proxy.type=socks5", "mtproto.proxy.host=" + proxy.host(), "mtproto.proxy.port=" + proxy.port(),
                "mtproto.proxy.username=spring", "mtproto.proxy.password=" + PROXY_PASSWORD};
            app(concat(socks, "mtproto.bot-token=" + bot.botToken())).run(context -> {
                assertThat(context).hasNotFailed();
                keep(context, shown);
            });
            app("mtproto.bot-token=" + bot.botToken(), "mtproto.proxy.link=" + front.link()).run(context -> {
                assertThat(context).hasNotFailed();
                keep(context, shown);
            });
            app("mtproto.bot-token=" + revoked).run(context -> {
                assertThat(context).hasFailed();
                keep(context, shown);
            });
            app("mtproto.bot-token=" + bot.botToken(), "mtproto.proxy.link=tg://proxy?server=127.0.0.1&port=443&secret=ff" + MTPROXY_KEY)
                    .run(context -> {
                        assertThat(context).hasFailed();
                        keep(context, shown);
                    });
            app("mtproto.bot-token=" + bot.botToken(), "mtproto.proxy.type=http", "mtproto.proxy.host=127.0.0.1",
                    "mtproto.proxy.port=3128", "mtproto.proxy.username=spring").run(context -> {
                        assertThat(context).hasFailed();
                        keep(context, shown);
                    });
            app("mtproto.bot-token=" + bot.botToken(), "mtproto.session.store=string", "mtproto.session.string=mtproto1.notAS3ssionStr1ngAtAllReally")
                    .run(context -> {
                        assertThat(context).hasFailed();
                        keep(context, shown);
                    });
            assertThat(shown).hasSizeGreaterThan(6);
            SecretScan secrets = SecretScan.create().text(TestCluster.TEST_API_HASH).text(bot.botToken())
                    .text(bot.botToken().split(":")[1]).text(revoked.split(":")[1]).text(PROXY_PASSWORD).text(ee)
                    .bytes(HexFormat.of().parseHex(MTPROXY_KEY)).text("notAS3ssionStr1ngAtAllReally");
            assertThat(logs.texts()).isNotEmpty();
            secrets.assertNoneIn(logs.texts());
            secrets.assertNoneIn(shown);
        }
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
