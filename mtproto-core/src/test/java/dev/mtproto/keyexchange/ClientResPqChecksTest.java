package dev.mtproto.keyexchange;

import static dev.mtproto.keyexchange.ForgeryFixture.bigEndian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.tl.mtproto.DhGenOk;
import dev.mtproto.tl.mtproto.ResPQ;
import dev.mtproto.tl.mtproto.ResPQType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The client's checks of resPQ: the nonce it sent, a pq that is the product of two distinct odd primes below
 * 2^63 in 1..8 bytes, a trusted key among the server's fingerprints (the refusal lists them), and nothing but
 * a resPQ in the message.
 */
class ClientResPqChecksTest extends ForgeryFixture.AgainstClient {
    private ResPQ resPqObject() {
        return (ResPQ) Payloads.read(resPq, ResPQType::read);
    }

    private byte[] resPqWith(UnaryOperator<ResPQ> change) {
        return Payloads.withBody(resPq, change.apply(resPqObject()));
    }

    private byte[] resPqWithPq(byte[] pq) {
        return resPqWith(r -> new ResPQ(r.nonce(), r.serverNonce(), pq, r.serverPublicKeyFingerprints()));
    }

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
