package dev.mtproto.keyexchange;

import static dev.mtproto.keyexchange.ForgeryFixture.bigEndian;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.crypto.DhValidator;
import dev.mtproto.tl.mtproto.ClientDHInnerData;
import dev.mtproto.tl.mtproto.ServerDHInnerData;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's checks of server_DH_inner_data, re-encrypted after each change with what the eavesdropper
 * read from req_DH_params: the nonces, g in 2..7 and a quadratic residue, dh_prime a safe 2048-bit prime,
 * g_a inside the group and its safe range, and nothing but that object inside the hashed data.
 */
class ClientServerDhInnerDataChecksTest extends ForgeryFixture.AgainstClient {
    private static final BigInteger PRIME = DhValidator.TELEGRAM_PRIME;

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
