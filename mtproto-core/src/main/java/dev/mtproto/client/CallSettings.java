package dev.mtproto.client;

import dev.mtproto.client.interceptor.RpcInterceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a client makes its calls: their default deadline, the longest flood wait it sits out by itself,
 * whether it follows migrations, and the interceptors every call passes. The part of a {@link ClientConfig}
 * that {@link ClientConfigBuilder}'s call setters fill in, through a {@link Draft}.
 *
 * @param requestTimeout the default deadline of a call
 * @param floodWaitThreshold the longest flood wait sat out before retrying
 * @param followMigrations whether {@code *_MIGRATE_X} answers are followed by the client
 * @param interceptors the configured interceptors, outermost first
 */
record CallSettings(Duration requestTimeout, Duration floodWaitThreshold, boolean followMigrations,
                    List<RpcInterceptor> interceptors) {

    /**
     * The call settings being configured, with their defaults (60 s, 60 s, following, none); each setter
     * checks its argument at once. Not thread-safe.
     */
    static final class Draft {
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration floodWaitThreshold = Duration.ofSeconds(60);
        private boolean followMigrations = true;
        private final List<RpcInterceptor> interceptors = new ArrayList<>();

        /** @see ClientConfigBuilder#requestTimeout(Duration) */
        void requestTimeout(Duration value) {
            this.requestTimeout = PositiveDuration.require(value, "requestTimeout");
        }

        /** @see ClientConfigBuilder#floodWaitThreshold(Duration) */
        void floodWaitThreshold(Duration value) {
            Objects.requireNonNull(value, "floodWaitThreshold");
            if (value.isNegative()) {
                throw new IllegalArgumentException("floodWaitThreshold cannot be negative, got " + value);
            }
            this.floodWaitThreshold = value;
        }

        /** @see ClientConfigBuilder#followMigrations(boolean) */
        void followMigrations(boolean value) {
            this.followMigrations = value;
        }

        /** @see ClientConfigBuilder#addInterceptor(RpcInterceptor) */
        void addInterceptor(RpcInterceptor value) {
            interceptors.add(Objects.requireNonNull(value, "interceptor"));
        }

        /** @return the settings, with a copy of the interceptors added so far */
        CallSettings build() {
            return new CallSettings(requestTimeout, floodWaitThreshold, followMigrations, List.copyOf(interceptors));
        }
    }
}
