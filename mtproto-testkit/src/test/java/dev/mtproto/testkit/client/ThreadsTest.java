package dev.mtproto.testkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.client.ClientResources;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.client.net.IoLoop;
import dev.mtproto.client.net.IoLoopGroup;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which threads the client uses: none at creation, a shared bounded set after, and user code never on a loop. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ThreadsTest {

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(1).strictChecks(true));

    private static final NearestDc NEAREST = new NearestDc("XX", 1, 1);

    private static Set<String> mtprotoThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("test-io") || n.startsWith("mtproto-")).collect(Collectors.toSet());
    }

    @Test
    void creatingAClientStartsNoThread() {
        try (IoLoopGroup loops = new IoLoopGroup(2, "test-io")) {
            ClientResources resources = ClientResources.builder().ioLoops(loops).build();
            Set<String> before = mtprotoThreads();
            MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().resources(resources).build());
            assertThat(mtprotoThreads()).as("threads started by create()").isEqualTo(before);
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(NEAREST);
            assertThat(mtprotoThreads()).anyMatch(n -> n.startsWith("test-io"));
            client.close();
        }
    }

    @Test
    void manyClientsShareOneSetOfThreads() {
        List<MtprotoClient> clients = new ArrayList<>();
        try (IoLoopGroup loops = new IoLoopGroup(2, "test-io")) {
            ClientResources resources = ClientResources.builder().ioLoops(loops).build();
            for (int i = 0; i < 20; i++) {
                MtprotoClient c = MtprotoClient.create(TELEGRAM.cluster().clientConfig().resources(resources).build());
                clients.add(c);
                c.invoke(GetNearestDc.INSTANCE).join();
            }
            assertThat(mtprotoThreads().stream().filter(n -> n.startsWith("test-io"))).hasSize(2);
        } finally {
            clients.forEach(MtprotoClient::close);
        }
    }

    @Test
    void continuationsNeverRunOnAnIoLoopEvenWithAnExecutorThatRunsTasksInPlace() throws Exception {
        Executor direct = Runnable::run;
        ClientResources resources = ClientResources.builder().callbacks(direct).build();
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().resources(resources).build())) {
            for (int i = 0; i < 50; i++) {
                CompletableFuture<Boolean> onLoop = client.invoke(GetNearestDc.INSTANCE).thenApply(r -> IoLoop.onLoopThread());
                assertThat(onLoop.get(10, TimeUnit.SECONDS)).as("continuation on an I/O loop").isFalse();
            }
            // a continuation that blocks on another call must not stall the connection
            assertThat(client.invoke(GetNearestDc.INSTANCE).thenApply(r -> client.invoke(GetNearestDc.INSTANCE).join())
                    .get(10, TimeUnit.SECONDS)).isEqualTo(NEAREST);
        }
    }

    @Test
    void callsCompleteEvenWhenTheCallbackExecutorRefusesWork() throws Exception {
        Executor refusing = task -> {
            throw new RejectedExecutionException("shut down");
        };
        Set<String> threads = ConcurrentHashMap.newKeySet();
        ClientResources resources = ClientResources.builder().callbacks(refusing).build();
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().resources(resources).build())) {
            for (int i = 0; i < 20; i++) {
                assertThat(client.invoke(GetNearestDc.INSTANCE).thenApply(r -> {
                    threads.add(Thread.currentThread().getName());
                    return r;
                }).get(10, TimeUnit.SECONDS)).isEqualTo(NEAREST);
            }
        }
        assertThat(threads).noneMatch(n -> n.startsWith("mtproto-io"));
    }
}
