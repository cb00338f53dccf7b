package dev.mtproto.keyexchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.crypto.DhValidator;
import dev.mtproto.crypto.PqFactorizer;
import dev.mtproto.crypto.PqFactors;
import dev.mtproto.crypto.RsaPrivateKey;
import dev.mtproto.crypto.RsaPublicKey;
import dev.mtproto.tl.mtproto.ClientDHInnerData;
import dev.mtproto.tl.mtproto.DhGenOk;
import dev.mtproto.tl.mtproto.DhGenRetry;
import dev.mtproto.tl.mtproto.PQInnerDataDc;
import dev.mtproto.tl.mtproto.PQInnerDataTempDc;
import dev.mtproto.tl.mtproto.PQInnerDataType;
import dev.mtproto.tl.mtproto.ReqDHParams;
import dev.mtproto.tl.mtproto.ReqPqMulti;
import dev.mtproto.tl.mtproto.ResPQ;
import dev.mtproto.tl.mtproto.ResPQType;
import dev.mtproto.tl.mtproto.ServerDHParams;
import dev.mtproto.tl.mtproto.ServerDHParamsFail;
import dev.mtproto.tl.mtproto.SetClientDHParams;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The server's checks, driven by a hand-built client that can send old forms and wrong values. */
class ServerChecksTest {
    private static final long NOW = 1_800_000_000L;
    private static final RsaPublicKey KEY = TestKeys.LOCAL.publicKey();

    private ServerKeyExchangeBuilder builder() {
        return ServerKeyExchange.builder(2, List.of(TestKeys.LOCAL)).random(new SeededRandom(8))
                .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    }

    private ServerKeyExchange server = builder().build();
    private final ManualClient client = new ManualClient(77);

    /** Sends req_pq_multi and reads resPQ. */
    private void reqPq() {
        client.readResPq(server.onMessage(client.reqPqMulti()).payload());
    }

    /** Up to and including server_DH_params_ok. */
    private void reqDhParams() {
        reqPq();
        ServerStep answer = server.onMessage(client.reqDhParams(client.innerData(PqInnerDataForm.DC, 2, 0), KEY,
                RsaScheme.RSA_PAD));
        client.readServerDhParamsOk(answer.payload());
    }

    private void assertRefuses(byte[] payload, String message) {
        assertThatThrownBy(() -> server.onMessage(payload)).isExactlyInstanceOf(KeyExchangeException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> server.onMessage(payload)).isExactlyInstanceOf(KeyExchangeException.class)
                .hasMessageContaining("the exchange has ended (failed)");
    }

    private byte[] reqDh(PQInnerDataType inner) {
        return client.reqDhParams(inner, KEY, RsaScheme.RSA_PAD);
    }

    private byte[] reqDhWith(byte[] p, byte[] q, long fingerprint, byte[] encrypted) {
        return client.payload(new ReqDHParams(client.nonce, client.serverNonce, p, q, fingerprint, encrypted));
    }

    private byte[] encryptedInner() {
        return client.encrypt(Payloads.serialize(client.innerData(PqInnerDataForm.DC, 2, 0)), KEY, RsaScheme.RSA_PAD);
    }

    @Nested
    class Accepted {
        @ParameterizedTest
        @EnumSource(PqInnerDataForm.class)
        void everyInnerDataFormWithEitherRsaSchemeAndEitherReqPq(PqInnerDataForm form) {
            for (RsaScheme scheme : RsaScheme.values()) {
                for (boolean multi : new boolean[] {true, false}) {
                    ServerKeyExchange fresh = builder().build();
                    ManualClient manual = new ManualClient(form.ordinal() * 4 + scheme.ordinal() * 2 + (multi ? 1 : 0));
                    manual.readResPq(fresh.onMessage(multi ? manual.reqPqMulti() : manual.reqPq()).payload());
                    PQInnerDataType inner = manual.innerData(form, -10002, 600);
                    manual.readServerDhParamsOk(fresh.onMessage(manual.reqDhParams(inner, KEY, scheme)).payload());
                    ServerStep done = fresh.onMessage(manual.setClientDhParams(0));

                    assertThat(done).as("%s %s %s", form, scheme, multi).isInstanceOf(ServerStep.Done.class);
                    ServerKeyExchangeResult result = ((ServerStep.Done) done).result();
                    assertThat(result.authKey()).isEqualTo(manual.authKey);
                    DhGenOk ok = (DhGenOk) manual.readAnswer(done.payload());
                    assertThat(ok.newNonceHash1()).isEqualTo(
                            dev.mtproto.crypto.NewNonceHash.compute(manual.newNonce, 1, manual.authKey));
                    assertThat(result.innerDataForm()).isEqualTo(form);
                    assertThat(result.rsaScheme()).isEqualTo(scheme);
                    assertThat(result.reqPqMulti()).isEqualTo(multi);
                    boolean hasDc = form == PqInnerDataForm.DC || form == PqInnerDataForm.TEMP_DC;
                    assertThat(result.clientDcId()).isEqualTo(hasDc ? OptionalInt.of(-10002) : OptionalInt.empty());
                    boolean temporary = form == PqInnerDataForm.TEMP_DC || form == PqInnerDataForm.TEMP_NO_DC;
                    assertThat(result.lifetime()).isEqualTo(temporary ? new KeyLifetime.Temporary(600, NOW + 600)
                            : KeyLifetime.permanent());
                }
            }
        }

