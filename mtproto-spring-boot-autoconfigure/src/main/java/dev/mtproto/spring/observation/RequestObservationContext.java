package dev.mtproto.spring.observation;

import dev.mtproto.client.interceptor.RpcRequest;
import io.micrometer.observation.Observation;
import java.util.Objects;

/**
 * What an {@code mtproto.client.requests} observation knows of its call: the account and the request as the
 * application made it (method, DC, call id). The outcome is read from {@link #getError()} once it stopped.
 */
public final class RequestObservationContext extends Observation.Context {
    private final String accountName;
    private final RpcRequest<?> request;

    /**
     * @param accountName the account that makes the call
     * @param request its first attempt
     */
    public RequestObservationContext(String accountName, RpcRequest<?> request) {
        this.accountName = Objects.requireNonNull(accountName, "accountName");
        this.request = Objects.requireNonNull(request, "request");
    }

    /** @return the account that makes the call */
    public String accountName() {
        return accountName;
    }

    /** @return the call's first attempt, as it entered the interceptor chain */
    public RpcRequest<?> request() {
        return request;
    }
}
