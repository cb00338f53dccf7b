package dev.mtproto.keyexchange;

import static dev.mtproto.keyexchange.KeyExchangeRoundTripTest.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.crypto.DhValidator;
import dev.mtproto.tl.mtproto.ClientDHInnerData;
import dev.mtproto.tl.mtproto.DhGenFail;
import dev.mtproto.tl.mtproto.DhGenOk;
import dev.mtproto.tl.mtproto.DhGenRetry;
import dev.mtproto.tl.mtproto.ResPQ;
import dev.mtproto.tl.mtproto.ResPQType;
import dev.mtproto.tl.mtproto.ServerDHInnerData;
import dev.mtproto.tl.mtproto.ServerDHParams;
import dev.mtproto.tl.mtproto.ServerDHParamsFail;
import dev.mtproto.tl.mtproto.ServerDHParamsOk;
import dev.mtproto.tl.mtproto.SetClientDHParamsAnswer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every check of the client, each fed a forged or tampered server message. */
class ClientChecksTest {
    private static final BigInteger PRIME = DhValidator.TELEGRAM_PRIME;

    private ClientKeyExchange client;
    private ServerKeyExchange server;
    private byte[] resPq;
    private byte[] reqDh;
    private byte[] dhParamsOk;
    private byte[] setParams;
    private byte[] dhGenAnswer;
    private Eavesdropper eve;

    private void startWith(ServerKeyExchangePolicy policy) {
        client = ClientKeyExchange.builder(2, TestKeys.ring(TestKeys.LOCAL)).random(new SeededRandom(5)).build();
        server = ServerKeyExchange.builder(2, List.of(TestKeys.LOCAL)).random(new SeededRandom(6)).policy(policy).build();
        resPq = server.onMessage(client.start()).payload();
    }

    @BeforeEach
    void start() {
        startWith(ServerKeyExchangePolicy.acceptAll());
    }

    private void advanceToServerDhParams() {
        reqDh = send(client.onMessage(resPq));
        eve = new Eavesdropper(reqDh, TestKeys.LOCAL);
        dhParamsOk = server.onMessage(reqDh).payload();
    }

    private void advanceToDhGenAnswer() {
        advanceToServerDhParams();
        setParams = send(client.onMessage(dhParamsOk));
        dhGenAnswer = server.onMessage(setParams).payload();
    }

    /** The client must refuse with exactly this message, and refuse everything afterwards. */
    private void assertRefuses(byte[] payload, String message) {
        assertThatThrownBy(() -> client.onMessage(payload))
                .isExactlyInstanceOf(KeyExchangeException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> client.onMessage(payload))
                .isExactlyInstanceOf(KeyExchangeException.class)
                .hasMessageEndingWith("the exchange has already failed; start a new one");
    }

    private ResPQ resPqObject() {
        return (ResPQ) Payloads.read(resPq, ResPQType::read);
    }

    private byte[] resPqWith(UnaryOperator<ResPQ> change) {
        return Payloads.withBody(resPq, change.apply(resPqObject()));
    }

    private byte[] resPqWithPq(byte[] pq) {
        return resPqWith(r -> new ResPQ(r.nonce(), r.serverNonce(), pq, r.serverPublicKeyFingerprints()));
    }

    private static byte[] bigEndian(BigInteger value) {
        byte[] raw = value.toByteArray();
        return raw[0] == 0 && raw.length > 1 ? Arrays.copyOfRange(raw, 1, raw.length) : raw;
    }

    @Nested
    class ResPq {
        @Test
        void nonce() {
            assertRefuses(resPqWith(r -> new ResPQ(Payloads.flip(r.nonce(), 15), r.serverNonce(), r.pq(),
                    r.serverPublicKeyFingerprints())), "resPQ: nonce does not match the one in req_pq_multi");
        }

        @Test
        void pqWithThreePrimeFactors() {
            long pq = 1_000_003L * 1_000_033L * 1_009L;
            assertRefuses(resPqWithPq(bigEndian(BigInteger.valueOf(pq))),
                    "resPQ: pq " + pq + " is not a product of two distinct odd primes");
        }

        @Test
        void pqThatIsPrime() {
            assertRefuses(resPqWithPq(bigEndian(BigInteger.valueOf(2_147_483_647L))),
                    "resPQ: pq 2147483647 is prime, not a product of two primes");
        }