        @Test
        void resPqOffersAFreshProductOfTwoPrimesBelowTwoToThe63() {
            Set<BigInteger> seen = new HashSet<>();
            for (int seed = 0; seed < 40; seed++) {
                ServerKeyExchange fresh = ServerKeyExchange.builder(2, List.of(TestKeys.LOCAL, TestKeys.fresh()))
                        .random(new SeededRandom(seed)).build();
                ManualClient manual = new ManualClient(seed);
                byte[] payload = fresh.onMessage(manual.reqPqMulti()).payload();
                ResPQ res = (ResPQ) Payloads.read(payload, ResPQType::read);
                BigInteger pq = new BigInteger(1, res.pq());
                assertThat(res.pq()[0]).isNotZero();
                assertThat(pq.bitLength()).isBetween(61, 63);
                PqFactors factors = PqFactorizer.factorize(res.pq());
                assertThat(factors.p()).isLessThan(factors.q()).isGreaterThanOrEqualTo(1L << 30);
                assertThat(factors.q()).isLessThanOrEqualTo(3_037_000_499L);
                assertThat(res.nonce()).isEqualTo(manual.nonce);
                assertThat(res.serverPublicKeyFingerprints())
                        .containsExactly(TestKeys.LOCAL.publicKey().fingerprint(), TestKeys.fresh().publicKey().fingerprint());
                assertThat(Payloads.messageId(payload) & 3).isEqualTo(1);
                seen.add(pq);
            }
            assertThat(seen).hasSize(40);
        }

        @Test
        void dhGenRetryThenOkWithTheAuxHash() {
            server = builder().policy(ServerKeyExchangePolicy.retryFirst(1)).build();
            reqDhParams();
            ServerStep retry = server.onMessage(client.setClientDhParams(0));
            assertThat(retry).isInstanceOf(ServerStep.Send.class);
            DhGenRetry answer = (DhGenRetry) client.readAnswer(retry.payload());
            assertThat(answer.newNonceHash2())
                    .isEqualTo(dev.mtproto.crypto.NewNonceHash.compute(client.newNonce, 2, client.authKey));
            ServerStep done = server.onMessage(client.setClientDhParams(client.auxHashAsRetryId()));
            assertThat(done).isInstanceOf(ServerStep.Done.class);
            assertThat(((ServerStep.Done) done).result().authKey()).isEqualTo(client.authKey);
        }

        @Test
        void refusingDhParamsSendsTheHashOfNewNonce() {
            server = builder().policy(ServerKeyExchangePolicy.refuseDhParamsAlways()).build();
            reqPq();
            ServerStep step = server.onMessage(reqDh(client.innerData(PqInnerDataForm.DC, 2, 0)));
            assertThat(step).isInstanceOf(ServerStep.Rejected.class);
            ServerDHParamsFail fail = (ServerDHParamsFail) Payloads.read(step.payload(), ServerDHParams::read);
            assertThat(fail.newNonceHash()).isEqualTo(Arrays.copyOfRange(ClientChecksTest.sha1(client.newNonce), 4, 20));
        }

