package dev.mtproto.keyexchange;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.DhExchange;
import dev.mtproto.crypto.DhInnerDataCipher;
import dev.mtproto.crypto.DhValidator;
import dev.mtproto.crypto.FirstServerSalt;
import dev.mtproto.crypto.NewNonceHash;
import dev.mtproto.crypto.PqFactorizer;
import dev.mtproto.crypto.PqFactors;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.crypto.RsaKeyRing;
import dev.mtproto.crypto.RsaPad;
import dev.mtproto.crypto.RsaPublicKey;
import dev.mtproto.crypto.TmpAesKey;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.mtproto.ClientDHInnerData;
import dev.mtproto.tl.mtproto.DhGenFail;
import dev.mtproto.tl.mtproto.DhGenOk;
import dev.mtproto.tl.mtproto.DhGenRetry;
import dev.mtproto.tl.mtproto.PQInnerDataDc;
import dev.mtproto.tl.mtproto.PQInnerDataTempDc;
import dev.mtproto.tl.mtproto.PQInnerDataType;
import dev.mtproto.tl.mtproto.ReqDHParams;
import dev.mtproto.tl.mtproto.ReqPqMulti;
import dev.mtproto.tl.mtproto.ResPQType;
import dev.mtproto.tl.mtproto.ServerDHInnerDataType;
import dev.mtproto.tl.mtproto.ServerDHParams;
import dev.mtproto.tl.mtproto.ServerDHParamsFail;
import dev.mtproto.tl.mtproto.ServerDHParamsOk;
import dev.mtproto.tl.mtproto.SetClientDHParams;
import dev.mtproto.tl.mtproto.SetClientDHParamsAnswer;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;

/**
 * The client side of the authorization-key exchange
 * (<a href="https://core.telegram.org/mtproto/auth_key">auth_key</a>), as a state machine without I/O:
 * it returns the unencrypted messages to send and is fed the server's answers.
 *
 * <pre>{@code
 * ClientKeyExchange exchange = ClientKeyExchange.builder(2, TelegramRsaKeys.production()).build();
 * byte[] out = exchange.start();                       // req_pq_multi
 * while (true) {
 *     transport.send(out);
 *     ClientStep step = exchange.onMessage(transport.receive());
 *     if (step instanceof ClientStep.Done done) {
 *         ClientKeyExchangeResult result = done.result();   // auth key, first salt, time offset
 *         break;
 *     }
 *     out = ((ClientStep.Send) step).payload();            // req_DH_params, set_client_DH_params
 * }
 * }</pre>
 *
 * <p>Checks, each failing with a {@link KeyExchangeException} that names the step and the check:
 * the unencrypted envelope ({@code auth_key_id = 0}, exact length, server {@code msg_id} = 1 mod 4); every
 * answer's {@code nonce} and {@code server_nonce}; {@code pq} of 1..8 bytes below 2^63 with exactly two
 * distinct prime factors; a trusted RSA key among the offered fingerprints; the SHA-1 and padding of
 * {@code answer_with_hash}; the nonces inside {@code server_DH_inner_data}; {@code dh_prime} a safe
 * 2048-bit prime and {@code g} a valid generator; {@code g_a} (and our {@code g_b}) within
 * {@code [2^1984, dh_prime - 2^1984]}; {@code new_nonce_hash} of {@code server_DH_params_fail},
 * {@code new_nonce_hash1/2/3} of {@code dh_gen_ok/retry/fail}; at most {@code maxDhAttempts}
 * {@code set_client_DH_params} (each {@code dh_gen_retry} is answered with a fresh {@code b} and
 * {@code retry_id} = the previous key's {@code auth_key_aux_hash}). An authenticated refusal
 * ({@code server_DH_params_fail}, {@code dh_gen_fail}) raises {@link KeyExchangeRejectedException}.
 * {@code p_q_inner_data} is encrypted with RSA_PAD.
 *
 * <p>After any exception, or once done, the instance accepts nothing more. Not thread-safe; one instance
 * per exchange. When the exchange ends (done or failed), {@code new_nonce} and {@code tmp_aes_key}/IV are
 * overwritten with zeros, and the plaintext {@code p_q_inner_data} is erased as soon as it is encrypted; the
 * DH secret {@code b} is erased as bytes by {@link DhExchange}, but its {@link BigInteger} cannot be (Java's
 * big integers are immutable), and the refused keys of {@code dh_gen_retry} are left to the garbage collector.
 */
