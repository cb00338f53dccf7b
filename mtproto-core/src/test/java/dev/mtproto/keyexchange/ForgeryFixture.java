package dev.mtproto.keyexchange;

import static dev.mtproto.keyexchange.KeyExchangeRoundTripTest.send;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.crypto.RsaPublicKey;
import dev.mtproto.tl.mtproto.PQInnerDataType;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the key exchange check tests ({@code Client*ChecksTest}, {@code Server*ChecksTest} and
 * {@link ServerKeyExchangeAcceptanceTest}) share: an exchange stepped to the message a test forges, and the
 * assertion that the side under test refuses it. {@link AgainstClient} runs the real client against the real
 * server; {@link AgainstServer} drives the real server with a {@link ManualClient} that can send old forms
 * and wrong values. A test class extends the one for the side it attacks.
 */
final class ForgeryFixture {
    private ForgeryFixture() {
    }

    /** SHA-1 of the data. */
    static byte[] sha1(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-1").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value as a minimal big-endian byte string, without the sign byte {@link BigInteger#toByteArray()} adds. */
    static byte[] bigEndian(BigInteger value) {
        byte[] raw = value.toByteArray();
        return raw[0] == 0 && raw.length > 1 ? Arrays.copyOfRange(raw, 1, raw.length) : raw;
    }

    /**
     * The real client (seeded) against the real server (seeded, with a chosen policy), started before each
     * test: {@link #resPq} is the server's answer to the client's first message, and the test steps further
     * with {@link #advanceToServerDhParams()} or {@link #advanceToDhGenAnswer()} before it forges an answer.
     */
    abstract static class AgainstClient {
        ClientKeyExchange client;
        ServerKeyExchange server;
        byte[] resPq;
        byte[] dhParamsOk;
        byte[] dhGenAnswer;
        /** Reads the client's req_DH_params, so that answers can be forged; set by {@link #advanceToServerDhParams()}. */
        Eavesdropper eve;

        /** Starts a new exchange whose server follows the policy. */
        final void startWith(ServerKeyExchangePolicy policy) {
            client = ClientKeyExchange.builder(2, TestKeys.ring(TestKeys.LOCAL)).random(new SeededRandom(5)).build();
            server = ServerKeyExchange.builder(2, List.of(TestKeys.LOCAL)).random(new SeededRandom(6)).policy(policy)
                    .build();
            resPq = server.onMessage(client.start()).payload();
        }

        /** Starts a new exchange whose server accepts everything. */
        @BeforeEach
        final void start() {
            startWith(ServerKeyExchangePolicy.acceptAll());
        }

        /** The client reads resPQ; {@link #dhParamsOk} is the server's answer to its req_DH_params. */
        final void advanceToServerDhParams() {
            byte[] reqDh = send(client.onMessage(resPq));
            eve = new Eavesdropper(reqDh, TestKeys.LOCAL);
            dhParamsOk = server.onMessage(reqDh).payload();
        }

        /** Then the client reads server_DH_params_ok; {@link #dhGenAnswer} is the server's dh_gen_* answer. */
        final void advanceToDhGenAnswer() {
            advanceToServerDhParams();
            byte[] setParams = send(client.onMessage(dhParamsOk));
            dhGenAnswer = server.onMessage(setParams).payload();
        }

        /** The client must refuse with exactly this message, and refuse everything afterwards. */
        final void assertRefuses(byte[] payload, String message) {
            assertThatThrownBy(() -> client.onMessage(payload))
                    .isExactlyInstanceOf(KeyExchangeException.class)
                    .hasMessage(message);
            assertThatThrownBy(() -> client.onMessage(payload))
                    .isExactlyInstanceOf(KeyExchangeException.class)
                    .hasMessageEndingWith("the exchange has already failed; start a new one");
        }
    }

    /**
     * The real server for DC 2 (seeded, its clock fixed at {@link #NOW}) and a {@link ManualClient} (seed 77)
     * that builds each message by hand, encrypted for {@link #KEY}. A test that needs another server assigns
     * {@link #server} from {@link #builder()}.
     */
    abstract static class AgainstServer {
        static final long NOW = 1_800_000_000L;
        static final RsaPublicKey KEY = TestKeys.LOCAL.publicKey();

        ServerKeyExchange server = builder().build();
        final ManualClient client = new ManualClient(77);

        /** The builder of the server under test, to change a setting before building. */
        static ServerKeyExchangeBuilder builder() {
            return ServerKeyExchange.builder(2, List.of(TestKeys.LOCAL)).random(new SeededRandom(8))
                    .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
        }

        /** Sends req_pq_multi and reads resPQ. */
        final void reqPq() {
            client.readResPq(server.onMessage(client.reqPqMulti()).payload());
        }

        /** Up to and including server_DH_params_ok. */
        final void reqDhParams() {
            reqPq();
            ServerStep answer = server.onMessage(client.reqDhParams(client.innerData(PqInnerDataForm.DC, 2, 0), KEY,
                    RsaScheme.RSA_PAD));
            client.readServerDhParamsOk(answer.payload());
        }

        /** The server must refuse with exactly this message, and refuse everything afterwards. */
        final void assertRefuses(byte[] payload, String message) {
            assertThatThrownBy(() -> server.onMessage(payload)).isExactlyInstanceOf(KeyExchangeException.class)
                    .hasMessage(message);
            assertThatThrownBy(() -> server.onMessage(payload)).isExactlyInstanceOf(KeyExchangeException.class)
                    .hasMessageContaining("the exchange has ended (failed)");
        }

        /** req_DH_params with the right nonces, factors and fingerprint, carrying this inner data (RSA_PAD). */
        final byte[] reqDh(PQInnerDataType inner) {
            return client.reqDhParams(inner, KEY, RsaScheme.RSA_PAD);
        }
    }
}
