package dev.mtproto.spring.autoconfigure.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.spring.autoconfigure.MtprotoAutoConfiguration;
import dev.mtproto.spring.autoconfigure.health.MtprotoHealthContributorAutoConfiguration;
import dev.mtproto.spring.client.TelegramClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Runs only in the surefire execution {@code health-module-absent}, whose classpath lacks
 * {@code spring-boot-health} altogether: the health auto-configuration must then stay away without breaking
 * the application (a {@code FilteredClassLoader} cannot show this, see docs/spring-boot-observability.md).
 */
class HealthModuleAbsentTest {
    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MtprotoAutoConfiguration.class, MtprotoHealthContributorAutoConfiguration.class))
            .withPropertyValues("mtproto.auto-startup=false", "mtproto.api-id=17349", "mtproto.api-hash=0123456789abcdef0123456789abcdef",
                    "mtproto.session.store=memory", "mtproto.dc.addresses.2=127.0.0.1:1", "mtproto.dc.home=2",
                    "mtproto.bot-token=123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq");

    @Test
    void withoutSpringBootHealthTheApplicationStartsWithoutTheIndicator() {
        assertThat(getClass().getClassLoader().getResource("org/springframework/boot/health/contributor/HealthIndicator.class")).isNull();
        this.contextRunner.run((context) -> {
            assertThat(context).hasNotFailed().hasSingleBean(TelegramClients.class);
            assertThat(context.containsBean("mtprotoHealthIndicator")).isFalse();
        });
    }
}
