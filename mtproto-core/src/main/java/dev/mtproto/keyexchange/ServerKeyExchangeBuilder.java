package dev.mtproto.keyexchange;

import dev.mtproto.crypto.DhValidator;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.crypto.RsaPrivateKey;
import dev.mtproto.crypto.SecurityCheckException;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Configures a {@link ServerKeyExchange}. Not thread-safe. */
public final class ServerKeyExchangeBuilder {
    private final int dcId;
    final Map<Long, RsaPrivateKey> keys;
    private Set<Integer> acceptedDcIds;
    boolean requireDc;
    RandomSource random;
    Clock clock = Clock.systemUTC();
    MessageIdSource messageIds;
    DhGroup group = DhGroup.TELEGRAM;
    ServerKeyExchangePolicy policy = ServerKeyExchangePolicy.acceptAll();
    int maxDhAttempts = ServerKeyExchange.DEFAULT_MAX_DH_ATTEMPTS;

    ServerKeyExchangeBuilder(int dcId, List<RsaPrivateKey> keys) {
        if (dcId < 1 || dcId >= ServerKeyExchange.TEST_DC_OFFSET) {
            throw new IllegalArgumentException("dc id must be 1.." + (ServerKeyExchange.TEST_DC_OFFSET - 1) + ", not " + dcId);
        }
        Objects.requireNonNull(keys, "keys");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a server needs at least one RSA key");
        }
        Map<Long, RsaPrivateKey> byFingerprint = new LinkedHashMap<>();
        for (RsaPrivateKey key : keys) {
            Objects.requireNonNull(key, "key");
            if (key.publicKey().modulusLength() != 256) {
                throw new IllegalArgumentException("RSA key " + key + " is not 2048-bit");
            }
            if (byFingerprint.put(key.publicKey().fingerprint(), key) != null) {
                throw new IllegalArgumentException("two RSA keys share the fingerprint of " + key);
            }
        }
        this.dcId = dcId;
        this.keys = Collections.unmodifiableMap(byFingerprint);
    }

    /**
     * Replaces the accepted {@code dc} values of {@code p_q_inner_data_dc}/{@code _temp_dc}.
     *
     * @param dcIds the values to accept; default: {@code n, -n, n + 10000, -(n + 10000)} for the DC
     *     number {@code n}
     * @return this builder
     * @throws IllegalArgumentException if no id is given
     */
    public ServerKeyExchangeBuilder acceptedDcIds(int... dcIds) {
        if (dcIds.length == 0) {
            throw new IllegalArgumentException("at least one dc id must be accepted");
        }
        Set<Integer> set = new LinkedHashSet<>();
        for (int id : dcIds) {
            set.add(id);
        }
        this.acceptedDcIds = Collections.unmodifiableSet(set);
        return this;
    }

    /**
     * Refuses the old {@code p_q_inner_data} and {@code p_q_inner_data_temp} that carry no DC id.
     *
     * @return this builder
     */
    public ServerKeyExchangeBuilder requireDcInInnerData() {
        this.requireDc = true;
        return this;
    }

    /**
     * Sets the source of {@code server_nonce}, {@code pq}, the DH secret {@code a} and AES padding.
     *
     * @param random the source; default: a new {@link RandomSource#secure()}
     * @return this builder
     */
    public ServerKeyExchangeBuilder random(RandomSource random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * Sets the clock for {@code server_time} (and, unless {@link #messageIds} is set, {@code msg_id}s).
     *
     * @param clock the clock; default: {@link Clock#systemUTC()}
     * @return this builder
     */
    public ServerKeyExchangeBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Sets where the answers' {@code msg_id}s come from.
     *
     * @param messageIds the source (ids congruent to 1 mod 4, increasing); default: a
     *     {@link ClockMessageIdSource} on the clock
     * @return this builder
     */
    public ServerKeyExchangeBuilder messageIds(MessageIdSource messageIds) {
        this.messageIds = Objects.requireNonNull(messageIds, "messageIds");
        return this;
    }

    /**
     * Sets the Diffie-Hellman group offered to clients.
     *
     * @param group the group; default {@link DhGroup#TELEGRAM}
     * @return this builder
     * @throws IllegalArgumentException if the group fails the checks clients apply (safe 2048-bit
     *     prime, generator rules)
     */
    public ServerKeyExchangeBuilder dhGroup(DhGroup group) {
        Objects.requireNonNull(group, "group");
        try {
            DhValidator.checkGroup(group.prime(), group.g());
        } catch (SecurityCheckException e) {
            throw new IllegalArgumentException("unusable DH group: " + e.getMessage(), e);
        }
        this.group = group;
        return this;
    }

    /**
     * Sets how valid requests are answered.
     *
     * @param policy the policy; default {@link ServerKeyExchangePolicy#acceptAll()}
     * @return this builder
     */
    public ServerKeyExchangeBuilder policy(ServerKeyExchangePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * Bounds the {@code set_client_DH_params} attempts; a {@code dh_gen_retry} that would exceed it is sent
     * as {@code dh_gen_fail}.
     *
     * @param maxDhAttempts 1..100; default {@value ServerKeyExchange#DEFAULT_MAX_DH_ATTEMPTS}
     * @return this builder
     * @throws IllegalArgumentException if the value is outside 1..100
     */
    public ServerKeyExchangeBuilder maxDhAttempts(int maxDhAttempts) {
        if (maxDhAttempts < 1 || maxDhAttempts > 100) {
            throw new IllegalArgumentException("maxDhAttempts must be 1..100, not " + maxDhAttempts);
        }
        this.maxDhAttempts = maxDhAttempts;
        return this;
    }

    /**
     * Creates a state machine waiting for {@code req_pq_multi}. The builder may be used again for the
     * next connection (give each its own random source if they run concurrently).
     *
     * @return a new exchange
     */
    public ServerKeyExchange build() {
        Set<Integer> accepted = acceptedDcIds;
        if (accepted == null) {
            Set<Integer> defaults = new LinkedHashSet<>(List.of(dcId, -dcId, dcId + ServerKeyExchange.TEST_DC_OFFSET,
                    -(dcId + ServerKeyExchange.TEST_DC_OFFSET)));
            accepted = Collections.unmodifiableSet(defaults);
        }
        return new ServerKeyExchange(this, accepted);
    }
}
