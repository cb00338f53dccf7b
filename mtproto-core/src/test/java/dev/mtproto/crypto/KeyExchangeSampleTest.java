package dev.mtproto.crypto;

import static dev.mtproto.crypto.TestVectors.bigBe;
import static dev.mtproto.crypto.TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Reproduces every crypto step of the official auth-key sample (auth_key_sample.json). */
class KeyExchangeSampleTest {
    private static final JsonNode SAMPLE = TestVectors.load("auth_key_sample.json");
    private static final JsonNode RANDOM = SAMPLE.get("random_values");
    private static final JsonNode STEP2 = SAMPLE.get("step2_resPQ");
    private static final JsonNode STEP3 = SAMPLE.get("step3_factorization");
    private static final JsonNode STEP6 = SAMPLE.get("step6_server_DH_params_ok");
    private static final JsonNode STEP7 = SAMPLE.get("step7_client_DH_inner_data");
    private static final JsonNode STEP8 = SAMPLE.get("step8_auth_key");

    private static final byte[] NEW_NONCE = hex(RANDOM.get("new_nonce"));
    private static final byte[] SERVER_NONCE = hex(RANDOM.get("server_nonce"));

    @Test
    void factorsPq() {
        PqFactors factors = PqFactorizer.factorize(hex(STEP2.get("pq_be")));
        assertThat(factors.p()).isEqualTo(STEP3.get("p").asLong());
        assertThat(factors.q()).isEqualTo(STEP3.get("q").asLong());
        assertThat(factors.pBytes()).isEqualTo(hex(STEP3.get("p_be")));
        assertThat(factors.qBytes()).isEqualTo(hex(STEP3.get("q_be")));
        assertThat(PqFactorizer.factorize(Long.parseLong(STEP2.get("pq").asString()))).isEqualTo(factors);
    }

    @Test
    void chosenFingerprintIsTelegramsProductionKey() {
        long chosen = Long.parseLong(STEP2.get("chosen_fingerprint_int64").asString());
        long[] offered = STEP2.get("server_public_key_fingerprints_int64").valueStream()
                .mapToLong(n -> Long.parseLong(n.asString())).toArray();
        assertThat(TelegramRsaKeys.production().select(offered)).isEqualTo(TelegramRsaKeys.PRODUCTION);
        assertThat(TelegramRsaKeys.PRODUCTION.fingerprint()).isEqualTo(chosen);
    }

    @Test
    void derivesTmpAesKeyAndIv() {
        TmpAesKey key = TmpAesKey.derive(NEW_NONCE, SERVER_NONCE);
        assertThat(key.key()).isEqualTo(hex(STEP6.get("tmp_aes_key")));
        assertThat(key.iv()).isEqualTo(hex(STEP6.get("tmp_aes_iv")));
        assertThat(key.toString()).doesNotContain("16F5").doesNotContainIgnoringCase("16f5");
    }

    @Test
    void decryptsTheServerAnswerAndChecksItsSha1() {
        TmpAesKey key = TmpAesKey.derive(NEW_NONCE, SERVER_NONCE);
        byte[] encrypted = hex(STEP6.get("encrypted_answer"));
        byte[] answerWithHash = hex(STEP6.get("answer_with_hash"));
        assertThat(AesIge.decrypt(key.key(), key.iv(), encrypted)).isEqualTo(answerWithHash);
        assertThat(Arrays.copyOf(answerWithHash, 20)).isEqualTo(hex(STEP6.get("answer_sha1")));

        byte[] inner = DhInnerDataCipher.decrypt(key, encrypted);
        assertThat(inner).isEqualTo(hex(STEP6.get("server_DH_inner_data")));

        // The server side re-encrypts the answer exactly with the sample's padding bytes.
        byte[] padding = hex(RANDOM.get("server_answer_padding_derived"));
        assertThat(DhInnerDataCipher.encrypt(key, inner, new ScriptedRandom(padding))).isEqualTo(encrypted);
    }

    @Test
    void tamperedAnswerFailsTheSha1Check() {
        TmpAesKey key = TmpAesKey.derive(NEW_NONCE, SERVER_NONCE);
        byte[] encrypted = hex(STEP6.get("encrypted_answer"));
        encrypted[100] ^= 1;
        assertThatThrownBy(() -> DhInnerDataCipher.decrypt(key, encrypted))
                .isInstanceOf(SecurityCheckException.class).hasMessageContaining("SHA1");
        TmpAesKey wrongKey = TmpAesKey.derive(NEW_NONCE, new byte[16]);
        assertThatThrownBy(() -> DhInnerDataCipher.decrypt(wrongKey, hex(STEP6.get("encrypted_answer"))))
                .isInstanceOf(SecurityCheckException.class);
        assertThatThrownBy(() -> DhInnerDataCipher.decrypt(key, new byte[40]))
                .isInstanceOf(SecurityCheckException.class).hasMessageContaining("multiple of 16");
    }