        @Test
        void narrowedDcIds() {
            server = builder().acceptedDcIds(10002).build();
            reqPq();
            assertRefuses(reqDh(client.innerData(PqInnerDataForm.DC, 2, 0)),
                    "p_q_inner_data_dc: dc 2 is not this DC (accepted: [10002])");
        }
    }

    @Nested
    class ReqPqStep {
        @Test
        void reqDhParamsFirst() {
            assertRefuses(client.payload(new ReqDHParams(client.nonce, new byte[16], new byte[] {1}, new byte[] {1},
                    1, new byte[256])), "req_pq_multi: malformed message: TL decoding failed at offset 0: expected a "
                    + "req_pq_multi or req_pq, found constructor 0xd712e4be ('req_DH_params')");
        }

        @Test
        void trailingBytes() {
            byte[] body = Payloads.serialize(new ReqPqMulti(client.nonce));
            assertRefuses(new UnencryptedMessage(4, Arrays.copyOf(body, body.length + 4)).encode(),
                    "req_pq_multi: malformed message: TL decoding failed at offset 20: 4 unexpected bytes after the "
                            + "end of the value");
        }

        @Test
        void messageIdOfAServer() {
            assertRefuses(new UnencryptedMessage(5, Payloads.serialize(new ReqPqMulti(client.nonce))).encode(),
                    "req_pq_multi: msg_id 5 of a client message is not divisible by 4");
        }

        @Test
        void reqPqTwice() {
            reqPq();
            assertRefuses(client.reqPqMulti(), "req_DH_params: malformed message: TL decoding failed at offset 0: "
                    + "expected a req_DH_params, found constructor 0xbe7e8ef1 ('req_pq_multi')");
        }
    }

    @Nested
    class ReqDhParamsStep {
        @Test
        void nonce() {
            reqPq();
            byte[] wrong = Payloads.flip(client.nonce, 0);
            assertRefuses(client.payload(new ReqDHParams(wrong, client.serverNonce, client.factors.pBytes(),
                    client.factors.qBytes(), KEY.fingerprint(), encryptedInner())),
                    "req_DH_params: nonce does not match the one in req_pq_multi");
        }

        @Test
        void serverNonce() {
            reqPq();
            assertRefuses(client.payload(new ReqDHParams(client.nonce, Payloads.flip(client.serverNonce, 0),
                    client.factors.pBytes(), client.factors.qBytes(), KEY.fingerprint(), encryptedInner())),
                    "req_DH_params: server_nonce does not match the one in resPQ");
        }

        @Test
        void swappedFactors() {
            reqPq();
            assertRefuses(reqDhWith(client.factors.qBytes(), client.factors.pBytes(), KEY.fingerprint(), encryptedInner()),
                    "req_DH_params: p and q are not the factors of the pq sent in resPQ (as minimal big-endian "
                            + "byte strings, p < q)");
        }

        @Test
        void factorWithALeadingZero() {
            reqPq();
            byte[] p = client.factors.pBytes();
            byte[] padded = new byte[p.length + 1];
            System.arraycopy(p, 0, padded, 1, p.length);
            assertRefuses(reqDhWith(padded, client.factors.qBytes(), KEY.fingerprint(), encryptedInner()),
                    "req_DH_params: p and q are not the factors of the pq sent in resPQ (as minimal big-endian "
                            + "byte strings, p < q)");
        }

        @Test
        void unknownFingerprint() {
            reqPq();
            assertRefuses(reqDhWith(client.factors.pBytes(), client.factors.qBytes(), 0x1234L, encryptedInner()),
                    "req_DH_params: public_key_fingerprint 0x0000000000001234 is not one of the keys offered in resPQ");
        }

        @Test
        void encryptedForAnotherKey() {
            reqPq();
            byte[] encrypted = client.encrypt(Payloads.serialize(client.innerData(PqInnerDataForm.DC, 2, 0)),
                    TestKeys.fresh().publicKey(), RsaScheme.RSA_PAD);
            assertThatThrownBy(() -> server.onMessage(reqDhWith(client.factors.pBytes(), client.factors.qBytes(),
                    KEY.fingerprint(), encrypted)))
                    .isExactlyInstanceOf(KeyExchangeException.class)
                    .hasMessageStartingWith("req_DH_params: encrypted_data is neither RSA_PAD (");
        }

