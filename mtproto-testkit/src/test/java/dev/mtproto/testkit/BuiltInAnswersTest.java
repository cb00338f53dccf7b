package dev.mtproto.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.tl.api.Config;
import dev.mtproto.tl.api.DcOption;
import dev.mtproto.tl.api.help.GetConfig;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the test DC answers without scripting. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BuiltInAnswersTest {
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.withDcs(3);

    private static Config config(boolean testMode) {
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().testMode(testMode).homeDc(2).build())) {
            return (Config) client.invoke(GetConfig.INSTANCE).join();
        }
    }

    /** @return each DC option as "id@ip:port" */
    private static List<String> endpoints(Config config) {
        return config.dcOptions().stream().map(o -> (DcOption) o).map(o -> o.id() + "@" + o.ipAddress() + ":" + o.port()).toList();
    }

    @Test
    void getConfigListsTheClustersDcsAsTheyListen() {
        Config config = config(false);
        assertThat(config.testMode()).isFalse();
        assertThat(config.thisDc()).isEqualTo(2);
        assertThat(endpoints(config)).containsExactlyElementsOf(
                TELEGRAM.cluster().dcs().stream().map(dc -> dc.id() + "@127.0.0.1:" + dc.port()).toList());
    }

    /** A client of Telegram's test DCs names them with id + 10000 in the key exchange; it then gets test_mode. */
    @Test
    void aKeyCreatedForATestDcGetsTestMode() {
        Config config = config(true);
        assertThat(config.testMode()).isTrue();
        assertThat(config.thisDc()).isEqualTo(2);
        assertThat(endpoints(config)).as("the real ids, not offset").containsExactlyElementsOf(
                TELEGRAM.cluster().dcs().stream().map(dc -> dc.id() + "@127.0.0.1:" + dc.port()).toList());
    }
}
