package dev.mtproto.crypto;

import static dev.mtproto.crypto.TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class SrpClientTest {
    private static final JsonNode FILE = TestVectors.load("srp_2fa.json");

    static Stream<JsonNode> vectors() {
        return FILE.get("vectors").valueStream();
    }

    private static SrpParameters parameters(JsonNode v) {
        JsonNode in = v.get("inputs");
        return new SrpParameters(Long.parseLong(in.get("srp_id").asString()), hex(in.get("salt1")), hex(in.get("salt2")),
                in.get("g").asInt(), hex(in.get("p")), hex(v.get("server").get("srp_B")));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void reproducesEveryIntermediate(JsonNode v) {
        JsonNode in = v.get("inputs");
        JsonNode mid = v.get("intermediate");
        byte[] password = in.get("password_utf8").asString().getBytes(StandardCharsets.UTF_8);
        assertThat(password).isEqualTo(hex(in.get("password_hex")));

        SrpClient.SrpComputation c = SrpClient.compute(password, parameters(v), hex(in.get("a")));
        assertThat(c.ph1).isEqualTo(hex(mid.get("PH1")));
        assertThat(c.pbkdf2).isEqualTo(hex(mid.get("pbkdf2_sha512_100000")));
        assertThat(c.x).isEqualTo(hex(mid.get("x_PH2")));
        assertThat(c.v).isEqualTo(hex(mid.get("v")));
        assertThat(c.k).isEqualTo(hex(mid.get("k")));
        assertThat(c.kv).isEqualTo(hex(mid.get("k_v")));
        assertThat(c.u).isEqualTo(hex(mid.get("u")));
        assertThat(c.t).isEqualTo(hex(mid.get("t")));
        assertThat(c.sA).isEqualTo(hex(mid.get("s_a")));
        assertThat(c.kA).isEqualTo(hex(mid.get("k_a")));
        assertThat(c.hP).isEqualTo(hex(mid.get("H_p")));
        assertThat(c.hG).isEqualTo(hex(mid.get("H_g")));
        assertThat(c.gA).isEqualTo(hex(v.get("outputs").get("A")));
        assertThat(c.m1).isEqualTo(hex(v.get("outputs").get("M1")));
        assertThat(c.gA[0] == 0).isEqualTo(mid.get("g_a_has_leading_zero_byte").asBoolean());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void answersWithTheClientsOwnRandomA(JsonNode v) {
        JsonNode in = v.get("inputs");
        ScriptedRandom random = new ScriptedRandom(hex(in.get("a")));
        char[] password = in.get("password_utf8").asString().toCharArray();
        SrpAnswer answer = SrpClient.answer(password, parameters(v), random);
        assertThat(random.remaining()).isZero();
        assertThat(answer.srpId()).isEqualTo(Long.parseLong(in.get("srp_id").asString()));
        assertThat(answer.a()).isEqualTo(hex(v.get("outputs").get("A"))).hasSize(256);
        assertThat(answer.m1()).isEqualTo(hex(v.get("outputs").get("M1")));
        assertThat(password).isEqualTo(in.get("password_utf8").asString().toCharArray());
        // The TL object the lead will build: inputCheckPasswordSRP#d27ff082 srp_id:long A:bytes M1:bytes.
        byte[] tl = hex(v.get("outputs").get("inputCheckPasswordSRP_tl"));
        assertThat(Arrays.copyOfRange(tl, 4, 12)).isEqualTo(littleEndian(answer.srpId()));
        assertThat(Arrays.copyOfRange(tl, 16, 272)).isEqualTo(answer.a());
        assertThat(Arrays.copyOfRange(tl, 273, 305)).isEqualTo(answer.m1());
        assertThat(answer.toString()).doesNotContain(TestVectors.hex(answer.m1()).substring(0, 8));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void anAnswerLeavesZerosWhereThePasswordsDerivedSecretsWere(JsonNode v) {
        JsonNode in = v.get("inputs");
        byte[] password = in.get("password_utf8").asString().getBytes(StandardCharsets.UTF_8);
        SrpClient.SrpComputation[] seen = new SrpClient.SrpComputation[1];
        SrpAnswer answer = SrpClient.answer(password, parameters(v), new ScriptedRandom(hex(in.get("a"))), c -> seen[0] = c);
        assertThat(answer.m1()).isEqualTo(hex(v.get("outputs").get("M1")));
        SrpClient.SrpComputation c = seen[0];
        for (byte[] secret : new byte[][] {c.ph1, c.pbkdf2, c.x, c.v, c.kv, c.t, c.sA, c.kA}) {
            assertThat(secret).as("a secret intermediate after the answer").containsOnly(0);
        }
        assertThat(c.gA).as("the public g_a stays").isEqualTo(hex(v.get("outputs").get("A")));
        assertThat(password).as("the caller's array").isEqualTo(in.get("password_utf8").asString().getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void computesNewPasswordHash(JsonNode v) {
        JsonNode in = v.get("inputs");
        byte[] hash = SrpClient.newPasswordHash(in.get("password_utf8").asString().toCharArray(), hex(in.get("salt1")),
                hex(in.get("salt2")), in.get("g").asInt(), hex(in.get("p")));
        assertThat(hash).isEqualTo(hex(v.get("server").get("new_password_hash_v")));
    }

    @Test
    void serverSideAgreesWithARandomClient() {
        JsonNode v = FILE.get("vectors").get(0);
        JsonNode in = v.get("inputs");
        BigInteger p = new BigInteger(1, hex(in.get("p")));
        BigInteger g = BigInteger.valueOf(in.get("g").asInt());
        byte[] password = "correct horse".getBytes(StandardCharsets.UTF_8);
        byte[] salt1 = SrpClient.newSalt1(hex(in.get("salt1")), RandomSource.secure());
        assertThat(salt1).hasSize(hex(in.get("salt1")).length + 32).startsWith(hex(in.get("salt1")));
        byte[] salt2 = hex(in.get("salt2"));
        BigInteger verifier = new BigInteger(1, SrpClient.newPasswordHash(password, salt1, salt2, 3, hex(in.get("p"))));

        // Server: B = k*v + g^b mod p.
        BigInteger b = new BigInteger(1, hex(in.get("server_b_secret")));
        byte[] pBytes = BigEndianNumbers.toFixedBigEndian(p, 256);
        byte[] gBytes = BigEndianNumbers.toFixedBigEndian(g, 256);
        BigInteger k = new BigInteger(1, Digests.sha256(pBytes, gBytes));
        BigInteger srpB = k.multiply(verifier).add(g.modPow(b, p)).mod(p);
        SrpParameters params = new SrpParameters(77, salt1, salt2, 3, pBytes, BigEndianNumbers.toFixedBigEndian(srpB, 256));
        SrpAnswer answer = SrpClient.answer(password, params, RandomSource.secure());

        // Server: s_b = (A * v^u)^b mod p; M1 must match with k_b = H(s_b).
        byte[] aBytes = answer.a();
        BigInteger u = new BigInteger(1, Digests.sha256(aBytes, BigEndianNumbers.toFixedBigEndian(srpB, 256)));
        BigInteger sB = new BigInteger(1, aBytes).multiply(verifier.modPow(u, p)).modPow(b, p);
        byte[] kB = Digests.sha256(BigEndianNumbers.toFixedBigEndian(sB, 256));
        byte[] hp = Digests.sha256(pBytes);
        byte[] hg = Digests.sha256(gBytes);
        for (int i = 0; i < 32; i++) {
            hp[i] ^= hg[i];
        }
        byte[] expectedM1 = Digests.sha256(hp, Digests.sha256(salt1), Digests.sha256(salt2), aBytes,
                BigEndianNumbers.toFixedBigEndian(srpB, 256), kB);
        assertThat(answer.m1()).isEqualTo(expectedM1);
        // A wrong password gives another M1.
        SrpAnswer wrong = SrpClient.answer("wrong".getBytes(StandardCharsets.UTF_8), params, RandomSource.secure());
        assertThat(wrong.m1()).isNotEqualTo(expectedM1);
    }

    @Test
    void checksPGAndSrpB() {
        JsonNode v = FILE.get("vectors").get(0);
        JsonNode in = v.get("inputs");
        byte[] p = hex(in.get("p"));
        byte[] badB = new byte[256];
        badB[255] = 5;
        SrpParameters smallB = new SrpParameters(1, hex(in.get("salt1")), hex(in.get("salt2")), 3, p, badB);
        assertThatThrownBy(() -> SrpClient.answer(new byte[] {1}, smallB, RandomSource.secure()))
                .isInstanceOf(SecurityCheckException.class).hasMessage("srp_B is outside [2^1984, dh_prime - 2^1984]");
        SrpParameters bEqualsP = new SrpParameters(1, hex(in.get("salt1")), hex(in.get("salt2")), 3, p, p);
        assertThatThrownBy(() -> SrpClient.answer(new byte[] {1}, bEqualsP, RandomSource.secure()))
                .isInstanceOf(SecurityCheckException.class).hasMessage("srp_B is not in 1 < srp_B < dh_prime - 1");
        SrpParameters badG = new SrpParameters(1, hex(in.get("salt1")), hex(in.get("salt2")), 2, p,
                hex(v.get("server").get("srp_B")));
        assertThatThrownBy(() -> SrpClient.answer(new byte[] {1}, badG, RandomSource.secure()))
                .isInstanceOf(SecurityCheckException.class).hasMessageContaining("quadratic residue");
        byte[] notPrime = p.clone();
        notPrime[255] += 4;
        SrpParameters badP = new SrpParameters(1, hex(in.get("salt1")), hex(in.get("salt2")), 4, notPrime,
                hex(v.get("server").get("srp_B")));
        assertThatThrownBy(() -> SrpClient.answer(new byte[] {1}, badP, RandomSource.secure()))
                .isInstanceOf(SecurityCheckException.class).hasMessage("dh_prime is not prime");
        assertThatThrownBy(() -> SrpClient.answer(new char[] {'\uD800'}, parameters(v), RandomSource.secure()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
    }

    @Test
    void pbkdf2MatchesRfc6070StyleReferenceForOtherSizes() throws Exception {
        // Cross-check against the JCA PBKDF2 for an ASCII password, where both can be used.
        byte[] password = "password".getBytes(StandardCharsets.US_ASCII);
        byte[] salt = "salt".getBytes(StandardCharsets.US_ASCII);
        javax.crypto.SecretKeyFactory factory = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512");
        for (int[] params : new int[][] {{1, 64}, {2, 64}, {1000, 100}, {3, 10}}) {
            byte[] expected = factory.generateSecret(new javax.crypto.spec.PBEKeySpec("password".toCharArray(), salt,
                    params[0], params[1] * 8)).getEncoded();
            assertThat(Pbkdf2HmacSha512.derive(password, salt, params[0], params[1])).isEqualTo(expected);
        }
        assertThatThrownBy(() -> Pbkdf2HmacSha512.derive(new byte[0], salt, 1, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pbkdf2HmacSha512.derive(password, salt, 0, 64)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] littleEndian(long value) {
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (value >>> (8 * i));
        }
        return out;
    }
}
