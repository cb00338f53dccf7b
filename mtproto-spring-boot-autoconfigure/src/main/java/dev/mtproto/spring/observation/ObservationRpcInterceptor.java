package dev.mtproto.spring.observation;

import dev.mtproto.client.interceptor.RpcChain;
import dev.mtproto.client.interceptor.RpcInterceptor;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Observes every call of one account's client as {@code mtproto.client.requests}. Added before the client's
 * built-in interceptors, it sees each call once, from the moment it is made to its outcome, with the waits
 * after flood waits and the retries after DC migrations inside.
 */
public final class ObservationRpcInterceptor implements RpcInterceptor {
    private static final DefaultMtprotoClientObservationConvention DEFAULT_CONVENTION = new DefaultMtprotoClientObservationConvention();

    private final String accountName;
    private final ObservationRegistry registry;
    private final @Nullable MtprotoClientObservationConvention convention;

    /**
     * @param accountName the account whose client this is
     * @param registry where the observations go
     * @param convention the application's convention, or null for the default one
     */
    public ObservationRpcInterceptor(String accountName, ObservationRegistry registry, @Nullable MtprotoClientObservationConvention convention) {
        this.accountName = Objects.requireNonNull(accountName, "accountName");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.convention = convention;
    }

    @Override
    public <R> CompletableFuture<R> intercept(RpcChain<R> chain) {
        RequestObservationContext context = new RequestObservationContext(accountName, chain.request());
        Observation observation = MtprotoObservationDocumentation.CLIENT_REQUESTS
                .observation(convention, DEFAULT_CONVENTION, () -> context, registry).start();
        CompletableFuture<R> outcome;
        try (Observation.Scope scope = observation.openScope()) {
            outcome = chain.proceed(chain.request());
        } catch (RuntimeException | Error e) {
            observation.error(e);
            observation.stop();
            throw e;
        }
        return outcome.whenComplete((result, error) -> {
            if (error != null) {
                observation.error(RequestOutcome.unwrap(error));
            }
            observation.stop();
        });
    }
}
