package dev.mtproto.keyexchange;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.DhExchange;
import dev.mtproto.crypto.DhInnerDataCipher;
import dev.mtproto.crypto.FirstServerSalt;
import dev.mtproto.crypto.NewNonceHash;
import dev.mtproto.crypto.PqFactors;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.crypto.RsaPrivateKey;
import dev.mtproto.crypto.TmpAesKey;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.mtproto.ClientDHInnerDataType;
import dev.mtproto.tl.mtproto.DhGenFail;
import dev.mtproto.tl.mtproto.DhGenOk;
import dev.mtproto.tl.mtproto.DhGenRetry;
import dev.mtproto.tl.mtproto.PQInnerDataType;
import dev.mtproto.tl.mtproto.ReqDHParams;
import dev.mtproto.tl.mtproto.ReqPq;
import dev.mtproto.tl.mtproto.ReqPqMulti;
import dev.mtproto.tl.mtproto.ResPQ;
import dev.mtproto.tl.mtproto.ServerDHInnerData;
import dev.mtproto.tl.mtproto.ServerDHParamsFail;
import dev.mtproto.tl.mtproto.ServerDHParamsOk;
import dev.mtproto.tl.mtproto.SetClientDHParams;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 *       {@link ServerKeyExchangeBuilder#requireDcInInnerData()}) the old {@code p_q_inner_data} and
 *       {@code p_q_inner_data_temp}; {@code pq}, {@code p}, {@code q}, {@code nonce}, {@code server_nonce}
 *       must match; {@code expires_in} must be positive. The {@code dc} must be one of the accepted ids:
 *       by default the server's DC number {@code n} in its four spellings {@code n}, {@code -n} (media
 *       DC), {@code n + 10000} and {@code -(n + 10000)} (test DC), because a test DC is reached both by
 *       clients configured for production and for test DCs, and media-only connections reach the same
 *       process; {@link ServerKeyExchangeBuilder#acceptedDcIds(int...)} narrows or widens that.</li>
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
    private InnerDataTerms terms;
    private RsaScheme scheme;
    private TmpAesKey tmpKey;
    private DhExchange dh;
    private int serverTime;
    private int attempts;
    private long expectedRetryId;

    ServerKeyExchange(ServerKeyExchangeBuilder builder, Set<Integer> acceptedDcIds) {
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
    public static ServerKeyExchangeBuilder builder(int dcId, List<RsaPrivateKey> keys) {
        return new ServerKeyExchangeBuilder(dcId, keys);
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
        } catch (RuntimeException e) {
            fail();
            throw KeyExchangeException.of(step, e);
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
        serverNonce = random.nextBytes(16);
        PqFactors factors = RandomPq.generate(random);
        p = factors.pBytes();
        q = factors.qBytes();
        pq = minimalBigEndian(BigInteger.valueOf(factors.p()).multiply(BigInteger.valueOf(factors.q())));
        List<Long> fingerprints = new ArrayList<>(keys.keySet());
        EncodedMessage out = envelope(new ResPQ(nonce, serverNonce, pq, fingerprints));
        state = State.AWAIT_REQ_DH_PARAMS;
        step = InnerDataDecryption.REQ_DH_PARAMS;
        return new ServerStep.Send(out);
    }

    private ServerStep onReqDhParams(ReqDHParams request) {
        checkNonces(request.nonce(), request.serverNonce());
        if (!Arrays.equals(p, request.p()) || !Arrays.equals(q, request.q())) {
            throw new KeyExchangeException(step, "p and q are not the factors of the pq sent in resPQ "
                    + "(as minimal big-endian byte strings, p < q)");
        }
        RsaPrivateKey key = keys.get(request.publicKeyFingerprint());
        if (key == null) {
            throw new KeyExchangeException(step, String.format("public_key_fingerprint 0x%016x is not one of "
                    + "the keys offered in resPQ", request.publicKeyFingerprint()));
        }
        step = InnerDataDecryption.INNER_DATA;
        InnerDataDecryption decrypted = InnerDataDecryption.open(request.encryptedData(), key);
        PQInnerDataType inner = decrypted.inner();
        scheme = decrypted.scheme();
        step = inner.tlName();
        checkNonces(inner.nonce(), inner.serverNonce());
        if (!Arrays.equals(pq, inner.pq()) || !Arrays.equals(p, inner.p()) || !Arrays.equals(q, inner.q())) {
            throw new KeyExchangeException(step, "pq, p and q do not match resPQ and req_DH_params");
        }
        terms = InnerDataTerms.check(inner, acceptedDcIds, requireDc);
        newNonce = inner.newNonce();
        step = InnerDataDecryption.REQ_DH_PARAMS;
        if (policy.refuseDhParams()) {
            EncodedMessage out = envelope(new ServerDHParamsFail(nonce, serverNonce, ServerDhParamsFailHash.of(newNonce)));
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
        EncodedMessage out = envelope(new ServerDHParamsOk(nonce, serverNonce, encrypted));
        state = State.AWAIT_SET_CLIENT_DH_PARAMS;
        step = "set_client_DH_params";
        return new ServerStep.Send(out);
    }

    private void checkNonces(byte[] receivedNonce, byte[] receivedServerNonce) {
        NonceMatch.require(step, "nonce", nonce, receivedNonce, reqPqMulti ? "req_pq_multi" : "req_pq");
        NonceMatch.require(step, "server_nonce", serverNonce, receivedServerNonce, "resPQ");
    }

    private ServerStep onSetClientDhParams(SetClientDHParams request) {
        checkNonces(request.nonce(), request.serverNonce());
        byte[] innerBytes = DhInnerDataCipher.decrypt(tmpKey, request.encryptedData());
        step = "client_DH_inner_data";
        ClientDHInnerDataType inner = TlBytes.readExactly(innerBytes, ClientDHInnerDataType::read);
        checkNonces(inner.nonce(), inner.serverNonce());
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
                EncodedMessage out = envelope(new DhGenOk(nonce, serverNonce, NewNonceHash.compute(newNonce, 1, key)));
                KeyLifetime lifetime = terms.expiresIn() == 0 ? KeyLifetime.permanent()
                        : new KeyLifetime.Temporary(terms.expiresIn(), (long) serverTime + terms.expiresIn());
                ServerKeyExchangeResult result = new ServerKeyExchangeResult(key, FirstServerSalt.of(newNonce, serverNonce),
                        lifetime, terms.clientDc(), terms.form(), scheme, reqPqMulti);
                state = State.DONE;
                erase();
                return new ServerStep.Done(out, result);
            }
            case RETRY: {
                EncodedMessage out = envelope(new DhGenRetry(nonce, serverNonce, NewNonceHash.compute(newNonce, 2, key)));
                expectedRetryId = RetryId.of(key);
                return new ServerStep.Send(out);
            }
            default: {
                EncodedMessage out = envelope(new DhGenFail(nonce, serverNonce, NewNonceHash.compute(newNonce, 3, key)));
                state = State.REJECTED;
                erase();
                return new ServerStep.Rejected(out);
            }
        }
    }

    private EncodedMessage envelope(TlObject object) {
        return UnencryptedMessage.wrap(object, messageIds, MessageOrigin.SERVER);
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
        if (tmpKey != null) {
            tmpKey.erase();
            tmpKey = null;
        }
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
}
