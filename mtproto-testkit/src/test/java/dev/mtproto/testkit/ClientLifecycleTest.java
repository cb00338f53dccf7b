package dev.mtproto.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.client.ClientClosedException;
import dev.mtproto.client.ConnectionState;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.session.RequestTimeoutException;
import dev.mtproto.store.DcAuthorization;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.store.SessionStore;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client's life cycle and its resilience to its own dependencies: closing, callbacks, failing stores, forged errors. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientLifecycleTest {

    /** Strict checks: our own client follows the docs to the letter. */
    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1).strictChecks(true));

    private static final NearestDc NEAREST = new NearestDc("XX", 1, 1);

    @Test
    void aClosedClientOpensNoConnectionAndFailsCallsAtOnce() throws Exception {
        TestDc dc = TELEGRAM.cluster().dc(1);
        MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().build());
        client.close();
        int before = dc.acceptedConnections();
        CompletableFuture<Void> connecting = client.connect();
        CompletableFuture<?> call = client.invoke(GetNearestDc.INSTANCE);
        assertThat(connecting).isCompletedExceptionally();
        assertThatThrownBy(call::join).hasCauseInstanceOf(ClientClosedException.class);
        Thread.sleep(500);
        assertThat(dc.acceptedConnections()).as("connections opened after close()").isEqualTo(before);
        assertThat(client.state()).isNotEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void aContinuationOfConnectMayBlockOnACallWithoutStallingTheConnection() throws Exception {
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().requestTimeout(Duration.ofSeconds(5)).build())) {
            CompletableFuture<Object> chained = client.connect().thenApply(v -> client.invoke(GetNearestDc.INSTANCE).join());
            assertThat(chained.get(20, TimeUnit.SECONDS)).isEqualTo(NEAREST);
        }
    }

    @Test
    void aFailingSessionStoreNeitherStopsTimeoutsNorBreaksClose() throws Exception {
        TestDc dc = TELEGRAM.cluster().dc(1);
        AtomicBoolean diskFull = new AtomicBoolean();
        SessionStore store = new FailingStore(diskFull);
        MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(store).build());
        try {
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(NEAREST);
            diskFull.set(true);
            dc.faults().badServerSaltOnNextMessage(); // a new salt: the next tick wants to save it, and fails
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(NEAREST);
            Thread.sleep(2_500);
            dc.faults().nextCall(GetNearestDc.class).delay(Duration.ofSeconds(30));
            CompletableFuture<?> slow = client.invoke(GetNearestDc.INSTANCE, Duration.ofSeconds(2));
            assertThatThrownBy(() -> slow.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(RequestTimeoutException.class);
        } finally {
            client.close(); // the store still fails: close must finish anyway
        }
        assertThat(client.state()).isEqualTo(ConnectionState.CLOSED);
        assertThatThrownBy(() -> client.invoke(GetNearestDc.INSTANCE).join()).hasCauseInstanceOf(ClientClosedException.class);
    }

    @Test
    void oneForgedKeyNotFoundErrorDoesNotThrowAwayTheKey() {
        TestDc dc = TELEGRAM.cluster().dc(1);
        MemorySessionStore store = new MemorySessionStore();
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().sessionStore(store).build())) {
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(NEAREST);
            long keyId = store.loadAuthorization(1).orElseThrow().authKey().id();
            int keys = dc.authKeyCount();
            dc.faults().transportErrorOnNextFrame(-404); // unauthenticated: anyone on the path could send it
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(NEAREST);
            assertThat(store.loadAuthorization(1).orElseThrow().authKey().id()).isEqualTo(keyId);
            assertThat(dc.authKeyCount()).isEqualTo(keys);
        }
    }

    /** Works until told that the disk is full; then every write fails as a real store's would. */
    private static final class FailingStore implements SessionStore {
        private final MemorySessionStore memory = new MemorySessionStore();
        private final AtomicBoolean diskFull;

        FailingStore(AtomicBoolean diskFull) {
            this.diskFull = diskFull;
        }

        private void write() {
            if (diskFull.get()) {
                throw new UncheckedIOException(new IOException("No space left on device"));
            }
        }

        @Override
        public Optional<DcAuthorization> loadAuthorization(int dcId) {
            return memory.loadAuthorization(dcId);
        }

        @Override
        public void saveAuthorization(int dcId, DcAuthorization authorization) {
            write();
            memory.saveAuthorization(dcId, authorization);
        }

        @Override
        public void deleteAuthorization(int dcId) {
            write();
            memory.deleteAuthorization(dcId);
        }

        @Override
        public OptionalInt loadHomeDc() {
            return memory.loadHomeDc();
        }

        @Override
        public void saveHomeDc(int dcId) {
            write();
            memory.saveHomeDc(dcId);
        }

        @Override
        public void clear() {
            write();
            memory.clear();
        }
    }
}