    @Test
    void serverDhParametersPassTheChecks() {
        BigInteger p = bigBe(STEP6.get("dh_prime_be"));
        int g = STEP6.get("g").asInt();
        assertThat(p).isEqualTo(DhValidator.TELEGRAM_PRIME);
        DhValidator.checkGroup(p, g);
        DhValidator.checkPublicValue("g_a", bigBe(STEP6.get("g_a_be")), p);
    }

    @Test
    void computesGbAuthKeyAndClientEncryptedData() {
        BigInteger p = bigBe(STEP6.get("dh_prime_be"));
        int g = STEP6.get("g").asInt();
        byte[] b = hex(STEP7.get("b_be"));
        assertThat(b).isEqualTo(hex(RANDOM.get("b_be")));

        DhExchange dh = DhExchange.generate(p, g, new ScriptedRandom(b));
        assertThat(dh.publicValue()).isEqualTo(bigBe(STEP7.get("g_b_be")));
        assertThat(dh.publicValueBytes()).isEqualTo(hex(STEP7.get("g_b_be")));
        assertThat(dh.toString()).isEqualTo("DhExchange[secret hidden]");

        AuthKey authKey = dh.computeAuthKey(bigBe(STEP6.get("g_a_be")));
        assertThat(authKey.toByteArray()).isEqualTo(hex(STEP8.get("auth_key")));
        assertThat(authKey.id()).isEqualTo(Long.parseLong(STEP8.get("auth_key_id_int64_derived").asString()));

        TmpAesKey key = TmpAesKey.derive(NEW_NONCE, SERVER_NONCE);
        byte[] data = hex(STEP7.get("data"));
        byte[] encrypted = DhInnerDataCipher.encrypt(key, data, new ScriptedRandom(hex(STEP7.get("padding"))));
        assertThat(encrypted).isEqualTo(hex(STEP7.get("encrypted_data")));
        assertThat(AesIge.decrypt(key.key(), key.iv(), encrypted)).isEqualTo(hex(STEP7.get("data_with_hash_derived")));
        // The server side decrypts it back.
        assertThat(DhInnerDataCipher.decrypt(key, encrypted)).isEqualTo(data);
    }

    @Test
    void serverSideComputesTheSameAuthKey() {
        BigInteger p = DhValidator.TELEGRAM_PRIME;
        java.util.Random random = new java.util.Random(99);
        DhExchange server = DhExchange.generate(p, 3, (buf, off, len) -> {
            byte[] r = new byte[len];
            random.nextBytes(r);
            System.arraycopy(r, 0, buf, off, len);
        });
        DhExchange client = DhExchange.generate(p, 3, RandomSource.secure());
        AuthKey onClient = client.computeAuthKey(server.publicValue());
        AuthKey onServer = server.computeAuthKey(client.publicValue(), "g_b");
        assertThat(onClient).isEqualTo(onServer);
    }

    @Test
    void newNonceHashesAndFirstSalt() {
        AuthKey authKey = AuthKey.of(hex(STEP8.get("auth_key")));
        assertThat(NewNonceHash.compute(NEW_NONCE, 1, authKey)).isEqualTo(hex(STEP8.get("new_nonce_hash1")));
        assertThat(NewNonceHash.compute(NEW_NONCE, 2, authKey)).isEqualTo(hex(STEP8.get("new_nonce_hash2_derived")));
        assertThat(NewNonceHash.compute(NEW_NONCE, 3, authKey)).isEqualTo(hex(STEP8.get("new_nonce_hash3_derived")));
        NewNonceHash.check(hex(STEP8.get("new_nonce_hash1")), NEW_NONCE, 1, authKey);
        assertThatThrownBy(() -> NewNonceHash.check(hex(STEP8.get("new_nonce_hash1")), NEW_NONCE, 2, authKey))
                .isInstanceOf(SecurityCheckException.class).hasMessage("new_nonce_hash2 does not match");
        assertThatThrownBy(() -> NewNonceHash.compute(NEW_NONCE, 4, authKey))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(FirstServerSalt.of(NEW_NONCE, SERVER_NONCE))
                .isEqualTo(Long.parseLong(STEP8.get("server_salt_int64_derived").asString()));
    }

    @Test
    void dhGenOkBodyCarriesNewNonceHash1() {
        byte[] body = hex(SAMPLE.get("step9_dh_gen_ok").get("body"));
        assertThat(Arrays.copyOfRange(body, 36, 52)).isEqualTo(hex(STEP8.get("new_nonce_hash1")));
    }
}
