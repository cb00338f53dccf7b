package dev.mtproto.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TestDc#restartKeepingKeys()}: same port, same keys, sessions and connections gone. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TestDcRestartTest {

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.withDcs(1);

    @Test
    void aRestartKeepsThePortAndTheKeysAndForgetsSessionsAndConnections() {
        TestDc dc = TELEGRAM.cluster().dc(1);
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build())) {
            client.invoke(GetNearestDc.INSTANCE).join();
            int port = dc.port();
            int keys = dc.inspection().authKeyCount();
            int accepted = dc.inspection().acceptedConnections();

            dc.restartKeepingKeys();

            assertThat(dc.port()).isEqualTo(port);
            assertThat(dc.inspection().sessionCount()).as("sessions forgotten").isZero();
            assertThat(client.invoke(GetNearestDc.INSTANCE, Duration.ofSeconds(10)).join()).isEqualTo(new NearestDc("XX", 1, 1));
            assertThat(dc.inspection().authKeyCount()).as("the client's key survived: no new key exchange").isEqualTo(keys);
            assertThat(dc.inspection().acceptedConnections()).as("the client reconnected").isGreaterThan(accepted);
            assertThat(dc.inspection().sessionCount()).isEqualTo(1);
        }
    }
}