        @Test
        void garbageEncryptedData() {
            reqPq();
            byte[] garbage = new byte[256];
            new SeededRandom(3).nextBytes(garbage, 0, 256);
            garbage[0] = 0x11; // below the modulus
            assertRefuses(reqDhWith(client.factors.pBytes(), client.factors.qBytes(), KEY.fingerprint(), garbage),
                    "req_DH_params: encrypted_data is neither RSA_PAD (RSA_PAD hash SHA256(temp_key + "
                            + "data_with_padding) does not match) nor the legacy RSA encoding (legacy RSA "
                            + "data_with_hash is longer than 255 bytes)");
        }

        @Test
        void encryptedDataOfTheWrongLengthOrAboveTheModulus() {
            reqPq();
            assertThatThrownBy(() -> server.onMessage(reqDhWith(client.factors.pBytes(), client.factors.qBytes(),
                    KEY.fingerprint(), new byte[255]))).isExactlyInstanceOf(KeyExchangeException.class)
                    .hasMessageContaining("255 bytes, not 256");
            server = builder().build();
            reqPq();
            byte[] high = new byte[256];
            Arrays.fill(high, (byte) 0xFF);
            assertThatThrownBy(() -> server.onMessage(reqDhWith(client.factors.pBytes(), client.factors.qBytes(),
                    KEY.fingerprint(), high))).isExactlyInstanceOf(KeyExchangeException.class)
                    .hasMessageContaining("not below the RSA modulus");
        }

        @Test
        void innerNonce() {
            reqPq();
            PQInnerDataDc good = (PQInnerDataDc) client.innerData(PqInnerDataForm.DC, 2, 0);
            assertRefuses(reqDh(new PQInnerDataDc(good.pq(), good.p(), good.q(), Payloads.flip(good.nonce(), 5),
                    good.serverNonce(), good.newNonce(), 2)),
                    "p_q_inner_data_dc: nonce does not match the one in req_pq_multi");
        }

        @Test
        void innerServerNonce() {
            reqPq();
            PQInnerDataDc good = (PQInnerDataDc) client.innerData(PqInnerDataForm.DC, 2, 0);
            assertRefuses(reqDh(new PQInnerDataDc(good.pq(), good.p(), good.q(), good.nonce(),
                    Payloads.flip(good.serverNonce(), 5), good.newNonce(), 2)),
                    "p_q_inner_data_dc: server_nonce does not match the one in resPQ");
        }

        @Test
        void innerPq() {
            reqPq();
            PQInnerDataDc good = (PQInnerDataDc) client.innerData(PqInnerDataForm.DC, 2, 0);
            assertRefuses(reqDh(new PQInnerDataDc(Payloads.flip(good.pq(), 7), good.p(), good.q(), good.nonce(),
                    good.serverNonce(), good.newNonce(), 2)),
                    "p_q_inner_data_dc: pq, p and q do not match resPQ and req_DH_params");
        }

        @Test
        void otherDcs() {
            for (int dc : new int[] {3, 0, 102, 20002, -3, 10003}) {
                server = builder().build();
                reqPq();
                assertRefuses(reqDh(client.innerData(PqInnerDataForm.DC, dc, 0)),
                        "p_q_inner_data_dc: dc " + dc + " is not this DC (accepted: [2, -2, 10002, -10002])");
            }
        }

        @Test
        void temporaryKeyWithAnotherDc() {
            reqPq();
            assertRefuses(reqDh(client.innerData(PqInnerDataForm.TEMP_DC, 4, 600)),
                    "p_q_inner_data_temp_dc: dc 4 is not this DC (accepted: [2, -2, 10002, -10002])");
        }

        @Test
        void expiresInNotPositive() {
            reqPq();
            assertRefuses(reqDh(client.innerData(PqInnerDataForm.TEMP_DC, 2, 0)),
                    "p_q_inner_data_temp_dc: expires_in 0 is not positive");
            server = builder().build();
            reqPq();
            assertRefuses(reqDh(client.innerData(PqInnerDataForm.TEMP_NO_DC, 2, -5)),
                    "p_q_inner_data_temp: expires_in -5 is not positive");
        }

        @Test
        void oldFormsWhenTheDcIsRequired() {
            server = builder().requireDcInInnerData().build();
            reqPq();
            assertRefuses(reqDh(client.innerData(PqInnerDataForm.NO_DC, 2, 0)),
                    "p_q_inner_data: this server requires the dc field (p_q_inner_data_dc or p_q_inner_data_temp_dc)");
        }