        @Test
        void pqThatIsASquareOrEven() {
            long square = 1_000_003L * 1_000_003L;
            assertRefuses(resPqWithPq(bigEndian(BigInteger.valueOf(square))),
                    "resPQ: pq " + square + " is not a product of two distinct odd primes");
            start();
            assertRefuses(resPqWithPq(bigEndian(BigInteger.valueOf(2L * 1_000_003L))),
                    "resPQ: pq 2000006 is not a product of two distinct odd primes");
        }

        @Test
        void pqOfTwoToThe63() {
            assertRefuses(resPqWithPq(bigEndian(BigInteger.ONE.shiftLeft(63))),
                    "resPQ: pq is not a positive number below 2^63");
        }

        @Test
        void pqLongerThanEightBytesOrEmpty() {
            byte[] nine = new byte[9];
            nine[8] = 15;
            assertRefuses(resPqWithPq(nine),
                    "resPQ: pq is 9 bytes; it must be 1..8 bytes of a number below 2^63");
            start();
            assertRefuses(resPqWithPq(new byte[0]),
                    "resPQ: pq is 0 bytes; it must be 1..8 bytes of a number below 2^63");
        }

        @Test
        void unknownFingerprintsAreListed() {
            assertRefuses(resPqWith(r -> new ResPQ(r.nonce(), r.serverNonce(), r.pq(), List.of(1L, -2L))),
                    "resPQ: none of the server's RSA key fingerprints [0x0000000000000001, 0xfffffffffffffffe] "
                            + "is trusted; trusted: [0x4ed8ee5d6fe6117d]");
        }

        @Test
        void noFingerprints() {
            assertRefuses(resPqWith(r -> new ResPQ(r.nonce(), r.serverNonce(), r.pq(), List.of())),
                    "resPQ: none of the server's RSA key fingerprints [] is trusted; trusted: [0x4ed8ee5d6fe6117d]");
        }

        @Test
        void manyUnknownFingerprintsAreListedInPart() {
            List<Long> many = new ArrayList<>();
            for (long i = 0; i < 20; i++) {
                many.add(i);
            }
            assertThatThrownBy(() -> client.onMessage(
                    resPqWith(r -> new ResPQ(r.nonce(), r.serverNonce(), r.pq(), many))))
                    .isExactlyInstanceOf(KeyExchangeException.class).hasMessageContaining(", and 12 more]");
        }

        @Test
        void theTrustedKeyIsFoundAmongOthers() {
            long ours = TestKeys.LOCAL.publicKey().fingerprint();
            ClientStep step = client.onMessage(resPqWith(r -> new ResPQ(r.nonce(), r.serverNonce(), r.pq(),
                    List.of(7L, ours, 9L))));
            assertThat(step).isInstanceOf(ClientStep.Send.class);
        }

        @Test
        void trailingBytes() {
            byte[] body = Payloads.body(resPq);
            assertRefuses(Payloads.withBody(resPq, Arrays.copyOf(body, body.length + 4)),
                    "resPQ: malformed message: TL decoding failed at offset " + body.length
                            + ": 4 unexpected bytes after the end of the value");
        }

        @Test
        void anotherConstructor() {
            byte[] forged = Payloads.withBody(resPq, new DhGenOk(new byte[16], new byte[16], new byte[16]));
            assertRefuses(forged, "resPQ: malformed message: TL decoding failed at offset 0: expected a ResPQ, "
                    + "found constructor 0x3bcbf734 ('dh_gen_ok')");
        }
    }

    @Nested
    class Envelope {
        @Test
        void messageIdOfAClient() {
            byte[] forged = resPq.clone();
            forged[8] &= ~3;
            assertRefuses(forged, "resPQ: msg_id " + Long.toUnsignedString(Payloads.messageId(forged))
                    + " of a server message is not congruent to 1 mod 4");
        }

        @Test
        void messageIdCongruentToThree() {
            byte[] forged = resPq.clone();
            forged[8] |= 3;
            assertThatThrownBy(() -> client.onMessage(forged)).isExactlyInstanceOf(KeyExchangeException.class)
                    .hasMessageEndingWith("of a server message is not congruent to 1 mod 4");
        }

