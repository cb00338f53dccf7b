package dev.mtproto.keyexchange;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.DhExchange;
import dev.mtproto.crypto.DhInnerDataCipher;
import dev.mtproto.crypto.DhValidator;
import dev.mtproto.crypto.FirstServerSalt;
import dev.mtproto.crypto.LegacyRsaEncryption;
import dev.mtproto.crypto.NewNonceHash;
import dev.mtproto.crypto.PqFactors;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.crypto.RsaPad;
import dev.mtproto.crypto.RsaPrivateKey;
import dev.mtproto.crypto.SecurityCheckException;
import dev.mtproto.crypto.TmpAesKey;
import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.mtproto.ClientDHInnerDataType;
import dev.mtproto.tl.mtproto.DhGenFail;
import dev.mtproto.tl.mtproto.DhGenOk;
import dev.mtproto.tl.mtproto.DhGenRetry;
import dev.mtproto.tl.mtproto.PQInnerData;
import dev.mtproto.tl.mtproto.PQInnerDataDc;
import dev.mtproto.tl.mtproto.PQInnerDataTemp;
import dev.mtproto.tl.mtproto.PQInnerDataTempDc;
import dev.mtproto.tl.mtproto.PQInnerDataType;
import dev.mtproto.tl.mtproto.ReqDHParams;
import dev.mtproto.tl.mtproto.ReqPq;
import dev.mtproto.tl.mtproto.ReqPqMulti;
import dev.mtproto.tl.mtproto.ResPQ;
import dev.mtproto.tl.mtproto.ServerDHInnerData;
import dev.mtproto.tl.mtproto.ServerDHParamsFail;
import dev.mtproto.tl.mtproto.ServerDHParamsOk;
import dev.mtproto.tl.mtproto.SetClientDHParams;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The server side of the authorization-key exchange, for the in-process test DC: a state machine without
 * I/O that is fed the client's unencrypted messages and returns the answers.
 *
 * <pre>{@code
 * ServerKeyExchange exchange = ServerKeyExchange.builder(2, List.of(privateKey)).build();
 * while (true) {
 *     ServerStep step = exchange.onMessage(connection.receive());  // KeyExchangeException: drop the connection
 *     connection.send(step.payload());
 *     if (step instanceof ServerStep.Done done) { register(done.result().authKey()); break; }
 *     if (step instanceof ServerStep.Rejected) { break; }           // a new req_pq_multi needs a new instance
 * }
 * }</pre>
 *
 * <p>What it accepts:
 * <ul>
 *   <li>{@code req_pq_multi} and the old {@code req_pq}; the answer {@code resPQ} carries a fresh random
 *       {@code pq} (two distinct primes in {@code [2^30, 3037000499]}, so {@code pq < 2^63}) and the
 *       fingerprints of all the server's keys, in the order given.</li>
 *   <li>{@code req_DH_params} whose {@code p}, {@code q} are exactly the minimal big-endian factors, whose
 *       fingerprint is one of the server's keys, and whose {@code encrypted_data} is RSA_PAD (tried first)
 *       or the legacy {@code SHA1(data) + data + padding} encoding.</li>
 *   <li>Inside: {@code p_q_inner_data_dc} and {@code p_q_inner_data_temp_dc}, and (unless
 *       {@link Builder#requireDcInInnerData()}) the old {@code p_q_inner_data} and
 *       {@code p_q_inner_data_temp}; {@code pq}, {@code p}, {@code q}, {@code nonce}, {@code server_nonce}
 *       must match; {@code expires_in} must be positive. The {@code dc} must be one of the accepted ids:
 *       by default the server's DC number {@code n} in its four spellings {@code n}, {@code -n} (media
 *       DC), {@code n + 10000} and {@code -(n + 10000)} (test DC), because a test DC is reached both by
 *       clients configured for production and for test DCs, and media-only connections reach the same
 *       process; {@link Builder#acceptedDcIds(int...)} narrows or widens that.</li>
 *   <li>{@code set_client_DH_params} with matching nonces, a {@code client_DH_inner_data} whose SHA-1 and
 *       padding are right, {@code retry_id} 0 on the first attempt and the previous key's
 *       {@code auth_key_aux_hash} after a {@code dh_gen_retry}, and {@code g_b} within
 *       {@code [2^1984, dh_prime - 2^1984]}. The answer ({@code dh_gen_ok}, {@code dh_gen_retry},
 *       {@code dh_gen_fail} with {@code new_nonce_hash1/2/3}) comes from the {@link ServerKeyExchangePolicy};
 *       a retry beyond {@code maxDhAttempts} is sent as {@code dh_gen_fail}.</li>
 * </ul>
 * Client {@code msg_id}s must be divisible by 4. Anything else (malformed bytes, wrong values, a message
 * out of order) raises a {@link KeyExchangeException}; after it, and after the exchange ended, the instance
 * accepts nothing more. Not thread-safe; one instance per connection and exchange.
 */
public final class ServerKeyExchange {
    /** Default bound on {@code set_client_DH_params} attempts per exchange. */
    public static final int DEFAULT_MAX_DH_ATTEMPTS = 5;
    /** The offset Telegram adds to DC ids of its test DCs. */
    public static final int TEST_DC_OFFSET = 10000;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private enum State { AWAIT_REQ_PQ, AWAIT_REQ_DH_PARAMS, AWAIT_SET_CLIENT_DH_PARAMS, DONE, REJECTED, FAILED }

    private final Map<Long, RsaPrivateKey> keys;
    private final Set<Integer> acceptedDcIds;
    private final boolean requireDc;
    private final RandomSource random;
    private final Clock clock;
    private final MessageIdSource messageIds;
    private final DhGroup group;
    private final ServerKeyExchangePolicy policy;
    private final int maxDhAttempts;

    private State state = State.AWAIT_REQ_PQ;
    private String step = "req_pq_multi";
    private boolean reqPqMulti;
    private byte[] nonce;
    private byte[] serverNonce;
    private byte[] pq;
    private byte[] p;
    private byte[] q;
    private byte[] newNonce;
    private PqInnerDataForm form;
    private RsaScheme scheme;
    private OptionalInt clientDc = OptionalInt.empty();
    private int expiresIn;
    private TmpAesKey tmpKey;
    private DhExchange dh;
    private int serverTime;
    private int attempts;
    private long expectedRetryId;

    private ServerKeyExchange(Builder builder, Set<Integer> acceptedDcIds) {
        this.keys = builder.keys;
        this.acceptedDcIds = acceptedDcIds;
        this.requireDc = builder.requireDc;
        this.random = builder.random != null ? builder.random : RandomSource.secure();
        this.clock = builder.clock;
        this.messageIds = builder.messageIds != null ? builder.messageIds
                : new ClockMessageIdSource(builder.clock, MessageOrigin.SERVER);
        this.group = builder.group;
        this.policy = builder.policy;
        this.maxDhAttempts = builder.maxDhAttempts;
    }

    /**
     * Starts configuring a server exchange.
     *
     * @param dcId the DC number this server plays, 1..9999 (without the test offset or sign)
     * @param keys the server's RSA private keys, at least one, all 2048-bit
     * @return a builder
     * @throws IllegalArgumentException if {@code dcId} is outside 1..9999, no key is given, a key is not
     *     2048-bit, or two keys share a fingerprint
     */
    public static Builder builder(int dcId, List<RsaPrivateKey> keys) {
        return new Builder(dcId, keys);
    }

    /**
     * Handles the client's next message.
     *
     * @param payload the whole unencrypted message received, without transport framing
     * @return the answer to send, and whether the exchange continues, is done, or was refused
     * @throws KeyExchangeException if the message fails a check, is malformed, or is not the one expected
     *     now, or if the exchange already ended; the caller should drop the connection
     */
    public ServerStep onMessage(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        if (state == State.DONE || state == State.REJECTED || state == State.FAILED) {
            throw new KeyExchangeException(step, "the exchange has ended (" + state.name().toLowerCase(java.util.Locale.ROOT)
                    + "); a new exchange needs a new ServerKeyExchange");
        }
        try {
            byte[] body = UnencryptedMessage.decode(payload, MessageOrigin.CLIENT, step).bodyBytes();
            TlReader reader = new TlReader(body);
            int constructor = reader.readInt();
            switch (state) {
                case AWAIT_REQ_PQ:
                    return onReqPq(reader, constructor);
                case AWAIT_REQ_DH_PARAMS:
                    if (constructor != ReqDHParams.CONSTRUCTOR_ID) {
                        throw reader.unexpectedConstructor(constructor, "req_DH_params");
                    }
                    ReqDHParams request = ReqDHParams.readBare(reader);
                    reader.expectEnd();
                    return onReqDhParams(request);
                default:
                    if (constructor != SetClientDHParams.CONSTRUCTOR_ID) {
                        throw reader.unexpectedConstructor(constructor, "set_client_DH_params");
                    }
                    SetClientDHParams params = SetClientDHParams.readBare(reader);
                    reader.expectEnd();
                    return onSetClientDhParams(params);
            }
        } catch (KeyExchangeException e) {
            fail();
            throw e;
        } catch (TlDecodeException e) {
            fail();
            throw new KeyExchangeException(step, "malformed message: " + e.getMessage(), e);
        } catch (SecurityCheckException e) {
            fail();
            throw new KeyExchangeException(step, e.getMessage(), e);
        } catch (RuntimeException e) {
            fail();
            throw e;
        }
    }

    private ServerStep onReqPq(TlReader reader, int constructor) {
        if (constructor == ReqPqMulti.CONSTRUCTOR_ID) {
            nonce = ReqPqMulti.readBare(reader).nonce();
            reqPqMulti = true;
        } else if (constructor == ReqPq.CONSTRUCTOR_ID) {
            step = "req_pq";
            nonce = ReqPq.readBare(reader).nonce();
        } else {
            throw reader.unexpectedConstructor(constructor, "req_pq_multi or req_pq");
        }
        reader.expectEnd();
        serverNonce = randomBytes(16);
        PqFactors factors = RandomPq.generate(random);
        p = factors.pBytes();
        q = factors.qBytes();
        pq = minimalBigEndian(BigInteger.valueOf(factors.p()).multiply(BigInteger.valueOf(factors.q())));
        List<Long> fingerprints = new ArrayList<>(keys.keySet());
        byte[] out = envelope(new ResPQ(nonce, serverNonce, pq, fingerprints));
        state = State.AWAIT_REQ_DH_PARAMS;
        step = "req_DH_params";
        return new ServerStep.Send(out);
    }

    private ServerStep onReqDhParams(ReqDHParams request) {
        String source = reqPqMulti ? "req_pq_multi" : "req_pq";
        NonceMatch.require(step, "nonce", nonce, request.nonce(), source);
        NonceMatch.require(step, "server_nonce", serverNonce, request.serverNonce(), "resPQ");
        if (!Arrays.equals(p, request.p()) || !Arrays.equals(q, request.q())) {
            throw new KeyExchangeException(step, "p and q are not the factors of the pq sent in resPQ "
                    + "(as minimal big-endian byte strings, p < q)");
        }
        RsaPrivateKey key = keys.get(request.publicKeyFingerprint());
        if (key == null) {
            throw new KeyExchangeException(step, String.format("public_key_fingerprint 0x%016x is not one of "
                    + "the keys offered in resPQ", request.publicKeyFingerprint()));
        }
        PQInnerDataType inner = decryptInnerData(request.encryptedData(), key);
        step = inner.tlName();
        NonceMatch.require(step, "nonce", nonce, inner.nonce(), source);
        NonceMatch.require(step, "server_nonce", serverNonce, inner.serverNonce(), "resPQ");
        if (!Arrays.equals(pq, inner.pq()) || !Arrays.equals(p, inner.p()) || !Arrays.equals(q, inner.q())) {
            throw new KeyExchangeException(step, "pq, p and q do not match resPQ and req_DH_params");
        }
        readForm(inner);
        newNonce = inner.newNonce();
        step = "req_DH_params";
        if (policy.refuseDhParams()) {
            byte[] out = envelope(new ServerDHParamsFail(nonce, serverNonce, ServerDhParamsFailHash.of(newNonce)));
            state = State.REJECTED;
            erase();
            return new ServerStep.Rejected(out);
        }
        tmpKey = TmpAesKey.derive(newNonce, serverNonce);
        dh = DhExchange.generate(group.prime(), group.g(), random);
        serverTime = (int) clock.instant().getEpochSecond();
        ServerDHInnerData answer = new ServerDHInnerData(nonce, serverNonce, group.g(), minimalBigEndian(group.prime()),
                dh.publicValueBytes(), serverTime);
        byte[] encrypted = DhInnerDataCipher.encrypt(tmpKey, TlBytes.of(answer), random);
        byte[] out = envelope(new ServerDHParamsOk(nonce, serverNonce, encrypted));
        state = State.AWAIT_SET_CLIENT_DH_PARAMS;
        step = "set_client_DH_params";
        return new ServerStep.Send(out);
    }

    /** RSA_PAD first; if its hash does not match, the legacy encoding; neither: the request is rejected. */
    private PQInnerDataType decryptInnerData(byte[] encrypted, RsaPrivateKey key) {
        byte[] padded;
        try {
            padded = RsaPad.decrypt(encrypted, key);
        } catch (SecurityCheckException rsaPadFailure) {
            byte[] data;
            try {
                data = LegacyRsaEncryption.decrypt(encrypted, key);
            } catch (SecurityCheckException legacyFailure) {
                throw new KeyExchangeException(step, "encrypted_data is neither RSA_PAD ("
                        + rsaPadFailure.getMessage() + ") nor the legacy RSA encoding ("
                        + legacyFailure.getMessage() + ")");
            }
            scheme = RsaScheme.LEGACY;
            try {
                step = "p_q_inner_data";
                return TlBytes.readExactly(data, PQInnerDataType::read);
            } finally {
                Arrays.fill(data, (byte) 0);
            }
        }
        scheme = RsaScheme.RSA_PAD;
        try {
            step = "p_q_inner_data";
            // data_with_padding: the object, then random padding up to 192 bytes.
            return PQInnerDataType.read(new TlReader(padded));
        } finally {
            Arrays.fill(padded, (byte) 0);
        }
    }

    private void readForm(PQInnerDataType inner) {
        if (inner instanceof PQInnerDataDc withDc) {
            form = PqInnerDataForm.DC;
            checkDc(withDc.dc());
        } else if (inner instanceof PQInnerDataTempDc tempWithDc) {
            form = PqInnerDataForm.TEMP_DC;
            checkDc(tempWithDc.dc());
            checkExpiresIn(tempWithDc.expiresIn());
        } else if (inner instanceof PQInnerDataTemp temp) {
            form = PqInnerDataForm.TEMP_NO_DC;
            checkNoDcAllowed();
            checkExpiresIn(temp.expiresIn());
        } else if (inner instanceof PQInnerData) {
            form = PqInnerDataForm.NO_DC;
            checkNoDcAllowed();
        }
    }

    private void checkDc(int dc) {
        if (!acceptedDcIds.contains(dc)) {
            throw new KeyExchangeException(step, "dc " + dc + " is not this DC (accepted: " + acceptedDcIds + ")");
        }
        clientDc = OptionalInt.of(dc);
    }

    private void checkNoDcAllowed() {
        if (requireDc) {
            throw new KeyExchangeException(step, "this server requires the dc field (p_q_inner_data_dc or "
                    + "p_q_inner_data_temp_dc)");
        }
    }

    private void checkExpiresIn(int seconds) {
        if (seconds <= 0) {
            throw new KeyExchangeException(step, "expires_in " + seconds + " is not positive");
        }
        expiresIn = seconds;
    }

    private ServerStep onSetClientDhParams(SetClientDHParams request) {
        String source = reqPqMulti ? "req_pq_multi" : "req_pq";
        NonceMatch.require(step, "nonce", nonce, request.nonce(), source);
        NonceMatch.require(step, "server_nonce", serverNonce, request.serverNonce(), "resPQ");
        byte[] innerBytes = DhInnerDataCipher.decrypt(tmpKey, request.encryptedData());
        step = "client_DH_inner_data";
        ClientDHInnerDataType inner = TlBytes.readExactly(innerBytes, ClientDHInnerDataType::read);
        NonceMatch.require(step, "nonce", nonce, inner.nonce(), source);
        NonceMatch.require(step, "server_nonce", serverNonce, inner.serverNonce(), "resPQ");
        if (inner.retryId() != expectedRetryId) {
            throw new KeyExchangeException(step, attempts == 0
                    ? "retry_id must be 0 on the first attempt"
                    : "retry_id is not the auth_key_aux_hash of the key refused by dh_gen_retry");
        }
        AuthKey key = dh.computeAuthKey(new BigInteger(1, inner.gB()), "g_b");
        attempts++;
        step = "set_client_DH_params";
        DhGenAnswer answer = Objects.requireNonNull(policy.answer(attempts, key.id()), "policy answer");
        if (answer == DhGenAnswer.RETRY && attempts >= maxDhAttempts) {
            answer = DhGenAnswer.FAIL;
        }
        switch (answer) {
            case OK: {
                byte[] out = envelope(new DhGenOk(nonce, serverNonce, NewNonceHash.compute(newNonce, 1, key)));
                KeyLifetime lifetime = expiresIn == 0 ? KeyLifetime.permanent()
                        : new KeyLifetime.Temporary(expiresIn, (long) serverTime + expiresIn);
                ServerKeyExchangeResult result = new ServerKeyExchangeResult(key,
                        FirstServerSalt.of(newNonce, serverNonce), lifetime, clientDc, form, scheme, reqPqMulti);
                state = State.DONE;
                erase();
                return new ServerStep.Done(out, result);
            }
            case RETRY: {
                byte[] out = envelope(new DhGenRetry(nonce, serverNonce, NewNonceHash.compute(newNonce, 2, key)));
                expectedRetryId = (long) LONGS.get(key.auxHash(), 0);
                step = "set_client_DH_params";
                return new ServerStep.Send(out);
            }
            default: {
                byte[] out = envelope(new DhGenFail(nonce, serverNonce, NewNonceHash.compute(newNonce, 3, key)));
                state = State.REJECTED;
                erase();
                return new ServerStep.Rejected(out);
            }
        }
    }

    private byte[] envelope(TlObject object) {
        long messageId = messageIds.nextMessageId();
        if (!MessageOrigin.SERVER.isValidMessageId(messageId)) {
            throw new IllegalStateException("the MessageIdSource returned msg_id "
                    + Long.toUnsignedString(messageId) + ", which is not congruent to 1 mod 4");
        }
        return new UnencryptedMessage(messageId, TlBytes.of(object)).encode();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes, 0, length);
        return bytes;
    }

    private void fail() {
        state = State.FAILED;
        erase();
    }

    private void erase() {
        if (newNonce != null) {
            Arrays.fill(newNonce, (byte) 0);
            newNonce = null;
        }
        tmpKey = null;
        dh = null;
    }

    private static byte[] minimalBigEndian(BigInteger value) {
        byte[] raw = value.toByteArray();
        return raw.length > 1 && raw[0] == 0 ? Arrays.copyOfRange(raw, 1, raw.length) : raw;
    }

    /** Shows the state and the key fingerprints, never nonces or keys. */
    @Override
    public String toString() {
        List<String> fingerprints = new ArrayList<>();
        for (long fingerprint : keys.keySet()) {
            fingerprints.add(String.format("0x%016x", fingerprint));
        }
        return "ServerKeyExchange[keys=" + fingerprints + ", state=" + state + "]";
    }

    /** Configures a {@link ServerKeyExchange}. Not thread-safe. */
    public static final class Builder {
        private final int dcId;
        private final Map<Long, RsaPrivateKey> keys;
        private Set<Integer> acceptedDcIds;
        private boolean requireDc;
        private RandomSource random;
        private Clock clock = Clock.systemUTC();
        private MessageIdSource messageIds;
        private DhGroup group = DhGroup.TELEGRAM;
        private ServerKeyExchangePolicy policy = ServerKeyExchangePolicy.acceptAll();
        private int maxDhAttempts = DEFAULT_MAX_DH_ATTEMPTS;

        private Builder(int dcId, List<RsaPrivateKey> keys) {
            if (dcId < 1 || dcId >= TEST_DC_OFFSET) {
                throw new IllegalArgumentException("dc id must be 1.." + (TEST_DC_OFFSET - 1) + ", not " + dcId);
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
        public Builder acceptedDcIds(int... dcIds) {
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
        public Builder requireDcInInnerData() {
            this.requireDc = true;
            return this;
        }

        /**
         * Sets the source of {@code server_nonce}, {@code pq}, the DH secret {@code a} and AES padding.
         *
         * @param random the source; default: a new {@link RandomSource#secure()}
         * @return this builder
         */
        public Builder random(RandomSource random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Sets the clock for {@code server_time} (and, unless {@link #messageIds} is set, {@code msg_id}s).
         *
         * @param clock the clock; default: {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
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
        public Builder messageIds(MessageIdSource messageIds) {
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
        public Builder dhGroup(DhGroup group) {
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
        public Builder policy(ServerKeyExchangePolicy policy) {
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
        public Builder maxDhAttempts(int maxDhAttempts) {
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
                Set<Integer> defaults = new LinkedHashSet<>(List.of(dcId, -dcId, dcId + TEST_DC_OFFSET,
                        -(dcId + TEST_DC_OFFSET)));
                accepted = Collections.unmodifiableSet(defaults);
            }
            return new ServerKeyExchange(this, accepted);
        }
    }
}