        @Test
        void innerDataThatIsNotPqInnerData() {
            reqPq();
            byte[] notInner = Payloads.serialize(new ReqPqMulti(client.nonce));
            assertRefuses(reqDhWith(client.factors.pBytes(), client.factors.qBytes(), KEY.fingerprint(),
                    client.encrypt(notInner, KEY, RsaScheme.LEGACY)),
                    "p_q_inner_data: malformed message: TL decoding failed at offset 0: expected a P_Q_inner_data, "
                            + "found constructor 0xbe7e8ef1 ('req_pq_multi')");
        }

        @Test
        void setClientDhParamsInstead() {
            reqPq();
            assertThatThrownBy(() -> server.onMessage(client.payload(new SetClientDHParams(client.nonce,
                    client.serverNonce, new byte[32])))).isExactlyInstanceOf(KeyExchangeException.class)
                    .hasMessageStartingWith("req_DH_params: malformed message: TL decoding failed at offset 0: "
                            + "expected a req_DH_params, found constructor 0xf5045f1f");
        }
    }

    @Nested
    class SetClientDhParamsStep {
        private byte[] withGb(BigInteger gB) {
            byte[] raw = gB.toByteArray();
            byte[] bytes = raw.length > 1 && raw[0] == 0 ? Arrays.copyOfRange(raw, 1, raw.length) : raw;
            return client.setClientDhParams(new ClientDHInnerData(client.nonce, client.serverNonce, 0, bytes));
        }

        @Test
        void outerNonces() {
            reqDhParams();
            assertRefuses(client.payload(new SetClientDHParams(Payloads.flip(client.nonce, 2), client.serverNonce,
                    new byte[32])), "set_client_DH_params: nonce does not match the one in req_pq_multi");
            server = builder().build();
            reqDhParams();
            assertRefuses(client.payload(new SetClientDHParams(client.nonce, Payloads.flip(client.serverNonce, 2),
                    new byte[32])), "set_client_DH_params: server_nonce does not match the one in resPQ");
        }

        @Test
        void innerNonces() {
            reqDhParams();
            assertRefuses(client.setClientDhParams(new ClientDHInnerData(Payloads.flip(client.nonce, 2),
                    client.serverNonce, 0, new byte[] {2})),
                    "client_DH_inner_data: nonce does not match the one in req_pq_multi");
            server = builder().build();
            reqDhParams();
            assertRefuses(client.setClientDhParams(new ClientDHInnerData(client.nonce,
                    Payloads.flip(client.serverNonce, 2), 0, new byte[] {2})),
                    "client_DH_inner_data: server_nonce does not match the one in resPQ");
        }

        @Test
        void corruptedEncryptedData() {
            reqDhParams();
            byte[] good = client.setClientDhParams(0);
            byte[] bad = good.clone();
            bad[bad.length - 20] ^= 0x40;
            assertRefuses(bad, "set_client_DH_params: SHA1 of the decrypted DH data does not match for any padding 0..15");
        }

        @Test
        void retryIdNotZeroOnTheFirstAttempt() {
            reqDhParams();
            byte[] payload = client.setClientDhParams(12345L);
            assertRefuses(payload, "client_DH_inner_data: retry_id must be 0 on the first attempt");
        }

        @Test
        void wrongRetryIdAfterARetry() {
            server = builder().policy(ServerKeyExchangePolicy.retryFirst(1)).build();
            reqDhParams();
            assertThat(server.onMessage(client.setClientDhParams(0))).isInstanceOf(ServerStep.Send.class);
            assertRefuses(client.setClientDhParams(0),
                    "client_DH_inner_data: retry_id is not the auth_key_aux_hash of the key refused by dh_gen_retry");
        }