        @Test
        void authKeyIdNotZero() {
            byte[] forged = resPq.clone();
            forged[3] = 1;
            assertRefuses(forged, "resPQ: auth_key_id is not 0, so this is not an unencrypted message");
        }

        @Test
        void lengthLongerThanThePayload() {
            byte[] forged = resPq.clone();
            forged[16] += 4;
            int body = resPq.length - 20;
            assertRefuses(forged, "resPQ: message_data_length " + (body + 4) + " does not match the " + body
                    + " bytes that follow the header");
        }

        @Test
        void shorterThanTheHeader() {
            assertRefuses(Arrays.copyOf(resPq, 19),
                    "resPQ: payload is 19 bytes, shorter than the 20-byte unencrypted message header");
        }
    }

    @Nested
    class ServerDhParamsOuter {
        @BeforeEach
        void advance() {
            advanceToServerDhParams();
        }

        private ServerDHParamsOk ok() {
            return (ServerDHParamsOk) Payloads.read(dhParamsOk, ServerDHParams::read);
        }

        @Test
        void nonce() {
            ServerDHParamsOk ok = ok();
            assertRefuses(Payloads.withBody(dhParamsOk, new ServerDHParamsOk(Payloads.flip(ok.nonce(), 0),
                    ok.serverNonce(), ok.encryptedAnswer())),
                    "server_DH_params_ok: nonce does not match the one in req_pq_multi");
        }

        @Test
        void serverNonce() {
            ServerDHParamsOk ok = ok();
            assertRefuses(Payloads.withBody(dhParamsOk, new ServerDHParamsOk(ok.nonce(),
                    Payloads.flip(ok.serverNonce(), 7), ok.encryptedAnswer())),
                    "server_DH_params_ok: server_nonce does not match the one in resPQ");
        }

        @Test
        void answerHashDoesNotMatch() {
            ServerDHParamsOk ok = ok();
            assertRefuses(Payloads.withBody(dhParamsOk, new ServerDHParamsOk(ok.nonce(), ok.serverNonce(),
                    Payloads.flip(ok.encryptedAnswer(), 100))),
                    "server_DH_params_ok: SHA1 of the decrypted DH data does not match for any padding 0..15");
        }

        @Test
        void answerPaddingTooLong() {
            // A valid SHA-1 over the data, but 16 or more bytes of padding after it.
            ServerDHInnerData inner = eve.serverInner(dhParamsOk);
            byte[] data = Payloads.serialize(inner);
            byte[] withHash = new byte[(20 + data.length + 16 + 15) & ~15];
            System.arraycopy(sha1(data), 0, withHash, 0, 20);
            System.arraycopy(data, 0, withHash, 20, data.length);
            byte[] encrypted = dev.mtproto.crypto.AesIge.encrypt(eve.tmpKey.key(), eve.tmpKey.iv(), withHash);
            ServerDHParamsOk ok = ok();
            assertRefuses(Payloads.withBody(dhParamsOk, new ServerDHParamsOk(ok.nonce(), ok.serverNonce(), encrypted)),
                    "server_DH_params_ok: SHA1 of the decrypted DH data does not match for any padding 0..15");
        }

        @Test
        void answerLengthNotAMultipleOf16() {
            ServerDHParamsOk ok = ok();
            byte[] answer = Arrays.copyOf(ok.encryptedAnswer(), ok.encryptedAnswer().length - 4);
            assertRefuses(Payloads.withBody(dhParamsOk, new ServerDHParamsOk(ok.nonce(), ok.serverNonce(), answer)),
                    "server_DH_params_ok: encrypted DH data length " + answer.length
                            + " is not a multiple of 16 of at least 32 bytes");
        }

        @Test
        void serverDhParamsFailWithAWrongHash() {
            ServerDHParamsOk ok = ok();
            assertRefuses(Payloads.withBody(dhParamsOk, new ServerDHParamsFail(ok.nonce(), ok.serverNonce(),
                    new byte[16])), "server_DH_params_fail: new_nonce_hash does not match SHA1(new_nonce)");
        }

