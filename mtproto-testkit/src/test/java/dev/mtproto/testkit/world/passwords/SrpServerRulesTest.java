package dev.mtproto.testkit.world.passwords;

import static dev.mtproto.testkit.world.crypto.WorldDigests.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.crypto.DhValidator;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.crypto.SrpAnswer;
import dev.mtproto.crypto.SrpClient;
import dev.mtproto.crypto.SrpParameters;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The test DC's side of https://core.telegram.org/api/srp: the client's {@code A} must pass the checks of
 * a DH public value (1 &lt; A &lt; p - 1, at least 2^(2048-64) from 0 and from p). The sharpest reason:
 * with {@code A = 0} or {@code A = p} the server's {@code S = (A * v^u)^b mod p} is 0 whatever the
 * password, so anyone could compute M1 and sign in without it. Each forged answer carries the M1 that
 * matches its A.
 */
class SrpServerRulesTest {
    private static final byte[] PASSWORD = "correct horse".getBytes(StandardCharsets.UTF_8);
    private static final BigInteger P = DhValidator.TELEGRAM_PRIME;
    private static final int G = 3;
    private static final byte[] SALT1 = new byte[40];
    private static final byte[] SALT2 = new byte[16];
    private static PasswordVerifier verifier;
    private final SecureRandom random = new SecureRandom();

    @BeforeAll
    static void setPassword() {
        new SecureRandom().nextBytes(SALT1);
        new SecureRandom().nextBytes(SALT2);
        byte[] v = SrpClient.newPasswordHash(PASSWORD, SALT1, SALT2, G, SrpServer.fixed(P));
        verifier = new PasswordVerifier(SALT1, SALT2, G, P, new BigInteger(1, v), "", 1);
    }

    /** The control: a real client that knows the password passes. */
    @Test
    void theRealClientWithThePasswordIsAccepted() {
        SrpServer.Challenge challenge = SrpServer.challenge(verifier, random);
        SrpAnswer answer = SrpClient.answer(PASSWORD,
                new SrpParameters(1, SALT1, SALT2, G, SrpServer.fixed(P), SrpServer.fixed(challenge.gB())),
                RandomSource.secure());
        assertThat(SrpServer.verify(verifier, challenge, answer.a(), answer.m1())).isTrue();
    }

    /**
     * 1 &lt; A &lt; p - 1 and the 2^(2048-64) margins, each A sent with the M1 that matches the secret the
     * server would compute for it. For A = 0 and A = p that secret is 0 and the M1 needs no password.
     */
    @ParameterizedTest(name = "A = {0}")
    @ValueSource(strings = {"0", "p", "1", "p-1", "2^1984-1", "p-2^1984+1"})
    void anAOutsideTheSafeRangeIsRefusedEvenWithTheMatchingM1(String which) {
        BigInteger margin = BigInteger.ONE.shiftLeft(2048 - 64);
        BigInteger a = switch (which) {
            case "0" -> BigInteger.ZERO;
            case "p" -> P;
            case "1" -> BigInteger.ONE;
            case "p-1" -> P.subtract(BigInteger.ONE);
            case "2^1984-1" -> margin.subtract(BigInteger.ONE);
            default -> P.subtract(margin).add(BigInteger.ONE);
        };
        SrpServer.Challenge challenge = SrpServer.challenge(verifier, random);
        byte[] aBytes = SrpServer.fixed(a);
        byte[] m1 = m1For(aBytes, challenge);
        assertThat(SrpServer.verify(verifier, challenge, aBytes, m1)).as("signed in with a forged A").isFalse();
    }

    /** M1 as the server derives it for any A (the test knows b and v), so only the range check can refuse. */
    private static byte[] m1For(byte[] a, SrpServer.Challenge challenge) {
        BigInteger gA = new BigInteger(1, a);
        BigInteger u = new BigInteger(1, sha256(a, SrpServer.fixed(challenge.gB())));
        BigInteger s = gA.multiply(verifier.v().modPow(u, P)).mod(P).modPow(challenge.b(), P);
        byte[] hP = sha256(SrpServer.fixed(P));
        byte[] hG = sha256(SrpServer.fixed(BigInteger.valueOf(G)));
        byte[] xor = new byte[32];
        for (int i = 0; i < xor.length; i++) {
            xor[i] = (byte) (hP[i] ^ hG[i]);
        }
        return sha256(xor, sha256(SALT1), sha256(SALT2), a, SrpServer.fixed(challenge.gB()), sha256(SrpServer.fixed(s)));
    }
}