public final class ClientKeyExchange {
    /** Default bound on {@code set_client_DH_params} messages: the first one plus four retries. */
    public static final int DEFAULT_MAX_DH_ATTEMPTS = 5;

    private static final int MAX_PQ_LENGTH = 8;

    private enum State { NEW, AWAIT_RES_PQ, AWAIT_SERVER_DH_PARAMS, AWAIT_DH_GEN_ANSWER, DONE, FAILED }

    private final int dcId;
    private final int expiresIn;
    private final RsaKeyRing trustedKeys;
    private final RandomSource random;
    private final Clock clock;
    private final MessageIdSource messageIds;
    private final int maxDhAttempts;

    private State state = State.NEW;
    private String step = "req_pq_multi";
    private byte[] nonce;
    private byte[] serverNonce;
    private byte[] newNonce;
    private TmpAesKey tmpKey;
    private BigInteger dhPrime;
    private int generator;
    private BigInteger gA;
    private int serverTime;
    private long timeOffsetSeconds;
    private int attempts;
    private long retryId;
    private AuthKey candidate;

    ClientKeyExchange(ClientKeyExchangeBuilder builder) {
        this.dcId = builder.dcId;
        this.expiresIn = builder.expiresIn;
        this.trustedKeys = builder.trustedKeys;
        this.random = builder.random != null ? builder.random : RandomSource.secure();
        this.clock = builder.clock;
        this.messageIds = builder.messageIds != null ? builder.messageIds
                : new ClockMessageIdSource(builder.clock, MessageOrigin.CLIENT);
        this.maxDhAttempts = builder.maxDhAttempts;
    }

    /**
     * Starts configuring an exchange.
     *
     * @param dcId the DC id for {@code p_q_inner_data_dc}, already adjusted by the caller: the DC number,
     *     plus 10000 for test DCs, negated for media-only DCs
     * @param trustedKeys the server RSA keys this client trusts
     * @return a builder
     * @throws IllegalArgumentException if {@code dcId} is 0
     */
    public static ClientKeyExchangeBuilder builder(int dcId, RsaKeyRing trustedKeys) {
        return new ClientKeyExchangeBuilder(dcId, trustedKeys);
    }

    /**
     * Starts the exchange: returns {@code req_pq_multi} with a fresh random {@code nonce}.
     *
     * @return the unencrypted message to send
     * @throws KeyExchangeException if {@code start()} was already called, or the exchange already failed
     */
    public byte[] start() {
        if (state == State.FAILED) {
            throw new KeyExchangeException(step, "the exchange has already failed; start a new one");
        }
        if (state != State.NEW) {
            throw new KeyExchangeException("req_pq_multi", "start() was already called; use a new "
                    + "ClientKeyExchange for a new exchange");
        }
        try {
            nonce = random.nextBytes(16);
            byte[] payload = envelope(new ReqPqMulti(nonce)).bytes();
            state = State.AWAIT_RES_PQ;
            step = "resPQ";
            return payload;
        } catch (RuntimeException e) {
            fail();
            throw e;
        }
    }