        @Test
        void serverDhParamsFailWithTheRightHashButAnotherNonce() {
            byte[] hash = Arrays.copyOfRange(sha1(eve.newNonce), 4, 20);
            ServerDHParamsOk ok = ok();
            assertRefuses(Payloads.withBody(dhParamsOk, new ServerDHParamsFail(Payloads.flip(ok.nonce(), 3),
                    ok.serverNonce(), hash)), "server_DH_params_fail: nonce does not match the one in req_pq_multi");
        }

        @Test
        void serverDhParamsFailWithTheRightHashIsARefusal() {
            byte[] hash = Arrays.copyOfRange(sha1(eve.newNonce), 4, 20);
            ServerDHParamsOk ok = ok();
            assertThatThrownBy(() -> client.onMessage(Payloads.withBody(dhParamsOk,
                    new ServerDHParamsFail(ok.nonce(), ok.serverNonce(), hash))))
                    .isExactlyInstanceOf(KeyExchangeRejectedException.class)
                    .hasMessage("server_DH_params_fail: the server refused req_DH_params");
        }

        @Test
        void resPqAgain() {
            assertRefuses(Payloads.withBody(dhParamsOk, Payloads.body(resPq)),
                    "Server_DH_Params: malformed message: TL decoding failed at offset 0: expected a "
                            + "Server_DH_Params, found constructor 0x5162463 ('resPQ')");
        }
    }

    @Nested
    class ServerDhInnerDataChecks {
        @BeforeEach
        void advance() {
            advanceToServerDhParams();
        }

        private byte[] rewrite(UnaryOperator<ServerDHInnerData> change) {
            return eve.rewriteServerInner(dhParamsOk, change);
        }

        private byte[] withGroup(BigInteger prime, int g) {
            return rewrite(i -> new ServerDHInnerData(i.nonce(), i.serverNonce(), g, bigEndian(prime), i.gA(),
                    i.serverTime()));
        }

        private byte[] withGa(BigInteger gA) {
            return rewrite(i -> new ServerDHInnerData(i.nonce(), i.serverNonce(), i.g(), i.dhPrime(), bigEndian(gA),
                    i.serverTime()));
        }

        @Test
        void anUntouchedReencryptionIsAccepted() {
            assertThat(client.onMessage(rewrite(i -> i))).isInstanceOf(ClientStep.Send.class);
        }

        @Test
        void nonce() {
            assertRefuses(rewrite(i -> new ServerDHInnerData(Payloads.flip(i.nonce(), 1), i.serverNonce(), i.g(),
                    i.dhPrime(), i.gA(), i.serverTime())),
                    "server_DH_inner_data: nonce does not match the one in req_pq_multi");
        }

        @Test
        void serverNonce() {
            assertRefuses(rewrite(i -> new ServerDHInnerData(i.nonce(), Payloads.flip(i.serverNonce(), 1), i.g(),
                    i.dhPrime(), i.gA(), i.serverTime())),
                    "server_DH_inner_data: server_nonce does not match the one in resPQ");
        }

        @Test
        void generatorOutOfRange() {
            assertRefuses(withGroup(PRIME, 1), "server_DH_inner_data: g = 1 is outside 2..7");
            start();
            advanceToServerDhParams();
            assertRefuses(withGroup(PRIME, 8), "server_DH_inner_data: g = 8 is outside 2..7");
        }

        @Test
        void generatorThatIsNotAQuadraticResidue() {
            // Telegram's prime is 3 mod 8 and 3 mod 5: g = 2 and g = 5 do not generate the right subgroup.
            assertRefuses(withGroup(PRIME, 2), "server_DH_inner_data: g = 2 is not a quadratic residue mod dh_prime "
                    + "(dh_prime mod 8 = 7 does not hold)");
            start();
            advanceToServerDhParams();
            assertRefuses(withGroup(PRIME, 5), "server_DH_inner_data: g = 5 is not a quadratic residue mod dh_prime "
                    + "(dh_prime mod 5 in {1, 4} does not hold)");
        }

        @Test
        void primeThatIsNotPrime() {
            BigInteger composite = PRIME.add(BigInteger.valueOf(6));
            assertThat(composite.isProbablePrime(40)).isFalse();
            assertRefuses(withGroup(composite, 3), "server_DH_inner_data: dh_prime is not prime");
        }

