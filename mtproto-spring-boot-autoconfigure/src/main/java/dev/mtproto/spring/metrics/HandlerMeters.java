package dev.mtproto.spring.metrics;

import dev.mtproto.spring.client.TelegramAccount;
import dev.mtproto.spring.handler.HandlerInvocationListener;
import dev.mtproto.spring.handler.UpdateHandlerEndpoint;
import dev.mtproto.telegram.TelegramUpdate;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;

/**
 * Times every {@code @UpdateHandler} invocation as {@code mtproto.updates.handler}, tagged with the handler's
 * id, the update type and the outcome ({@code success} or {@code error}, with the exception's simple name in
 * {@code error}): the errors per handler are the count of its {@code outcome=error} series.
 */
public final class HandlerMeters implements HandlerInvocationListener {
    private final MeterRegistry registry;

    /** @param registry where the timers go */
    public HandlerMeters(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public Invocation started(UpdateHandlerEndpoint endpoint, TelegramUpdate update, TelegramAccount account) {
        Timer.Sample sample = Timer.start(registry);
        String type = MtprotoMetrics.typeOf(update);
        return error -> sample.stop(Timer.builder("mtproto.updates.handler").description("Update handler invocations")
                .tag(MtprotoMeterTags.ACCOUNT, account.name()).tag("mtproto.handler", endpoint.id()).tag("update.type", type)
                .tag("outcome", error == null ? "success" : "error").tag("error", error == null ? "none" : error.getClass().getSimpleName())
                .register(registry));
    }
}