    /**
     * Handles the server's answer to the last message sent.
     *
     * @param payload the whole unencrypted message received, without transport framing
     * @return the next message to send, or the result once the server accepted the key
     * @throws KeyExchangeRejectedException if the server refused with an authenticated
     *     {@code server_DH_params_fail} or {@code dh_gen_fail}
     * @throws KeyExchangeException if the message fails a check, is malformed or is not the expected answer,
     *     if the server asked for more retries than allowed, or if this method is called before
     *     {@link #start()} or after the exchange ended
     */
    public ClientStep onMessage(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        if (state == State.NEW) {
            fail();
            throw new KeyExchangeException("req_pq_multi", "a server message arrived before start()");
        }
        if (state == State.DONE) {
            throw new KeyExchangeException(step, "the exchange is finished; no more server messages are expected");
        }
        if (state == State.FAILED) {
            throw new KeyExchangeException(step, "the exchange has already failed; start a new one");
        }
        try {
            byte[] body = UnencryptedMessage.decode(payload, MessageOrigin.SERVER, step).bodyBytes();
            switch (state) {
                case AWAIT_RES_PQ:
                    return onResPq(body);
                case AWAIT_SERVER_DH_PARAMS:
                    return onServerDhParams(body);
                default:
                    return onDhGenAnswer(body);
            }
        } catch (RuntimeException e) {
            fail();
            throw KeyExchangeException.of(step, e);
        }
    }

    private ClientStep onResPq(byte[] body) {
        ResPQType res = TlBytes.readExactly(body, ResPQType::read);
        NonceMatch.require(step, "nonce", nonce, res.nonce(), "req_pq_multi");
        byte[] pq = res.pq();
        if (pq.length == 0 || pq.length > MAX_PQ_LENGTH) {
            throw new KeyExchangeException(step, "pq is " + pq.length + " bytes; it must be 1.." + MAX_PQ_LENGTH
                    + " bytes of a number below 2^63");
        }
        PqFactors factors = PqFactorizer.factorize(pq);
        RsaPublicKey key = TrustedKeyChoice.select(step, trustedKeys, res.serverPublicKeyFingerprints());
        serverNonce = res.serverNonce();
        newNonce = random.nextBytes(32);
        PQInnerDataType inner = expiresIn == 0
                ? new PQInnerDataDc(pq, factors.pBytes(), factors.qBytes(), nonce, serverNonce, newNonce, dcId)
                : new PQInnerDataTempDc(pq, factors.pBytes(), factors.qBytes(), nonce, serverNonce, newNonce, dcId,
                        expiresIn);
        byte[] data = TlBytes.of(inner);
        byte[] encrypted;
        try {
            encrypted = RsaPad.encrypt(data, key, random);
        } finally {
            Arrays.fill(data, (byte) 0);
        }
        ReqDHParams request = new ReqDHParams(nonce, serverNonce, factors.pBytes(), factors.qBytes(),
                key.fingerprint(), encrypted);
        EncodedMessage out = envelope(request);
        state = State.AWAIT_SERVER_DH_PARAMS;
        step = "Server_DH_Params";
        return new ClientStep.Send(out);
    }

    private ClientStep onServerDhParams(byte[] body) {
        ServerDHParams answer = TlBytes.readExactly(body, ServerDHParams::read);
        step = answer.tlName();
        NonceMatch.require(step, "nonce", nonce, answer.nonce(), "req_pq_multi");
        NonceMatch.require(step, "server_nonce", serverNonce, answer.serverNonce(), "resPQ");
        if (answer instanceof ServerDHParamsFail refusal) {
            if (!MessageDigest.isEqual(ServerDhParamsFailHash.of(newNonce), refusal.newNonceHash())) {
                throw new KeyExchangeException(step, "new_nonce_hash does not match SHA1(new_nonce)");
            }
            throw new KeyExchangeRejectedException(step, "the server refused req_DH_params");
        }
        ServerDHParamsOk ok = (ServerDHParamsOk) answer;
        tmpKey = TmpAesKey.derive(newNonce, serverNonce);
        byte[] innerBytes = DhInnerDataCipher.decrypt(tmpKey, ok.encryptedAnswer());
        step = "server_DH_inner_data";
        ServerDHInnerDataType inner = TlBytes.readExactly(innerBytes, ServerDHInnerDataType::read);
        NonceMatch.require(step, "nonce", nonce, inner.nonce(), "req_pq_multi");
        NonceMatch.require(step, "server_nonce", serverNonce, inner.serverNonce(), "resPQ");
        BigInteger prime = new BigInteger(1, inner.dhPrime());
        DhValidator.checkGroup(prime, inner.g());
        BigInteger serverPublic = new BigInteger(1, inner.gA());
        DhValidator.checkPublicValue("g_a", serverPublic, prime);
        dhPrime = prime;
        generator = inner.g();
        gA = serverPublic;
        serverTime = inner.serverTime();
        timeOffsetSeconds = serverTime - clock.instant().getEpochSecond();
        return sendClientDhParams();
    }

