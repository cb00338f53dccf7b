package dev.mtproto.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.transport.TransportErrorException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {
    private static final ReconnectPolicy NO_JITTER = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofSeconds(30), 2.0, 0);

    @Test
    void failuresInARowWaitLongerUpToTheMaximum() {
        ReconnectBackoff b = new ReconnectBackoff(NO_JITTER);
        assertThat(b.failed(new IOException())).isEqualTo(Duration.ofMillis(100));
        assertThat(b.failed(new IOException())).isEqualTo(Duration.ofMillis(200));
        assertThat(b.failed(new IOException())).isEqualTo(Duration.ofMillis(400));
        for (int i = 0; i < 20; i++) {
            b.failed(new IOException());
        }
        assertThat(b.failed(new IOException())).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aConnectionThatWorkedStartsTheCountAgain() {
        ReconnectBackoff b = new ReconnectBackoff(NO_JITTER);
        for (int i = 0; i < 10; i++) {
            b.failed(new IOException());
        }
        b.succeeded();
        assertThat(b.failures()).isZero();
        assertThat(b.failed(new IOException())).as("after a good connection").isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void tooManyConnectionsWaitsLonger() {
        ReconnectBackoff b = new ReconnectBackoff(NO_JITTER);
        assertThat(b.failed(new TransportErrorException(-429))).isEqualTo(Duration.ofMillis(1600));
    }
}
