package dev.mtproto.testkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.client.interceptor.RpcChain;
import dev.mtproto.client.interceptor.RpcInterceptor;
import dev.mtproto.client.interceptor.RpcRequest;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDcExtension;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The interceptor chain: order, retries, redirects, waits and cancellation, against two real test DCs. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InterceptorsTest {

    @RegisterExtension
    static final TestDcExtension TELEGRAM = TestDcExtension.of(TestCluster.builder().dcs(2).strictChecks(true));

    /** Records what it sees and passes the request on unchanged. */
    private static final class Recording implements RpcInterceptor {
        final String name;
        final List<String> log;

        Recording(String name, List<String> log) {
            this.name = name;
            this.log = log;
        }

        @Override
        public <R> CompletableFuture<R> intercept(RpcChain<R> chain) {
            RpcRequest<R> r = chain.request();
            log.add(name + " " + r.methodName() + " " + r.target() + " #" + r.attempt());
            return chain.proceed(r).whenComplete((v, e) -> log.add(name + " done"));
        }
    }

    @Test
    void interceptorsSeeEveryCallInTheOrderAdded() {
        List<String> log = new CopyOnWriteArrayList<>();
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig()
                .addInterceptor(new Recording("outer", log)).addInterceptor(new Recording("inner", log)).build())) {
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(new NearestDc("XX", 1, 1));
        }
        assertThat(log).containsExactly("outer help.getNearestDc DC 1 #1", "inner help.getNearestDc DC 1 #1",
                "inner done", "outer done");
    }

    @Test
    void anInterceptorRetriesAfterWaitingWithoutHoldingAThread() {
        TELEGRAM.cluster().dc(1).faults().nextCall(GetNearestDc.class).times(2).failWith(500, "INTERNAL_SERVER_ERROR");
        AtomicInteger attempts = new AtomicInteger();
        RpcInterceptor retryServerErrors = new RpcInterceptor() {
            @Override
            public <R> CompletableFuture<R> intercept(RpcChain<R> chain) {
                return retry(chain, chain.request());
            }

            private <R> CompletableFuture<R> retry(RpcChain<R> chain, RpcRequest<R> request) {
                attempts.set(request.attempt());
                return chain.proceed(request).exceptionallyCompose(e -> {
                    Throwable cause = e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
                    if (cause instanceof RpcException r && r.code() == 500 && request.attempt() < 5) {
                        return chain.delay(Duration.ofMillis(50)).thenCompose(v -> retry(chain, request.nextAttempt()));
                    }
                    return CompletableFuture.failedFuture(cause);
                });
            }
        };
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().addInterceptor(retryServerErrors).build())) {
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(new NearestDc("XX", 1, 1));
        }
        assertThat(attempts).as("two refused, one answered").hasValue(3);
        assertThat(TELEGRAM.cluster().dc(1).inspection().executions(GetNearestDc.class)).as("executed once").isEqualTo(1);
    }

    @Test
    void anInterceptorRedirectsACallToAnotherDc() {
        RpcInterceptor toDc2 = new RpcInterceptor() {
            @Override
            public <R> CompletableFuture<R> intercept(RpcChain<R> chain) {
                return chain.proceed(chain.request().withTarget(ConnectionId.main(2)));
            }
        };
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().addInterceptor(toDc2).build())) {
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(new NearestDc("XX", 2, 2));
        }
        assertThat(TELEGRAM.cluster().dc(1).inspection().executions(GetNearestDc.class)).isZero();
    }

    @Test
    void anInterceptorMayAnswerWithoutProceedingOrFailTheCall() {
        RpcInterceptor refuse = new RpcInterceptor() {
            @Override
            public <R> CompletableFuture<R> intercept(RpcChain<R> chain) {
                throw RpcException.of(400, "REFUSED_LOCALLY", chain.request().methodName());
            }
        };
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().addInterceptor(refuse).build())) {
            assertThatThrownBy(() -> client.invoke(GetNearestDc.INSTANCE).join()).cause()
                    .isInstanceOf(RpcException.class).hasMessageContaining("REFUSED_LOCALLY");
        }
        assertThat(TELEGRAM.cluster().dc(1).inspection().executions(GetNearestDc.class)).isZero();
    }

    @Test
    void cancellingACallCancelsTheWaitItIsIn() throws Exception {
        AtomicInteger proceeded = new AtomicInteger();
        CompletableFuture<CompletableFuture<Void>> waitSeen = new CompletableFuture<>();
        RpcInterceptor slow = new RpcInterceptor() {
            @Override
            public <R> CompletableFuture<R> intercept(RpcChain<R> chain) {
                CompletableFuture<Void> wait = chain.delay(Duration.ofMinutes(5));
                waitSeen.complete(wait);
                return wait.thenCompose(v -> {
                    proceeded.incrementAndGet();
                    return chain.proceed(chain.request());
                });
            }
        };
        try (MtprotoClient client = MtprotoClient.create(TELEGRAM.cluster().clientConfig().addInterceptor(slow).build())) {
            CompletableFuture<?> call = client.invoke(GetNearestDc.INSTANCE);
            CompletableFuture<Void> wait = waitSeen.get(5, TimeUnit.SECONDS);
            assertThat(call.cancel(true)).isTrue();
            assertThat(wait).isCancelled();
            assertThatThrownBy(call::join).isInstanceOf(CancellationException.class);
            assertThat(proceeded).hasValue(0);
        }
    }
}