        @Test
        void primeThatIsNotSafe() {
            Random random = new Random(42);
            BigInteger unsafe;
            do {
                unsafe = BigInteger.probablePrime(2048, random);
            } while (unsafe.mod(BigInteger.valueOf(3)).intValue() != 2);
            assertRefuses(withGroup(unsafe, 3),
                    "server_DH_inner_data: (dh_prime - 1) / 2 is not prime, so dh_prime is not a safe prime");
        }

        @Test
        void primeOfTheWrongSize() {
            BigInteger small = BigInteger.probablePrime(1024, new Random(1));
            assertRefuses(withGroup(small, 3),
                    "server_DH_inner_data: dh_prime is not an odd number with 2^2047 < dh_prime < 2^2048");
            start();
            advanceToServerDhParams();
            assertRefuses(withGroup(PRIME.add(BigInteger.ONE), 3),
                    "server_DH_inner_data: dh_prime is not an odd number with 2^2047 < dh_prime < 2^2048");
        }

        @Test
        void gaOutsideTheGroup() {
            String notInGroup = "server_DH_inner_data: g_a is not in 1 < g_a < dh_prime - 1";
            for (BigInteger gA : List.of(BigInteger.ZERO, BigInteger.ONE, PRIME.subtract(BigInteger.ONE), PRIME,
                    PRIME.add(BigInteger.TEN))) {
                start();
                advanceToServerDhParams();
                assertRefuses(withGa(gA), notInGroup);
            }
        }

        @Test
        void gaOutsideTheSafeRange() {
            String unsafe = "server_DH_inner_data: g_a is outside [2^1984, dh_prime - 2^1984]";
            BigInteger margin = BigInteger.ONE.shiftLeft(1984);
            for (BigInteger gA : List.of(BigInteger.TWO, margin.subtract(BigInteger.ONE),
                    PRIME.subtract(margin).add(BigInteger.ONE), PRIME.subtract(BigInteger.TWO))) {
                start();
                advanceToServerDhParams();
                assertRefuses(withGa(gA), unsafe);
            }
        }

        @Test
        void trailingBytesInsideTheHashedData() {
            byte[] data = Payloads.serialize(eve.serverInner(dhParamsOk));
            assertRefuses(eve.reencryptServerInner(dhParamsOk, Arrays.copyOf(data, data.length + 4)),
                    "server_DH_inner_data: malformed message: TL decoding failed at offset " + data.length
                            + ": 4 unexpected bytes after the end of the value");
        }

        @Test
        void anotherObjectInsideTheHashedData() {
            byte[] other = Payloads.serialize(new ClientDHInnerData(eve.nonce, eve.serverNonce, 0, new byte[] {5}));
            assertRefuses(eve.reencryptServerInner(dhParamsOk, other),
                    "server_DH_inner_data: malformed message: TL decoding failed at offset 0: expected a "
                            + "Server_DH_inner_data, found constructor 0x6643b654 ('client_DH_inner_data')");
        }
    }

    @Nested
    class DhGenAnswers {
        private SetClientDHParamsAnswer answer() {
            return Payloads.read(dhGenAnswer, SetClientDHParamsAnswer::read);
        }

        @Test
        void dhGenOkWithAWrongHash() {
            advanceToDhGenAnswer();
            DhGenOk ok = (DhGenOk) answer();
            assertRefuses(Payloads.withBody(dhGenAnswer, new DhGenOk(ok.nonce(), ok.serverNonce(),
                    Payloads.flip(ok.newNonceHash1(), 0))), "dh_gen_ok: new_nonce_hash1 does not match");
        }

        @Test
        void dhGenOkWithAnotherNonce() {
            advanceToDhGenAnswer();
            DhGenOk ok = (DhGenOk) answer();
            assertRefuses(Payloads.withBody(dhGenAnswer, new DhGenOk(Payloads.flip(ok.nonce(), 9), ok.serverNonce(),
                    ok.newNonceHash1())), "dh_gen_ok: nonce does not match the one in req_pq_multi");
        }