        @Test
        void gbOutOfRange() {
            BigInteger p = DhValidator.TELEGRAM_PRIME;
            BigInteger margin = BigInteger.ONE.shiftLeft(1984);
            String notInGroup = "client_DH_inner_data: g_b is not in 1 < g_b < dh_prime - 1";
            String unsafe = "client_DH_inner_data: g_b is outside [2^1984, dh_prime - 2^1984]";
            Object[][] cases = {{BigInteger.ONE, notInGroup}, {p.subtract(BigInteger.ONE), notInGroup},
                    {p, notInGroup}, {BigInteger.TWO, unsafe}, {margin.subtract(BigInteger.ONE), unsafe},
                    {p.subtract(BigInteger.TWO), unsafe}};
            for (Object[] c : cases) {
                server = builder().build();
                reqDhParams();
                assertRefuses(withGb((BigInteger) c[0]), (String) c[1]);
            }
        }

        @Test
        void encryptedWithAnotherNewNonce() {
            reqDhParams();
            client.tmpKey = dev.mtproto.crypto.TmpAesKey.derive(new byte[32], client.serverNonce);
            assertRefuses(client.setClientDhParams(0),
                    "set_client_DH_params: SHA1 of the decrypted DH data does not match for any padding 0..15");
        }

        @Test
        void aMessageAfterTheEnd() {
            reqDhParams();
            byte[] last = client.setClientDhParams(0);
            assertThat(server.onMessage(last)).isInstanceOf(ServerStep.Done.class);
            assertThatThrownBy(() -> server.onMessage(last)).isExactlyInstanceOf(KeyExchangeException.class)
                    .hasMessage("set_client_DH_params: the exchange has ended (done); a new exchange needs a new "
                            + "ServerKeyExchange");
        }
    }

    @Test
    void aLegacyRequestByHandEndToEnd() {
        // The old client: req_pq, p_q_inner_data without dc, SHA1(data) + data + padding, raw RSA.
        ServerKeyExchange old = builder().build();
        ManualClient manual = new ManualClient(1234);
        manual.readResPq(old.onMessage(manual.reqPq()).payload());
        manual.readServerDhParamsOk(old.onMessage(manual.reqDhParams(manual.innerData(PqInnerDataForm.NO_DC, 0, 0),
                KEY, RsaScheme.LEGACY)).payload());
        ServerStep done = old.onMessage(manual.setClientDhParams(0));
        assertThat(done).isInstanceOf(ServerStep.Done.class);
        ServerKeyExchangeResult result = ((ServerStep.Done) done).result();
        assertThat(result.authKey()).isEqualTo(manual.authKey);
        assertThat(result.rsaScheme()).isEqualTo(RsaScheme.LEGACY);
        assertThat(result.innerDataForm()).isEqualTo(PqInnerDataForm.NO_DC);
        assertThat(result.reqPqMulti()).isFalse();
        assertThat(result.firstServerSalt()).isEqualTo(dev.mtproto.crypto.FirstServerSalt.of(manual.newNonce,
                manual.serverNonce));
        assertThat(manual.serverInner.serverTime()).isEqualTo((int) NOW);
        assertThat(manual.serverInner.g()).isEqualTo(3);
        assertThat(new BigInteger(1, manual.serverInner.dhPrime())).isEqualTo(DhValidator.TELEGRAM_PRIME);
    }

    @Test
    void theServerSideCanUseTheTemporaryFormOfTheRealClientAndAnInnerDataOfEveryKind() {
        RsaPrivateKey key = TestKeys.LOCAL;
        ClientKeyExchange real = ClientKeyExchange.builder(10002, TestKeys.ring(key)).temporaryKey(60).build();
        ServerKeyExchange fresh = builder().build();
        byte[] reqDh = KeyExchangeRoundTripTest.send(real.onMessage(fresh.onMessage(real.start()).payload()));
        Eavesdropper eve = new Eavesdropper(reqDh, key);
        assertThat(eve.newNonce).hasSize(32);
        PQInnerDataType inner = PQInnerDataType.read(new dev.mtproto.tl.TlReader(
                dev.mtproto.crypto.RsaPad.decrypt(readReqDh(reqDh).encryptedData(), key)));
        assertThat(inner).isInstanceOf(PQInnerDataTempDc.class);
        assertThat(((PQInnerDataTempDc) inner).dc()).isEqualTo(10002);
        assertThat(((PQInnerDataTempDc) inner).expiresIn()).isEqualTo(60);
    }

    private static ReqDHParams readReqDh(byte[] payload) {
        dev.mtproto.tl.TlReader reader = new dev.mtproto.tl.TlReader(Payloads.body(payload));
        reader.readInt();
        return ReqDHParams.readBare(reader);
    }
}
