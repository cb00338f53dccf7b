package dev.mtproto.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Mistakes in {@code mtproto.*} stop the start with a report naming the property and the fix. */
class MtprotoPropertiesValidationTest {
    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MtprotoAutoConfiguration.class))
            .withPropertyValues("mtproto.auto-startup=false", "mtproto.session.store=memory");

    private static final String APP = "mtproto.api-id=17349";
    private static final String HASH = "mtproto.api-hash=0123456789abcdef0123456789abcdef";

    @Test
    void proxyRouteWithoutAProxy() {
        this.contextRunner.withPropertyValues(APP, HASH, "mtproto.transport.routes=direct,proxy").run((context) ->
                assertReport(context, "mtproto.transport.routes", "lists proxy, but no proxy is configured", "mtproto.proxy.type"));
    }

    @Test
    void routeListedTwice() {
        this.contextRunner.withPropertyValues(APP, HASH, "mtproto.transport.routes=direct,direct").run((context) ->
                assertReport(context, "mtproto.transport.routes", "lists direct twice", "at most once"));
    }

    @Test
    void staggerOutOfRange() {
        this.contextRunner.withPropertyValues(APP, HASH, "mtproto.transport.selection=race", "mtproto.transport.stagger=2m")
                .run((context) -> assertReport(context, "mtproto.transport.stagger", "0 to 60 s", "250ms"));
    }

    @Test
    void ipv4OnlyFamilyWithIpv6() {
        this.contextRunner.withPropertyValues(APP, HASH, "mtproto.dc.ipv6=true", "mtproto.dc.ip-family=ipv4-only").run((context) ->
                assertReport(context, "mtproto.dc.ip-family", "ipv4-only, but mtproto.dc.ipv6 is true", "prefer-ipv6"));
    }

    @Test
    void missingApiId() {
        this.contextRunner.run((context) -> assertReport(context, "mtproto.api-id", "not set", "https://my.telegram.org"));
    }

    @Test
    void missingApiHash() {
        this.contextRunner.withPropertyValues(APP).run((context) -> assertReport(context, "mtproto.api-hash", "not set", "api_hash"));
    }

    @Test
    void apiHashOfTheWrongShape() {
        this.contextRunner.withPropertyValues(APP, "mtproto.api-hash=secret").run((context) ->
                assertReport(context, "mtproto.api-hash", "not 32 hexadecimal digits", "https://my.telegram.org"));
    }

    @Test
    void botTokenOfTheWrongShapeNeverShowsIt() {
        this.contextRunner.withPropertyValues(APP, HASH, "mtproto.bot-token=12345-not-a-token").run((context) -> {
            FailureAnalysis a = assertReport(context, "mtproto.bot-token", "does not have the shape of a bot token", "@BotFather");
            assertThat(a.getDescription() + a.getAction()).doesNotContain("12345-not-a-token");
        });
    }

    @Test
    void botTokenAndPhoneTogether() {
        this.contextRunner.withPropertyValues(APP, HASH, "mtproto.bot-token=" + MtprotoAutoConfigurationTest.TOKEN, "mtproto.phone=+15550100")
                .run((context) -> assertReport(context, "mtproto.bot-token", "set together with mtproto.phone", "remove one"));
    }

    @Test
    void qrLoginWithATokenOrAPhone() {
        this.contextRunner.withPropertyValues(APP, HASH, "mtproto.bot-token=" + MtprotoAutoConfigurationTest.TOKEN, "mtproto.qr-login=true")
                .run((context) -> assertReport(context, "mtproto.qr-login", "set together with mtproto.bot-token", "never by QR code"));
        this.contextRunner.withPropertyValues(APP, HASH, "mtproto.clients.archive.phone=+15550100", "mtproto.clients.archive.qr-login=true")
                .run((context) -> assertReport(context, "mtproto.clients.archive.qr-login", "set together with mtproto.clients.archive.phone",
                        "remove one of mtproto.clients.archive.phone and mtproto.clients.archive.qr-login"));
        this.contextRunner.withPropertyValues(APP, HASH, "mtproto.qr-login=true", "mtproto.clients.archive.qr-login=true")
                .run((context) -> assertReport(context, "mtproto.qr-login", "set together with mtproto.clients", ".qr-login"));
    }

    @Test
    void fileSettingsOutOfRange() {
        this.contextRunner.withPropertyValues(APP, HASH, "mtproto.bot-token=" + MtprotoAutoConfigurationTest.TOKEN, "mtproto.files.parts-in-flight=0")
                .run((context) -> assertReport(context, "mtproto.files.parts-in-flight", "1..64", "docs/spring-boot.md"));
        this.contextRunner.withPropertyValues(APP, HASH, "mtproto.bot-token=" + MtprotoAutoConfigurationTest.TOKEN, "mtproto.files.lanes-per-dc=17")
                .run((context) -> assertReport(context, "mtproto.files.lanes-per-dc", "1..16", "docs/spring-boot.md"));
        this.contextRunner.withPropertyValues(APP, HASH, "mtproto.bot-token=" + MtprotoAutoConfigurationTest.TOKEN, "mtproto.files.part-timeout=0s")
                .run((context) -> assertReport(context, "mtproto.files.part-timeout", "positive", "docs/spring-boot.md"));
    }

    @Test
    void phoneThatIsNotOne() {
        this.contextRunner.withPropertyValues(APP, HASH, "mtproto.phone=call me").run((context) ->
                assertReport(context, "mtproto.phone", "not a phone number", "+15550100"));
    }

    @Test
    void topLevelTokenBesideNamedAccounts() {
        this.contextRunner.withPropertyValues(APP, HASH, "mtproto.bot-token=" + MtprotoAutoConfigurationTest.TOKEN,
                "mtproto.clients.support.bot-token=" + MtprotoAutoConfigurationTest.TOKEN).run((context) ->
                        assertReport(context, "mtproto.bot-token", "set together with mtproto.clients", "mtproto.clients.<name>.bot-token"));
    }

    @Test
    void namedAccountsOwnMistakeNamesItsProperty() {
        this.contextRunner.withPropertyValues(APP, HASH, "mtproto.clients.support.bot-token=nope").run((context) ->
                assertReport(context, "mtproto.clients.support.bot-token", "shape of a bot token", "@BotFather"));
    }

    @Test
    void stringStoreWithoutAString() {
        this.contextRunner.withPropertyValues(APP, HASH, "mtproto.session.store=string").run((context) ->
                assertReport(context, "mtproto.session.string", "not set", "SessionString.export"));
    }

    @Test
    void stringStoreWithAStringThatIsNotOne() {
        this.contextRunner.withPropertyValues(APP, HASH, "mtproto.session.store=string", "mtproto.session.string=garbage").run((context) ->
                assertReport(context, "mtproto.session.string", "cannot be read", "export it again"));
    }

    @Test
    void jdbcStoreWithoutADataSource() {
        this.contextRunner.withPropertyValues(APP, HASH, "mtproto.session.store=jdbc").run((context) ->
                assertReport(context, "mtproto.session.store", "no DataSource", "spring.datasource"));
    }

    @Test
    void dcAddressWithoutAPort() {
        this.contextRunner.withPropertyValues(APP, HASH, "mtproto.dc.addresses.2=149.154.167.51").run((context) ->
                assertReport(context, "mtproto.dc.addresses.2", "not host:port", "2: 149.154.167.51:443"));
    }

    @Test
    void rsaKeyThatIsNotPem() {
        this.contextRunner.withPropertyValues(APP, HASH, "mtproto.dc.rsa-public-key=abc").run((context) ->
                assertReport(context, "mtproto.dc.rsa-public-key", "not a PEM RSA public key", "BEGIN RSA PUBLIC KEY"));
    }

    @Test
    void homeDcWithoutAnAddress() {
        this.contextRunner.withPropertyValues(APP, HASH, "mtproto.dc.addresses.1=127.0.0.1:4430", "mtproto.dc.home=4").run((context) ->
                assertReport(context, "mtproto.dc.home", "home DC 4", "one of the DCs in mtproto.dc.addresses"));
    }

    @Test
    void workersOutOfRange() {
        this.contextRunner.withPropertyValues(APP, HASH, "mtproto.updates.workers=0").run((context) ->
                assertReport(context, "mtproto.updates", "workers must be at least 1", "docs/spring-boot.md"));
    }

    private static FailureAnalysis assertReport(AssertableApplicationContext context, String property, String problem, String fix) {
        assertThat(context).hasFailed();
        InvalidMtprotoPropertyException e = find(context.getStartupFailure());
        assertThat(e.property()).isEqualTo(property);
        assertThat(e.getMessage()).contains(problem);
        FailureAnalysis analysis = new InvalidMtprotoPropertyFailureAnalyzer().analyze(context.getStartupFailure());
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains(property).contains(problem);
        assertThat(analysis.getAction()).contains(property).contains(fix);
        return analysis;
    }

    private static InvalidMtprotoPropertyException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InvalidMtprotoPropertyException e) {
                return e;
            }
        }
        throw new AssertionError("no InvalidMtprotoPropertyException in " + t, t);
    }
}
