package dev.mtproto.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the {@code mtproto.client.requests} observations. Define a bean of this type to replace
 * {@link DefaultMtprotoClientObservationConvention} (extend it to add keys).
 */
public interface MtprotoClientObservationConvention extends ObservationConvention<RequestObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof RequestObservationContext;
    }
}
