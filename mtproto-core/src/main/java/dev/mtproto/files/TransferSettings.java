package dev.mtproto.files;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link FileTransfers} works. Build with {@link #builder()}; every value is checked by {@link Builder#build()}.
 *
 * @param partsInFlight how many parts one transfer has sent and not yet had answered (default 8); with the part
 *     size this bounds the transfer's memory
 * @param lanesPerDc how many upload (and download) connections to one DC the transfers share, each its own
 *     MTProto session over the DC's key (default 2); parts are spread over them
 * @param cdnSupported whether downloads accept {@code upload.fileCdnRedirect} (default true)
 * @param partAttempts how many times one part is sent before the transfer fails (default 5); retried after a
 *     lost connection, a timeout or an internal server error, never after an error the DC means
 * @param retryBackoff the wait before the second attempt of a part, doubled for each further one (default 200 ms)
 * @param maxRetryBackoff the longest such wait (default 5 s)
 * @param partTimeout how long one part may wait for its answer (default 60 s)
 * @param maxFloodWait the longest {@code FLOOD_WAIT} a part waits out before the transfer fails with it (default
 *     60 s); the wait does not count as an attempt
 */
public record TransferSettings(int partsInFlight, int lanesPerDc, boolean cdnSupported, int partAttempts,
        Duration retryBackoff, Duration maxRetryBackoff, Duration partTimeout, Duration maxFloodWait) {

    /** @throws IllegalArgumentException if a value is out of range */
    public TransferSettings {
        if (partsInFlight < 1 || partsInFlight > 64) {
            throw new IllegalArgumentException("partsInFlight must be in 1..64, got " + partsInFlight);
        }
        if (lanesPerDc < 1 || lanesPerDc > 16) {
            throw new IllegalArgumentException("lanesPerDc must be in 1..16, got " + lanesPerDc);
        }
        if (partAttempts < 1) {
            throw new IllegalArgumentException("partAttempts must be at least 1, got " + partAttempts);
        }
        notNegative("retryBackoff", retryBackoff);
        notNegative("maxRetryBackoff", maxRetryBackoff);
        notNegative("partTimeout", partTimeout);
        notNegative("maxFloodWait", maxFloodWait);
        if (partTimeout.isZero()) {
            throw new IllegalArgumentException("partTimeout must be positive");
        }
    }

    private static void notNegative(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " cannot be negative, got " + d);
        }
    }

    /** @return the defaults */
    public static TransferSettings defaults() {
        return builder().build();
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link TransferSettings}. */
    public static final class Builder {
        private int partsInFlight = 8;
        private int lanesPerDc = 2;
        private boolean cdnSupported = true;
        private int partAttempts = 5;
        private Duration retryBackoff = Duration.ofMillis(200);
        private Duration maxRetryBackoff = Duration.ofSeconds(5);
        private Duration partTimeout = Duration.ofSeconds(60);
        private Duration maxFloodWait = Duration.ofSeconds(60);

        private Builder() {
        }

        /** @param value parts in flight per transfer, 1..64 @return this builder */
        public Builder partsInFlight(int value) {
            this.partsInFlight = value;
            return this;
        }

        /** @param value connections per DC and direction, 1..16 @return this builder */
        public Builder lanesPerDc(int value) {
            this.lanesPerDc = value;
            return this;
        }

        /** @param value whether downloads may be sent to a CDN DC @return this builder */
        public Builder cdnSupported(boolean value) {
            this.cdnSupported = value;
            return this;
        }

        /** @param value attempts per part, at least 1 @return this builder */
        public Builder partAttempts(int value) {
            this.partAttempts = value;
            return this;
        }

        /**
         * @param first the wait before the second attempt
         * @param max the longest wait
         * @return this builder
         */
        public Builder retryBackoff(Duration first, Duration max) {
            this.retryBackoff = first;
            this.maxRetryBackoff = max;
            return this;
        }

        /** @param value how long a part waits for its answer @return this builder */
        public Builder partTimeout(Duration value) {
            this.partTimeout = value;
            return this;
        }

        /** @param value the longest flood wait sat out @return this builder */
        public Builder maxFloodWait(Duration value) {
            this.maxFloodWait = value;
            return this;
        }

        /**
         * @return the settings
         * @throws IllegalArgumentException if a value is out of range
         */
        public TransferSettings build() {
            return new TransferSettings(partsInFlight, lanesPerDc, cdnSupported, partAttempts, retryBackoff,
                    maxRetryBackoff, partTimeout, maxFloodWait);
        }
    }
}
