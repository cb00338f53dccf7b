package dev.mtproto.keyexchange;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mtproto.crypto.DhValidator;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.mtproto.DhGenFail;
import dev.mtproto.tl.mtproto.DhGenOk;
import dev.mtproto.tl.mtproto.DhGenRetry;
import dev.mtproto.tl.mtproto.ResPQ;
import dev.mtproto.tl.mtproto.ServerDHInnerData;
import dev.mtproto.tl.mtproto.ServerDHParamsFail;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * The client key exchange (https://core.telegram.org/mtproto/auth_key) fed fuzzer-chosen server answers.
 * A real server runs the exchange once (deterministic randomness and clocks) to give the true answers and,
 * through {@link Eavesdropper}, the nonces and temporary key. Each input then replays a fresh client up to
 * a step of the fuzzer's choice and answers it with a forged message: raw bytes, a fuzzer-chosen body in a
 * valid envelope, or a structurally valid answer whose fields (nonces, pq, fingerprints, g, dh_prime, g_a,
 * server time, new_nonce_hash) the fuzzer picks, encrypted and hashed correctly where the step needs it, so
 * that inputs reach the checks behind decryption. Whatever the client then sends is answered with more
 * forged messages.
 *
 * <p>Allowed out: {@link KeyExchangeException} (and its subclass {@code KeyExchangeRejectedException}).
 */
class ClientKeyExchangeFuzzTest {
    private static final int DC = 2;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final long[] CLIENT_MSG_IDS = {0x6955b90000000000L, 0x6955b90000000004L, 0x6955b90000000008L,
        0x6955b9000000000cL, 0x6955b90000000010L, 0x6955b90000000014L, 0x6955b90000000018L, 0x6955b9000000001cL};

    /** The true exchange: what a correct server answers this client, step by step. */
    private static final class Truth {
        final byte[] resPq;
        final byte[] dhParams;
        final byte[] dhGen;
        final Eavesdropper eve;

        Truth() {
            ClientKeyExchange client = newClient();
            ServerKeyExchange server = ServerKeyExchange.builder(DC, List.of(TestKeys.LOCAL))
                    .random(new SeededRandom(6)).clock(CLOCK).build();
            resPq = server.onMessage(client.start()).payload();
            byte[] reqDh = ((ClientStep.Send) client.onMessage(resPq)).payload();
            eve = new Eavesdropper(reqDh, TestKeys.LOCAL);
            dhParams = server.onMessage(reqDh).payload();
            byte[] setParams = ((ClientStep.Send) client.onMessage(dhParams)).payload();
            dhGen = server.onMessage(setParams).payload();
        }
    }

    private static Truth truth;

    @BeforeAll
    static void runTheTrueExchange() {
        truth = new Truth();
    }

    private static ClientKeyExchange newClient() {
        return ClientKeyExchange.builder(DC, TestKeys.ring(TestKeys.LOCAL)).random(new SeededRandom(5)).clock(CLOCK)
                .messageIds(new FixedMessageIds(CLIENT_MSG_IDS)).build();
    }

    @FuzzTest(maxDuration = "10s")
    void forgedServerAnswers(FuzzedDataProvider data) {
        int step = data.consumeInt(0, 2);
        List<byte[]> answers = new ArrayList<>();
        answers.add(forge(step, data));
        for (int more = data.consumeInt(0, 2); more > 0; more--) {
            answers.add(forge(data.consumeInt(0, 2), data));
        }
        ClientKeyExchange client = newClient();
        client.start();
        try {
            if (step >= 1) {
                client.onMessage(truth.resPq);
            }
            if (step == 2) {
                client.onMessage(truth.dhParams);
            }
            for (byte[] answer : answers) {
                if (client.onMessage(answer) instanceof ClientStep.Done) {
                    return;
                }
            }
        } catch (KeyExchangeException expected) {
            // refused: the only failure allowed
        }
    }

    /** @return a forged answer to the client's message of {@code step} */
    private static byte[] forge(int step, FuzzedDataProvider data) {
        byte[] real = step == 0 ? truth.resPq : step == 1 ? truth.dhParams : truth.dhGen;
        int form = data.consumeInt(0, 2);
        if (form == 0) {
            return data.consumeBytes(data.consumeInt(0, 1024));
        }
        if (form == 1) {
            byte[] body = data.consumeBytes(data.consumeInt(0, 1024));
            return Payloads.withBody(real, java.util.Arrays.copyOf(body, Math.max(4, (body.length + 3) & ~3))); // envelope's rule
        }
        return switch (step) {
            case 0 -> Payloads.withBody(real, resPq(data));
            case 1 -> data.consumeBoolean()
                    ? truth.eve.reencryptServerInner(real, Payloads.serialize(serverInner(data)))
                    : Payloads.withBody(real, new ServerDHParamsFail(nonce(data), serverNonce(data), int128(data)));
            default -> Payloads.withBody(real, dhGen(data, real));
        };
    }

    private static TlObject resPq(FuzzedDataProvider data) {
        List<Long> fingerprints = new ArrayList<>();
        for (int n = data.consumeInt(0, 4); n > 0; n--) {
            fingerprints.add(data.consumeBoolean() ? TestKeys.LOCAL.publicKey().fingerprint() : data.consumeLong());
        }
        return new ResPQ(nonce(data), serverNonce(data),
                data.consumeBytes(data.consumeInt(0, 12)), fingerprints);
    }

    private static ServerDHInnerData serverInner(FuzzedDataProvider data) {
        int g = data.consumeInt(-1, 9);
        byte[] prime = data.consumeBoolean() ? unsigned(DhValidator.TELEGRAM_PRIME.toByteArray()) : data.consumeBytes(data.consumeInt(0, 260));
        byte[] gA = data.consumeBytes(data.consumeInt(0, 260));
        return new ServerDHInnerData(nonce(data), serverNonce(data), g, prime, gA, data.consumeInt());
    }

    private static TlObject dhGen(FuzzedDataProvider data, byte[] real) {
        byte[] hash = data.consumeBoolean() ? Payloads.read(real, r -> {
            r.readInt();
            r.readRaw(32);
            return r.readRaw(16);
        }) : int128(data);
        return switch (data.consumeInt(0, 2)) {
            case 0 -> new DhGenOk(nonce(data), serverNonce(data), hash);
            case 1 -> new DhGenRetry(nonce(data), serverNonce(data), hash);
            default -> new DhGenFail(nonce(data), serverNonce(data), hash);
        };
    }

    /** @return the true nonce, or (rarely) one the fuzzer chose */
    private static byte[] nonce(FuzzedDataProvider data) {
        return data.consumeInt(0, 7) != 0 ? truth.eve.nonce : int128(data);
    }

    private static byte[] serverNonce(FuzzedDataProvider data) {
        return data.consumeInt(0, 7) != 0 ? truth.eve.serverNonce : int128(data);
    }

    private static byte[] int128(FuzzedDataProvider data) {
        return java.util.Arrays.copyOf(data.consumeBytes(16), 16);
    }

    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement[0] == 0 ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
    }
}
