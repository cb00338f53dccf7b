package dev.mtproto.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.tl.api.Config;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.help.GetConfig;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Session faults end to end: the real client against the real test DC, counting what the DC executed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionFaultsAgainstTestDcTest {

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.withDcs(1);

    private final List<MtprotoClient> clients = new ArrayList<>();
    private TestDc dc;

    @BeforeEach
    void setUp() {
        dc = TELEGRAM.cluster().dc(1);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(MtprotoClient::close);
    }

    private MtprotoClient client() {
        MtprotoClient c = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build());
        clients.add(c);
        return c;
    }

    /** Issue 6: a delay fault (during which the client fetches future salts), then a salt change. */
    @Test
    void aSaltChangeAfterADelayedCallLeavesTheSessionWorking() {
        MtprotoClient client = client();
        client.invoke(GetNearestDc.INSTANCE).join();
        dc.faults().nextCall(GetNearestDc.class).delay(Duration.ofMillis(2500)); // the client's tick fetches future salts meanwhile
        assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(new NearestDc("XX", 1, 1));
        dc.faults().badServerSaltOnNextMessage();
        assertThat(client.invoke(GetConfig.INSTANCE, Duration.ofSeconds(10)).join()).isInstanceOf(Config.class);
        assertThat(client.invoke(GetNearestDc.INSTANCE, Duration.ofSeconds(10)).join()).isEqualTo(new NearestDc("XX", 1, 1));
    }
}
