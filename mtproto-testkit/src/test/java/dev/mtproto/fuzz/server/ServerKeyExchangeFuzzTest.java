package dev.mtproto.fuzz.server;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mtproto.crypto.DhInnerDataCipher;
import dev.mtproto.crypto.RsaKeyRing;
import dev.mtproto.crypto.RsaPad;
import dev.mtproto.crypto.RsaPrivateKey;
import dev.mtproto.crypto.TmpAesKey;
import dev.mtproto.keyexchange.ClientKeyExchange;
import dev.mtproto.keyexchange.ClientStep;
import dev.mtproto.keyexchange.KeyExchangeException;
import dev.mtproto.keyexchange.ServerKeyExchange;
import dev.mtproto.keyexchange.ServerStep;
import dev.mtproto.keyexchange.UnencryptedMessage;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.mtproto.ClientDHInnerData;
import dev.mtproto.tl.mtproto.PQInnerDataDc;
import dev.mtproto.tl.mtproto.PQInnerDataType;
import dev.mtproto.tl.mtproto.ReqDHParams;
import dev.mtproto.tl.mtproto.ReqPqMulti;
import dev.mtproto.tl.mtproto.ResPQ;
import dev.mtproto.tl.mtproto.SetClientDHParams;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * The test DC's side of the key exchange (https://core.telegram.org/mtproto/auth_key), configured as a test
 * DC configures it (the DC's id, its media and test-mode ids accepted), fed fuzzer-chosen client messages.
 * A real client runs once to give the true messages and, with the server's private key, the nonces; each
 * input replays them up to a step of the fuzzer's choice and then sends a forged message: raw bytes, a
 * fuzzer-chosen body in a valid envelope, or a structurally valid request (req_pq_multi, req_DH_params with
 * RSA_PAD-encrypted p_q_inner_data_dc, set_client_DH_params with correctly encrypted client_DH_inner_data)
 * whose fields the fuzzer picks.
 *
 * <p>Allowed out: {@link KeyExchangeException} (the test DC drops the connection on it). A rejection is a
 * {@link ServerStep.Rejected}, never a hang.
 */
class ServerKeyExchangeFuzzTest {
    private static final int DC = 2;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static RsaPrivateKey key;
    private static byte[][] clientMessages;
    private static byte[] nonce;
    private static byte[] serverNonce;
    private static byte[] newNonce;
    private static ResPQ resPq;
    private static byte[] p;
    private static byte[] q;

    @BeforeAll
    static void runTheTrueExchange() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        java.security.SecureRandom seeded = java.security.SecureRandom.getInstance("SHA1PRNG");
        seeded.setSeed(1); // before any output: the same key in every run
        generator.initialize(2048, seeded);
        key = RsaPrivateKey.of((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate());
        ClientKeyExchange client = ClientKeyExchange.builder(DC, RsaKeyRing.of().with(key.publicKey()))
                .random(new SeededRandom(5)).clock(CLOCK).build();
        ServerKeyExchange server = newServer();
        clientMessages = new byte[3][];
        clientMessages[0] = client.start();
        byte[] answer = server.onMessage(clientMessages[0]).payload();
        TlReader r = new TlReader(UnencryptedMessage.decode(answer, dev.mtproto.keyexchange.MessageOrigin.SERVER).body());
        resPq = (ResPQ) dev.mtproto.tl.mtproto.ResPQType.read(r);
        nonce = resPq.nonce();
        serverNonce = resPq.serverNonce();
        clientMessages[1] = ((ClientStep.Send) client.onMessage(answer)).payload();
        ReqDHParams request = (ReqDHParams) new TlReader(UnencryptedMessage.decode(clientMessages[1],
                dev.mtproto.keyexchange.MessageOrigin.CLIENT).body()).readObject();
        p = request.p();
        q = request.q();
        newNonce = PQInnerDataType.read(new TlReader(RsaPad.decrypt(request.encryptedData(), key))).newNonce();
        answer = server.onMessage(clientMessages[1]).payload();
        clientMessages[2] = ((ClientStep.Send) client.onMessage(answer)).payload();
    }

    private static ServerKeyExchange newServer() {
        return ServerKeyExchange.builder(DC, List.of(key))
                .acceptedDcIds(DC, -DC, DC + ServerKeyExchange.TEST_DC_OFFSET, -(DC + ServerKeyExchange.TEST_DC_OFFSET))
                .random(new SeededRandom(6)).clock(CLOCK).build();
    }

    @FuzzTest(maxDuration = "10s")
    void forgedClientMessages(FuzzedDataProvider data) {
        int step = data.consumeInt(0, 2);
        byte[] forged = forge(step, data);
        byte[] more = forge(data.consumeInt(0, 2), data);
        ServerKeyExchange server = newServer();
        try {
            for (int i = 0; i < step; i++) {
                server.onMessage(clientMessages[i]);
            }
            if (!(server.onMessage(forged) instanceof ServerStep.Rejected)) {
                server.onMessage(more);
            }
        } catch (KeyExchangeException expected) {
            // refused: the only failure allowed
        }
    }

    private static byte[] forge(int step, FuzzedDataProvider data) {
        int form = data.consumeInt(0, 2);
        if (form == 0) {
            return data.consumeBytes(data.consumeInt(0, 1024));
        }
        long msgId = 0x6955b90000000000L + 4L * data.consumeInt(0, 16);
        if (form == 1) {
            byte[] body = data.consumeBytes(data.consumeInt(0, 1024));
            return new UnencryptedMessage(msgId, Arrays.copyOf(body, Math.max(4, (body.length + 3) & ~3))).encode();
        }
        TlObject request = switch (step) {
            case 0 -> new ReqPqMulti(pick(data, nonce));
            case 1 -> reqDhParams(data);
            default -> setClientDhParams(data);
        };
        return new UnencryptedMessage(msgId, request.toByteArray()).encode();
    }

    private static TlObject reqDhParams(FuzzedDataProvider data) {
        byte[] pq = data.consumeInt(0, 7) != 0 ? resPq.pq() : data.consumeBytes(data.consumeInt(0, 12));
        byte[] p = data.consumeInt(0, 7) != 0 ? ServerKeyExchangeFuzzTest.p : data.consumeBytes(data.consumeInt(0, 8));
        byte[] q = data.consumeInt(0, 7) != 0 ? ServerKeyExchangeFuzzTest.q : data.consumeBytes(data.consumeInt(0, 8));
        byte[] inner = data.consumeBoolean()
                ? new PQInnerDataDc(pq, p, q, pick(data, nonce), pick(data, serverNonce), data.consumeBoolean() ? newNonce : int256(data),
                        data.consumeInt(-20_000, 20_000)).toByteArray()
                : data.consumeBytes(RsaPad.MAX_DATA_LENGTH);
        long fingerprint = data.consumeInt(0, 7) != 0 ? key.publicKey().fingerprint() : data.consumeLong();
        byte[] encrypted = data.consumeInt(0, 7) != 0 && inner.length <= RsaPad.MAX_DATA_LENGTH
                ? RsaPad.encrypt(inner, key.publicKey(), new SeededRandom(7)) : data.consumeBytes(260);
        return new ReqDHParams(pick(data, nonce), pick(data, serverNonce), p, q, fingerprint, encrypted);
    }

    private static TlObject setClientDhParams(FuzzedDataProvider data) {
        byte[] inner = data.consumeBoolean()
                ? new ClientDHInnerData(pick(data, nonce), pick(data, serverNonce), data.consumeInt(0, 3) != 0 ? 0 : data.consumeLong(),
                        data.consumeBytes(data.consumeInt(0, 260))).toByteArray()
                : data.consumeBytes(data.consumeInt(0, 600));
        byte[] encrypted = DhInnerDataCipher.encrypt(TmpAesKey.derive(newNonce, serverNonce), inner, new SeededRandom(8));
        return new SetClientDHParams(pick(data, nonce), pick(data, serverNonce), encrypted);
    }

    /** @return the true value (usually) or 16 bytes the fuzzer chose */
    private static byte[] pick(FuzzedDataProvider data, byte[] truth) {
        return data.consumeInt(0, 7) != 0 ? truth : Arrays.copyOf(data.consumeBytes(16), 16);
    }

    private static byte[] int256(FuzzedDataProvider data) {
        return Arrays.copyOf(data.consumeBytes(32), 32);
    }
}
