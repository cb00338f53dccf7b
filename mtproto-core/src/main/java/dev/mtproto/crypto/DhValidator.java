package dev.mtproto.crypto;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Diffie-Hellman checks of the auth_key page and the security guidelines, shared by key exchange and
 * SRP 2FA:
 *
 * <ul>
 *   <li>{@code dh_prime} is a safe 2048-bit prime: {@code 2^2047 < p < 2^2048}, p and {@code (p-1)/2}
 *       prime. Telegram's well-known prime passes at once; any other prime is tested (64 rounds of
 *       certainty) and, if good, remembered, so later checks of the same prime are free.</li>
 *   <li>{@code g} is 2..7 and generates the subgroup of order {@code (p-1)/2}: p mod 8 = 7 for g = 2;
 *       p mod 3 = 2 for g = 3; nothing more for g = 4; p mod 5 = 1 or 4 for g = 5; p mod 24 = 19 or 23
 *       for g = 6; p mod 7 = 3, 5 or 6 for g = 7.</li>
 *   <li>Public values {@code g_a}, {@code g_b}: {@code 1 < v < p - 1} and
 *       {@code 2^(2048-64) <= v <= p - 2^(2048-64)}.</li>
 * </ul>
 *
 * Every failure is a {@link SecurityCheckException} naming the check. Thread-safe.
 */
public final class DhValidator {
    /** The 2048-bit safe prime Telegram's servers send as {@code dh_prime} (and as SRP {@code p}). */
    public static final BigInteger TELEGRAM_PRIME = new BigInteger(
            "C71CAEB9C6B1C9048E6C522F70F13F73980D40238E3E21C14934D037563D930F"
            + "48198A0AA7C14058229493D22530F4DBFA336F6E0AC925139543AED44CCE7C37"
            + "20FD51F69458705AC68CD4FE6B6B13ABDC9746512969328454F18FAF8C595F64"
            + "2477FE96BB2A941D5BCD1D4AC8CC49880708FA9B378E3C4F3A9060BEE67CF9A4"
            + "A4A695811051907E162753B56B0F6B410DBA74D8A84B2A14B3144E0EF1284754"
            + "FD17ED950D5965B4B9DD46582DB1178D169C6BC465B0D6FF9CA3928FEF5B9AE4"
            + "E418FC15E83EBEA0F87FA9FF5EED70050DED2849F47BF959D956850CE929851F"
            + "0D8115F635B105EE2E4E15D04B2454BF6F4FADF034B10403119CD8E3B92FCC5B", 16);

    private static final int BITS = 2048;
    private static final BigInteger MARGIN = BigInteger.ONE.shiftLeft(BITS - 64);
    private static final int PRIME_CERTAINTY = 64;
    private static final int CACHE_SIZE = 16;
    private static final Map<BigInteger, Boolean> CHECKED_PRIMES = Collections.synchronizedMap(
            new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<BigInteger, Boolean> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    private DhValidator() {
    }

    /**
     * Checks {@code dh_prime} and {@code g}.
     *
     * @param dhPrime the prime the server sent
     * @param g the generator the server sent
     * @throws SecurityCheckException naming the first failed check
     */
    public static void checkGroup(BigInteger dhPrime, int g) {
        Objects.requireNonNull(dhPrime, "dhPrime");
        if (g < 2 || g > 7) {
            throw new SecurityCheckException("g = " + g + " is outside 2..7");
        }
        if (dhPrime.signum() <= 0 || dhPrime.bitLength() != BITS || !dhPrime.testBit(0)) {
            throw new SecurityCheckException("dh_prime is not an odd number with 2^2047 < dh_prime < 2^2048");
        }
        checkGenerator(dhPrime, g);
        checkSafePrime(dhPrime);
    }

    /**
     * Checks a public value ({@code g_a}, {@code g_b} or SRP {@code srp_B}) against {@code dh_prime}.
     *
     * @param name the value's protocol name, used in the exception message
     * @param value the value
     * @param dhPrime the checked prime
     * @throws SecurityCheckException if {@code value <= 1}, {@code value >= p - 1}, or the value is
     *     outside {@code [2^1984, p - 2^1984]}
     */
    public static void checkPublicValue(String name, BigInteger value, BigInteger dhPrime) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(BigInteger.ONE) <= 0 || value.compareTo(dhPrime.subtract(BigInteger.ONE)) >= 0) {
            throw new SecurityCheckException(name + " is not in 1 < " + name + " < dh_prime - 1");
        }
        if (!isInSafeRange(value, dhPrime)) {
            throw new SecurityCheckException(name + " is outside [2^1984, dh_prime - 2^1984]");
        }
    }

    /** Whether {@code 2^1984 <= value <= p - 2^1984}. */
    static boolean isInSafeRange(BigInteger value, BigInteger dhPrime) {
        return value.compareTo(MARGIN) >= 0 && value.compareTo(dhPrime.subtract(MARGIN)) <= 0;
    }

    private static void checkGenerator(BigInteger p, int g) {
        boolean ok;
        switch (g) {
            case 2:
                ok = mod(p, 8) == 7;
                break;
            case 3:
                ok = mod(p, 3) == 2;
                break;
            case 4:
                ok = true;
                break;
            case 5: {
                int r = mod(p, 5);
                ok = r == 1 || r == 4;
                break;
            }
            case 6: {
                int r = mod(p, 24);
                ok = r == 19 || r == 23;
                break;
            }
            default: {
                int r = mod(p, 7);
                ok = r == 3 || r == 5 || r == 6;
            }
        }
        if (!ok) {
            throw new SecurityCheckException("g = " + g + " is not a quadratic residue mod dh_prime ("
                    + residueRule(g) + " does not hold)");
        }
    }

    private static String residueRule(int g) {
        switch (g) {
            case 2:
                return "dh_prime mod 8 = 7";
            case 3:
                return "dh_prime mod 3 = 2";
            case 5:
                return "dh_prime mod 5 in {1, 4}";
            case 6:
                return "dh_prime mod 24 in {19, 23}";
            default:
                return "dh_prime mod 7 in {3, 5, 6}";
        }
    }

    private static void checkSafePrime(BigInteger p) {
        if (p.equals(TELEGRAM_PRIME) || Boolean.TRUE.equals(CHECKED_PRIMES.get(p))) {
            return;
        }
        if (!p.isProbablePrime(PRIME_CERTAINTY)) {
            throw new SecurityCheckException("dh_prime is not prime");
        }
        if (!p.shiftRight(1).isProbablePrime(PRIME_CERTAINTY)) {
            throw new SecurityCheckException("(dh_prime - 1) / 2 is not prime, so dh_prime is not a safe prime");
        }
        CHECKED_PRIMES.put(p, Boolean.TRUE);
    }

    /** Full test, without the fast path or the cache: are p and (p - 1) / 2 both (probably) prime? */
    static boolean isSafePrime(BigInteger p) {
        return p.isProbablePrime(PRIME_CERTAINTY) && p.shiftRight(1).isProbablePrime(PRIME_CERTAINTY);
    }

    private static int mod(BigInteger p, int m) {
        return p.mod(BigInteger.valueOf(m)).intValue();
    }
}
