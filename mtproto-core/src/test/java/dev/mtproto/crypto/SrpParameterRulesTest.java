package dev.mtproto.crypto;

import static dev.mtproto.crypto.TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The checks of https://core.telegram.org/api/srp on what {@code account.getPassword} sends: p must be a
 * safe 2048-bit prime and g a generator of its prime-order subgroup, exactly as for the key exchange's
 * dh_prime and g (security_guidelines), and srp_B must pass the range checks of a DH public value
 * (1 &lt; B &lt; p - 1 and 2^(2048-64) &lt;= B &lt;= p - 2^(2048-64)). Each test changes one field of a
 * genuine challenge and expects a {@link SecurityCheckException} naming the check, thrown before the
 * client draws its secret {@code a} or hashes the password.
 */
class SrpParameterRulesTest {
    private static final JsonNode VECTOR = TestVectors.load("srp_2fa.json").get("vectors").get(0);
    private static final BigInteger P = new BigInteger(1, hex(VECTOR.get("inputs").get("p")));
    private static final int G = VECTOR.get("inputs").get("g").asInt();
    private static final BigInteger MARGIN = BigInteger.ONE.shiftLeft(2048 - 64);

    /** Counts what the client asks of its random source: a refusal must come before any secret is drawn. */
    private final AtomicInteger draws = new AtomicInteger();
    private final RandomSource counting = (buffer, offset, length) -> {
        draws.incrementAndGet();
        RandomSource.secure().nextBytes(buffer, offset, length);
    };

    private static SrpParameters with(int g, BigInteger p, BigInteger srpB) {
        JsonNode in = VECTOR.get("inputs");
        return new SrpParameters(1, hex(in.get("salt1")), hex(in.get("salt2")), g, unsigned(p), unsigned(srpB));
    }

    private static SrpParameters withB(BigInteger srpB) {
        return with(G, P, srpB);
    }

    private static byte[] unsigned(BigInteger v) {
        byte[] raw = v.toByteArray();
        return raw.length > 1 && raw[0] == 0 ? java.util.Arrays.copyOfRange(raw, 1, raw.length) : raw;
    }

    private void assertRefused(SrpParameters parameters, String check) {
        assertThatThrownBy(() -> SrpClient.answer(new byte[] {'p', 'w'}, parameters, counting))
                .isExactlyInstanceOf(SecurityCheckException.class).hasMessage(check);
        assertThat(draws).as("no secret drawn for a refused challenge").hasValue(0);
    }

    /** The control: the genuine challenge is answered, so each refusal below is for the one changed field. */
    @Test
    void theGenuineChallengeIsAnswered() {
        SrpAnswer answer = SrpClient.answer(new byte[] {'p', 'w'}, withB(new BigInteger(1, hex(VECTOR.get("server").get("srp_B")))), counting);
        assertThat(answer.m1()).hasSize(32);
        assertThat(draws.get()).isPositive();
    }

    /** p must be prime. */
    @Test
    void pMustBePrime() {
        assertRefused(with(4, P.add(BigInteger.TWO), P.shiftRight(1)), "dh_prime is not prime");
    }

    /** p must be a safe prime: (p - 1) / 2 prime too. */
    @Test
    void pMustBeASafePrime() {
        Random random = new Random(3);
        BigInteger unsafe;
        do {
            unsafe = BigInteger.probablePrime(2048, random);
        } while (unsafe.shiftRight(1).isProbablePrime(20));
        assertRefused(with(4, unsafe, unsafe.shiftRight(1)), "(dh_prime - 1) / 2 is not prime, so dh_prime is not a safe prime");
    }

    /** 2^2047 &lt; p &lt; 2^2048; before the fix a short or empty p failed untyped or as a "broken random source". */
    @ParameterizedTest(name = "a {0}-bit p")
    @ValueSource(ints = {0, 1024, 2047, 2049})
    void pMustHave2048Bits(int bits) {
        BigInteger p = bits == 0 ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).add(BigInteger.ONE); // the size is checked first
        assertRefused(with(4, p, BigInteger.TWO), "dh_prime is not an odd number with 2^2047 < dh_prime < 2^2048");
    }

    /** g is one of 2..7; before the fix g = 0 or 1 made every g_a out of range and was blamed on the random source. */
    @ParameterizedTest(name = "g = {0}")
    @ValueSource(ints = {0, 1, 8, -3})
    void gMustBe2To7(int g) {
        assertRefused(with(g, P, P.shiftRight(1)), "g = " + g + " is outside 2..7");
    }

    /**
     * g must be a quadratic residue mod p (it generates the subgroup of order (p - 1) / 2). Telegram's p is
     * 3 mod 8 and 3 mod 5, so g = 2 and g = 5 fail their rules.
     */
    @ParameterizedTest(name = "g = {0}")
    @CsvSource({"2, dh_prime mod 8 = 7", "5, 'dh_prime mod 5 in {1, 4}'"})
    void gMustBeAQuadraticResidue(int g, String rule) {
        assertRefused(with(g, P, P.shiftRight(1)), "g = " + g + " is not a quadratic residue mod dh_prime (" + rule + " does not hold)");
    }

    /** 1 &lt; srp_B &lt; p - 1. */
    @ParameterizedTest(name = "srp_B = p + {0}")
    @ValueSource(ints = {-1, 0, 1})
    void srpBMustBeBelowPMinusOne(int fromP) {
        assertRefused(withB(P.add(BigInteger.valueOf(fromP))), "srp_B is not in 1 < srp_B < dh_prime - 1");
    }

    /** 1 &lt; srp_B. */
    @ParameterizedTest(name = "srp_B = {0}")
    @ValueSource(ints = {0, 1})
    void srpBMustBeAboveOne(int b) {
        assertRefused(withB(BigInteger.valueOf(b)), "srp_B is not in 1 < srp_B < dh_prime - 1");
    }

    /** 2^(2048-64) &lt;= srp_B &lt;= p - 2^(2048-64), just outside each bound. */
    @Test
    void srpBMustBeInTheSafeRange() {
        assertRefused(withB(MARGIN.subtract(BigInteger.ONE)), "srp_B is outside [2^1984, dh_prime - 2^1984]");
        assertRefused(withB(P.subtract(MARGIN).add(BigInteger.ONE)), "srp_B is outside [2^1984, dh_prime - 2^1984]");
    }
}
