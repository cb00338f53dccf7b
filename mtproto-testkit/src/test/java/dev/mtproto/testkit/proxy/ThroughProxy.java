package dev.mtproto.testkit.proxy;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.client.net.Dialer;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A fresh client of a test cluster whose every connection goes through a given dialer. */
final class ThroughProxy {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private ThroughProxy() {
    }

    /** Runs a fresh client through the dialer: a key exchange (its store is empty), then help.getNearestDc. */
    static NearestDc callThrough(TestCluster cluster, Dialer dialer) throws Exception {
        try (MtprotoClient client = MtprotoClient.create(cluster.clientConfig().dialer(dialer).build())) {
            client.connect().get(20, TimeUnit.SECONDS);
            return (NearestDc) client.invoke(GetNearestDc.INSTANCE).get(20, TimeUnit.SECONDS);
        }
    }

    /** @return why {@code connect()} failed, with the dialer given and a connect timeout of {@link #CONNECT_TIMEOUT} */
    static Throwable connectFailure(TestCluster cluster, Dialer dialer) {
        try (MtprotoClient client = MtprotoClient.create(cluster.clientConfig().dialer(dialer).connectTimeout(CONNECT_TIMEOUT).build())) {
            return assertThrows(ExecutionException.class, () -> client.connect().get(20, TimeUnit.SECONDS)).getCause();
        }
    }
}
