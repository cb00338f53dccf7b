package dev.mtproto.spring.observation;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.spring.observation.MtprotoObservationDocumentation.RequestHighCardinalityKeys;
import dev.mtproto.spring.observation.MtprotoObservationDocumentation.RequestLowCardinalityKeys;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The default names and keys of {@code mtproto.client.requests} (see {@link MtprotoObservationDocumentation}):
 * the contextual name is the method's TL name.
 */
public class DefaultMtprotoClientObservationConvention implements MtprotoClientObservationConvention {
    /** The observation's name, and so the timer's. */
    public static final String NAME = "mtproto.client.requests";
    private static final String NONE = "none";

    /** Makes the convention. */
    public DefaultMtprotoClientObservationConvention() {
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(RequestObservationContext context) {
        return context.request().methodName();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(RequestObservationContext context) {
        Throwable error = RequestOutcome.unwrap(context.getError());
        RpcException rpc = error instanceof RpcException e ? e : null;
        return KeyValues.of(RequestLowCardinalityKeys.RPC_SYSTEM.withValue("mtproto"),
                RequestLowCardinalityKeys.RPC_METHOD.withValue(context.request().methodName()),
                RequestLowCardinalityKeys.OUTCOME.withValue(RequestOutcome.of(error).tagValue()),
                RequestLowCardinalityKeys.RPC_ERROR_CODE.withValue(rpc == null ? NONE : Integer.toString(rpc.code())),
                RequestLowCardinalityKeys.ERROR_NAME.withValue(errorName(rpc)),
                RequestLowCardinalityKeys.DC.withValue(Integer.toString(context.request().target().dcId())),
                RequestLowCardinalityKeys.ACCOUNT.withValue(context.accountName()));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(RequestObservationContext context) {
        return KeyValues.of(RequestHighCardinalityKeys.CALL_ID.withValue(Long.toString(context.request().callId())));
    }

    private static String errorName(@Nullable RpcException rpc) {
        return rpc == null ? NONE : rpc.errorName();
    }
}