    private ClientStep sendClientDhParams() {
        attempts++;
        step = "set_client_DH_params";
        DhExchange dh = DhExchange.generate(dhPrime, generator, random);
        candidate = dh.computeAuthKey(gA);
        byte[] inner = TlBytes.of(new ClientDHInnerData(nonce, serverNonce, retryId, dh.publicValueBytes()));
        byte[] encrypted = DhInnerDataCipher.encrypt(tmpKey, inner, random);
        EncodedMessage out = envelope(new SetClientDHParams(nonce, serverNonce, encrypted));
        state = State.AWAIT_DH_GEN_ANSWER;
        step = "Set_client_DH_params_answer";
        return new ClientStep.Send(out);
    }

    private ClientStep onDhGenAnswer(byte[] body) {
        SetClientDHParamsAnswer answer = TlBytes.readExactly(body, SetClientDHParamsAnswer::read);
        step = answer.tlName();
        NonceMatch.require(step, "nonce", nonce, answer.nonce(), "req_pq_multi");
        NonceMatch.require(step, "server_nonce", serverNonce, answer.serverNonce(), "resPQ");
        if (answer instanceof DhGenOk ok) {
            NewNonceHash.check(ok.newNonceHash1(), newNonce, 1, candidate);
            KeyLifetime lifetime = expiresIn == 0 ? KeyLifetime.permanent()
                    : new KeyLifetime.Temporary(expiresIn, (long) serverTime + expiresIn);
            ClientKeyExchangeResult result = new ClientKeyExchangeResult(candidate,
                    FirstServerSalt.of(newNonce, serverNonce), serverTime, timeOffsetSeconds, lifetime, dcId);
            state = State.DONE;
            erase();
            return new ClientStep.Done(result);
        }
        if (answer instanceof DhGenRetry retry) {
            NewNonceHash.check(retry.newNonceHash2(), newNonce, 2, candidate);
            if (attempts >= maxDhAttempts) {
                throw new KeyExchangeException(step, "the server asked for another attempt after " + attempts
                        + " set_client_DH_params; the limit is " + maxDhAttempts);
            }
            retryId = RetryId.of(candidate);
            return sendClientDhParams();
        }
        DhGenFail refusal = (DhGenFail) answer;
        NewNonceHash.check(refusal.newNonceHash3(), newNonce, 3, candidate);
        throw new KeyExchangeRejectedException(step, "the server refused the key (new_nonce_hash3 verified)");
    }

    private EncodedMessage envelope(TlObject object) {
        return UnencryptedMessage.wrap(object, messageIds, MessageOrigin.CLIENT);
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
        candidate = null;
    }

    /** The buffers erased when the exchange ends, as they are now (for tests that check the erasure). */
    SecretBuffers secretBuffers() {
        return new SecretBuffers(newNonce, tmpKey);
    }

    /** The exchange's own secret buffers at one moment; either may be null (not made yet, or already let go). */
    record SecretBuffers(byte[] newNonce, TmpAesKey tmpAesKey) {
    }

    /** Shows the DC id and the state, never nonces or keys. */
    @Override
    public String toString() {
        return "ClientKeyExchange[dc=" + dcId + ", " + (expiresIn == 0 ? "permanent" : "temporary") + ", state="
                + state + "]";
    }
}