        @Test
        void dhGenOkWithAnotherServerNonce() {
            advanceToDhGenAnswer();
            DhGenOk ok = (DhGenOk) answer();
            assertRefuses(Payloads.withBody(dhGenAnswer, new DhGenOk(ok.nonce(), Payloads.flip(ok.serverNonce(), 9),
                    ok.newNonceHash1())), "dh_gen_ok: server_nonce does not match the one in resPQ");
        }

        @Test
        void dhGenOkCarryingTheRetryHash() {
            startWith(ServerKeyExchangePolicy.retryFirst(1));
            advanceToDhGenAnswer();
            DhGenRetry retry = (DhGenRetry) answer();
            assertRefuses(Payloads.withBody(dhGenAnswer, new DhGenOk(retry.nonce(), retry.serverNonce(),
                    retry.newNonceHash2())), "dh_gen_ok: new_nonce_hash1 does not match");
        }

        @Test
        void dhGenRetryWithAWrongHash() {
            startWith(ServerKeyExchangePolicy.retryFirst(1));
            advanceToDhGenAnswer();
            DhGenRetry retry = (DhGenRetry) answer();
            assertRefuses(Payloads.withBody(dhGenAnswer, new DhGenRetry(retry.nonce(), retry.serverNonce(),
                    Payloads.flip(retry.newNonceHash2(), 15))), "dh_gen_retry: new_nonce_hash2 does not match");
        }

        @Test
        void dhGenRetryCarryingTheOkHash() {
            advanceToDhGenAnswer();
            DhGenOk ok = (DhGenOk) answer();
            assertRefuses(Payloads.withBody(dhGenAnswer, new DhGenRetry(ok.nonce(), ok.serverNonce(),
                    ok.newNonceHash1())), "dh_gen_retry: new_nonce_hash2 does not match");
        }

        @Test
        void dhGenFailWithAWrongHashIsNotARefusal() {
            startWith(ServerKeyExchangePolicy.always(DhGenAnswer.FAIL));
            advanceToDhGenAnswer();
            DhGenFail fail = (DhGenFail) answer();
            assertRefuses(Payloads.withBody(dhGenAnswer, new DhGenFail(fail.nonce(), fail.serverNonce(),
                    Payloads.flip(fail.newNonceHash3(), 4))), "dh_gen_fail: new_nonce_hash3 does not match");
        }

        @Test
        void anAnswerOfTheWrongType() {
            advanceToDhGenAnswer();
            assertRefuses(Payloads.withBody(dhGenAnswer, Payloads.body(dhParamsOk)),
                    "Set_client_DH_params_answer: malformed message: TL decoding failed at offset 0: expected a "
                            + "Set_client_DH_params_answer, found constructor 0xd0e8075c ('server_DH_params_ok')");
        }
    }

    @Nested
    class Order {
        @Test
        void aMessageBeforeStart() {
            ClientKeyExchange fresh = ClientKeyExchange.builder(2, TestKeys.ring(TestKeys.LOCAL)).build();
            assertThatThrownBy(() -> fresh.onMessage(resPq)).isExactlyInstanceOf(KeyExchangeException.class)
                    .hasMessage("req_pq_multi: a server message arrived before start()");
            assertThatThrownBy(fresh::start).isExactlyInstanceOf(KeyExchangeException.class);
        }

        @Test
        void startTwice() {
            assertThatThrownBy(client::start).isExactlyInstanceOf(KeyExchangeException.class)
                    .hasMessage("req_pq_multi: start() was already called; use a new ClientKeyExchange for a new "
                            + "exchange");
        }

        @Test
        void theSameAnswerTwice() {
            advanceToServerDhParams();
            assertThatThrownBy(() -> client.onMessage(resPq)).isExactlyInstanceOf(KeyExchangeException.class)
                    .hasMessageStartingWith("Server_DH_Params: malformed message");
        }

        @Test
        void aDhGenAnswerInsteadOfResPq() {
            advanceToDhGenAnswer();
            ClientKeyExchange other = ClientKeyExchange.builder(2, TestKeys.ring(TestKeys.LOCAL)).build();
            other.start();
            assertThatThrownBy(() -> other.onMessage(dhGenAnswer)).isExactlyInstanceOf(KeyExchangeException.class)
                    .hasMessageStartingWith("resPQ: malformed message: TL decoding failed at offset 0: expected a ResPQ");
        }
    }

    static byte[] sha1(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-1").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
