package dev.mtproto.keyexchange;

import dev.mtproto.crypto.RandomSource;
import dev.mtproto.crypto.RsaKeyRing;
import java.time.Clock;
import java.util.Objects;

/** Configures a {@link ClientKeyExchange}. Not thread-safe. */
public final class ClientKeyExchangeBuilder {
    final int dcId;
    final RsaKeyRing trustedKeys;
    RandomSource random;
    Clock clock = Clock.systemUTC();
    MessageIdSource messageIds;
    int expiresIn;
    int maxDhAttempts = ClientKeyExchange.DEFAULT_MAX_DH_ATTEMPTS;

    ClientKeyExchangeBuilder(int dcId, RsaKeyRing trustedKeys) {
        if (dcId == 0) {
            throw new IllegalArgumentException("dc id must not be 0");
        }
        this.dcId = dcId;
        this.trustedKeys = Objects.requireNonNull(trustedKeys, "trustedKeys");
    }

    /**
     * Sets the source of nonces, RSA padding, the DH secret {@code b} and AES padding.
     *
     * @param random the source; default: a new {@link RandomSource#secure()}
     * @return this builder
     */
    public ClientKeyExchangeBuilder random(RandomSource random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * Sets the clock the time offset is measured against (and, unless {@link #messageIds} is set, the
     * {@code msg_id}s are derived from).
     *
     * @param clock the clock; default: {@link Clock#systemUTC()}
     * @return this builder
     */
    public ClientKeyExchangeBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Sets where {@code msg_id}s come from.
     *
     * @param messageIds the source (ids divisible by 4, increasing); default: a
     *     {@link ClockMessageIdSource} on the clock
     * @return this builder
     */
    public ClientKeyExchangeBuilder messageIds(MessageIdSource messageIds) {
        this.messageIds = Objects.requireNonNull(messageIds, "messageIds");
        return this;
    }

    /**
     * Asks for a temporary key ({@code p_q_inner_data_temp_dc}) instead of a permanent one.
     *
     * @param expiresInSeconds {@code expires_in}, the key's lifetime in seconds
     * @return this builder
     * @throws IllegalArgumentException if {@code expiresInSeconds} is not positive
     */
    public ClientKeyExchangeBuilder temporaryKey(int expiresInSeconds) {
        if (expiresInSeconds <= 0) {
            throw new IllegalArgumentException("expires_in must be positive, not " + expiresInSeconds);
        }
        this.expiresIn = expiresInSeconds;
        return this;
    }

    /**
     * Bounds the {@code set_client_DH_params} messages sent (the first one plus one per
     * {@code dh_gen_retry}).
     *
     * @param maxDhAttempts 1..100; default {@value ClientKeyExchange#DEFAULT_MAX_DH_ATTEMPTS}
     * @return this builder
     * @throws IllegalArgumentException if the value is outside 1..100
     */
    public ClientKeyExchangeBuilder maxDhAttempts(int maxDhAttempts) {
        if (maxDhAttempts < 1 || maxDhAttempts > 100) {
            throw new IllegalArgumentException("maxDhAttempts must be 1..100, not " + maxDhAttempts);
        }
        this.maxDhAttempts = maxDhAttempts;
        return this;
    }

    /**
     * Creates the state machine; call {@link ClientKeyExchange#start()} on it.
     *
     * @return a new exchange
     */
    public ClientKeyExchange build() {
        return new ClientKeyExchange(this);
    }
}
