package dev.mtproto.keyexchange;

import static dev.mtproto.keyexchange.ForgeryFixture.sha1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.crypto.DhValidator;
import dev.mtproto.crypto.PqFactorizer;
import dev.mtproto.crypto.PqFactors;
import dev.mtproto.crypto.RsaPrivateKey;
import dev.mtproto.tl.mtproto.DhGenOk;
import dev.mtproto.tl.mtproto.DhGenRetry;
import dev.mtproto.tl.mtproto.PQInnerDataTempDc;
import dev.mtproto.tl.mtproto.PQInnerDataType;
import dev.mtproto.tl.mtproto.ReqDHParams;
import dev.mtproto.tl.mtproto.ResPQ;
import dev.mtproto.tl.mtproto.ResPQType;
import dev.mtproto.tl.mtproto.ServerDHParams;
import dev.mtproto.tl.mtproto.ServerDHParamsFail;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the server's checks let through: every inner data form with either RSA scheme and either req_pq, the
 * legacy request end to end, the real client's temporary form, a fresh pq in each resPQ, a retry answered
 * with the aux hash; and what it answers when its settings make it refuse (server_DH_params_fail with the
 * hash of new_nonce, a refusal naming the accepted DC ids).
 */
class ServerKeyExchangeAcceptanceTest extends ForgeryFixture.AgainstServer {
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
        assertThat(fail.newNonceHash()).isEqualTo(Arrays.copyOfRange(sha1(client.newNonce), 4, 20));
    }

    @Test
    void narrowedDcIds() {
        server = builder().acceptedDcIds(10002).build();
        reqPq();
        assertRefuses(reqDh(client.innerData(PqInnerDataForm.DC, 2, 0)),
                "p_q_inner_data_dc: dc 2 is not this DC (accepted: [10002])");
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
