package dev.mtproto.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DhValidatorTest {
    private static final BigInteger P = DhValidator.TELEGRAM_PRIME;
    private static final BigInteger MARGIN = BigInteger.ONE.shiftLeft(1984);
    /** RFC 3526 group 14: another well-known 2048-bit safe prime (p mod 8 = 7, so g = 2 fits). */
    private static final BigInteger MODP_2048 = new BigInteger(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
            + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
            + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
            + "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
            + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
            + "15728E5A8AACAA68FFFFFFFFFFFFFFFF", 16);

    @Test
    void acceptsTelegramsPrimeWithG3() {
        assertThatCode(() -> DhValidator.checkGroup(P, 3)).doesNotThrowAnyException();
    }

    @Test
    void theBuiltInPrimeReallyIsASafePrimeWithTheRightResidueForG3() {
        assertThat(P.bitLength()).isEqualTo(2048);
        assertThat(DhValidator.isSafePrime(P)).isTrue();
        assertThat(P.mod(BigInteger.valueOf(3))).isEqualTo(BigInteger.TWO);
        assertThat(DhValidator.isSafePrime(BigInteger.probablePrime(2048, new Random(3)))).isFalse();
    }

    @Test
    void testsAndCachesAnUnknownSafePrime() {
        long first = System.nanoTime();
        DhValidator.checkGroup(MODP_2048, 2);
        long firstTime = System.nanoTime() - first;
        long second = System.nanoTime();
        DhValidator.checkGroup(MODP_2048, 2);
        long secondTime = System.nanoTime() - second;
        assertThat(secondTime).isLessThan(firstTime);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 1, 8, 256})
    void rejectsGOutside2To7(int g) {
        assertThatThrownBy(() -> DhValidator.checkGroup(P, g))
                .isInstanceOf(SecurityCheckException.class).hasMessage("g = " + g + " is outside 2..7");
    }

    @Test
    void rejectsPrimesOfTheWrongSize() {
        assertThatThrownBy(() -> DhValidator.checkGroup(P.shiftRight(1), 3))
                .isInstanceOf(SecurityCheckException.class).hasMessageContaining("2^2047 < dh_prime < 2^2048");
        assertThatThrownBy(() -> DhValidator.checkGroup(P.shiftLeft(1).add(BigInteger.ONE), 3))
                .isInstanceOf(SecurityCheckException.class).hasMessageContaining("2^2047 < dh_prime < 2^2048");
        assertThatThrownBy(() -> DhValidator.checkGroup(P.add(BigInteger.ONE), 4))
                .isInstanceOf(SecurityCheckException.class).hasMessageContaining("odd number");
        assertThatThrownBy(() -> DhValidator.checkGroup(P.negate(), 3))
                .isInstanceOf(SecurityCheckException.class);
    }

    @Test
    void rejectsCompositeAndNonSafePrimes() {
        // P + 4 is odd, 2048-bit and divisible by 3 (P mod 3 = 2); g = 4 has no residue rule.
        BigInteger composite = P.add(BigInteger.valueOf(4));
        assertThat(composite.mod(BigInteger.valueOf(3))).isEqualTo(BigInteger.ZERO);
        assertThatThrownBy(() -> DhValidator.checkGroup(composite, 4))
                .isInstanceOf(SecurityCheckException.class).hasMessage("dh_prime is not prime");
        BigInteger plainPrime = BigInteger.probablePrime(2048, new Random(12));
        assertThat(plainPrime.shiftRight(1).isProbablePrime(40)).isFalse();
        assertThatThrownBy(() -> DhValidator.checkGroup(plainPrime, 4))
                .isInstanceOf(SecurityCheckException.class)
                .hasMessage("(dh_prime - 1) / 2 is not prime, so dh_prime is not a safe prime");
    }

    @Test
    void appliesTheQuadraticResidueRuleOfEachG() {
        // Numbers 2^2047 + r with chosen residues mod 840 = lcm(8, 3, 5, 24, 7): the residue rule is
        // checked before primality, so a number that passes it fails later with "not prime".
        BigInteger base = BigInteger.ONE.shiftLeft(2047);
        int baseMod = base.mod(BigInteger.valueOf(840)).intValue();
        int[] accepted = new int[8];
        int[] refused = new int[8];
        for (int residue = 1; residue < 840; residue += 22) {
            BigInteger candidate = base.add(BigInteger.valueOf(Math.floorMod(residue - baseMod, 840)));
            if (candidate.isProbablePrime(20)) {
                continue;
            }
            for (int g = 2; g <= 7; g++) {
                boolean residueOk = expectedResidueRule(residue, g);
                final int gg = g;
                if (residueOk) {
                    accepted[g]++;
                    assertThatThrownBy(() -> DhValidator.checkGroup(candidate, gg))
                            .as("residue %d, g %d", residue, g).hasMessage("dh_prime is not prime");
                } else {
                    refused[g]++;
                    assertThatThrownBy(() -> DhValidator.checkGroup(candidate, gg))
                            .as("residue %d, g %d", residue, g)
                            .isInstanceOf(SecurityCheckException.class)
                            .hasMessageContaining("g = " + g + " is not a quadratic residue mod dh_prime");
                }
            }
        }
        for (int g : new int[] {2, 3, 5, 6, 7}) {
            assertThat(accepted[g]).as("g %d accepted somewhere", g).isPositive();
            assertThat(refused[g]).as("g %d refused somewhere", g).isPositive();
        }
        // Telegram's prime has p mod 8 = 7? It does not: g = 2 must be refused for it.
        boolean g2Allowed = P.mod(BigInteger.valueOf(8)).intValue() == 7;
        if (!g2Allowed) {
            assertThatThrownBy(() -> DhValidator.checkGroup(P, 2))
                    .hasMessageContaining("dh_prime mod 8 = 7 does not hold");
        }
    }

    private static boolean expectedResidueRule(int residue840, int g) {
        switch (g) {
            case 2:
                return residue840 % 8 == 7;
            case 3:
                return residue840 % 3 == 2;
            case 4:
                return true;
            case 5:
                return residue840 % 5 == 1 || residue840 % 5 == 4;
            case 6:
                return residue840 % 24 == 19 || residue840 % 24 == 23;
            default:
                return residue840 % 7 == 3 || residue840 % 7 == 5 || residue840 % 7 == 6;
        }
    }

    @Test
    void publicValueRangeChecks() {
        DhValidator.checkPublicValue("g_a", MARGIN, P);
        DhValidator.checkPublicValue("g_a", P.subtract(MARGIN), P);
        assertThatThrownBy(() -> DhValidator.checkPublicValue("g_a", BigInteger.ONE, P))
                .isInstanceOf(SecurityCheckException.class).hasMessage("g_a is not in 1 < g_a < dh_prime - 1");
        assertThatThrownBy(() -> DhValidator.checkPublicValue("g_b", P.subtract(BigInteger.ONE), P))
                .isInstanceOf(SecurityCheckException.class).hasMessage("g_b is not in 1 < g_b < dh_prime - 1");
        assertThatThrownBy(() -> DhValidator.checkPublicValue("g_a", P, P))
                .isInstanceOf(SecurityCheckException.class);
        assertThatThrownBy(() -> DhValidator.checkPublicValue("g_a", BigInteger.TWO, P))
                .isInstanceOf(SecurityCheckException.class).hasMessage("g_a is outside [2^1984, dh_prime - 2^1984]");
        assertThatThrownBy(() -> DhValidator.checkPublicValue("g_a", MARGIN.subtract(BigInteger.ONE), P))
                .isInstanceOf(SecurityCheckException.class).hasMessage("g_a is outside [2^1984, dh_prime - 2^1984]");
        assertThatThrownBy(() -> DhValidator.checkPublicValue("srp_B", P.subtract(MARGIN).add(BigInteger.ONE), P))
                .isInstanceOf(SecurityCheckException.class).hasMessage("srp_B is outside [2^1984, dh_prime - 2^1984]");
    }

    @Test
    void dhExchangeRefusesBadPeerValuesAndBadGroups() {
        DhExchange dh = DhExchange.generate(P, 3, RandomSource.secure());
        assertThat(dh.publicValue().compareTo(MARGIN)).isPositive();
        assertThatThrownBy(() -> dh.computeAuthKey(BigInteger.TWO))
                .isInstanceOf(SecurityCheckException.class).hasMessage("g_a is outside [2^1984, dh_prime - 2^1984]");
        assertThatThrownBy(() -> dh.computeAuthKey(P.subtract(BigInteger.ONE), "g_b"))
                .isInstanceOf(SecurityCheckException.class).hasMessage("g_b is not in 1 < g_b < dh_prime - 1");
        assertThatThrownBy(() -> DhExchange.generate(P, 2, RandomSource.secure()))
                .isInstanceOf(SecurityCheckException.class).hasMessageContaining("quadratic residue");
    }

    @Test
    void dhExchangeRetriesOutOfRangeSecrets() {
        // First secret 1 gives g_b = 3 (far below 2^1984), then a proper secret.
        byte[] one = new byte[256];
        one[255] = 1;
        byte[] good = new byte[256];
        new Random(1).nextBytes(good);
        ScriptedRandom random = new ScriptedRandom(one, good);
        DhExchange dh = DhExchange.generate(P, 3, random);
        assertThat(dh.publicValue()).isEqualTo(BigInteger.valueOf(3).modPow(new BigInteger(1, good), P));
        assertThat(random.remaining()).isZero();
        assertThatThrownBy(() -> DhExchange.generate(P, 3, (b, o, l) -> java.util.Arrays.fill(b, o, o + l, (byte) 0)))
                .isInstanceOf(IllegalStateException.class);
    }
}
