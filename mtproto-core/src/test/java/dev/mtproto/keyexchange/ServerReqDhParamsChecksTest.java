package dev.mtproto.keyexchange;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.tl.mtproto.PQInnerDataDc;
import dev.mtproto.tl.mtproto.ReqDHParams;
import dev.mtproto.tl.mtproto.ReqPqMulti;
import dev.mtproto.tl.mtproto.SetClientDHParams;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The server's checks of req_DH_params: the nonces, p and q as the minimal factors of its pq, a fingerprint
 * it offered, encrypted data of the right length below the modulus that decrypts (RSA_PAD or legacy) to
 * p_q_inner_data with the same nonces, pq and a DC of this server, and a positive expires_in for temporary
 * keys.
 */
class ServerReqDhParamsChecksTest extends ForgeryFixture.AgainstServer {
    private byte[] reqDhWith(byte[] p, byte[] q, long fingerprint, byte[] encrypted) {
        return client.payload(new ReqDHParams(client.nonce, client.serverNonce, p, q, fingerprint, encrypted));
    }

    private byte[] encryptedInner() {
        return client.encrypt(Payloads.serialize(client.innerData(PqInnerDataForm.DC, 2, 0)), KEY, RsaScheme.RSA_PAD);
    }

    @Test
    void nonce() {
        reqPq();
        byte[] wrong = Payloads.flip(client.nonce, 0);
        assertRefuses(client.payload(new ReqDHParams(wrong, client.serverNonce, client.factors.pBytes(),
                client.factors.qBytes(), KEY.fingerprint(), encryptedInner())),
                "req_DH_params: nonce does not match the one in req_pq_multi");
    }

    @Test
    void serverNonce() {
        reqPq();
        assertRefuses(client.payload(new ReqDHParams(client.nonce, Payloads.flip(client.serverNonce, 0),
                client.factors.pBytes(), client.factors.qBytes(), KEY.fingerprint(), encryptedInner())),
                "req_DH_params: server_nonce does not match the one in resPQ");
    }

    @Test
    void swappedFactors() {
        reqPq();
        assertRefuses(reqDhWith(client.factors.qBytes(), client.factors.pBytes(), KEY.fingerprint(), encryptedInner()),
                "req_DH_params: p and q are not the factors of the pq sent in resPQ (as minimal big-endian "
                        + "byte strings, p < q)");
    }

    @Test
    void factorWithALeadingZero() {
        reqPq();
        byte[] p = client.factors.pBytes();
        byte[] padded = new byte[p.length + 1];
        System.arraycopy(p, 0, padded, 1, p.length);
        assertRefuses(reqDhWith(padded, client.factors.qBytes(), KEY.fingerprint(), encryptedInner()),
                "req_DH_params: p and q are not the factors of the pq sent in resPQ (as minimal big-endian "
                        + "byte strings, p < q)");
    }

    @Test
    void unknownFingerprint() {
        reqPq();
        assertRefuses(reqDhWith(client.factors.pBytes(), client.factors.qBytes(), 0x1234L, encryptedInner()),
                "req_DH_params: public_key_fingerprint 0x0000000000001234 is not one of the keys offered in resPQ");
    }

    @Test
    void encryptedForAnotherKey() {
        reqPq();
        byte[] encrypted = client.encrypt(Payloads.serialize(client.innerData(PqInnerDataForm.DC, 2, 0)),
                TestKeys.fresh().publicKey(), RsaScheme.RSA_PAD);
        assertThatThrownBy(() -> server.onMessage(reqDhWith(client.factors.pBytes(), client.factors.qBytes(),
                KEY.fingerprint(), encrypted)))
                .isExactlyInstanceOf(KeyExchangeException.class)
                .hasMessageStartingWith("req_DH_params: encrypted_data is neither RSA_PAD (");
    }

    @Test
    void garbageEncryptedData() {
        reqPq();
        byte[] garbage = new byte[256];
        new SeededRandom(3).nextBytes(garbage, 0, 256);
        garbage[0] = 0x11; // below the modulus
        assertRefuses(reqDhWith(client.factors.pBytes(), client.factors.qBytes(), KEY.fingerprint(), garbage),
                "req_DH_params: encrypted_data is neither RSA_PAD (RSA_PAD hash SHA256(temp_key + "
                        + "data_with_padding) does not match) nor the legacy RSA encoding (legacy RSA "
                        + "data_with_hash is longer than 255 bytes)");
    }

    @Test
    void encryptedDataOfTheWrongLengthOrAboveTheModulus() {
        reqPq();
        assertThatThrownBy(() -> server.onMessage(reqDhWith(client.factors.pBytes(), client.factors.qBytes(),
                KEY.fingerprint(), new byte[255]))).isExactlyInstanceOf(KeyExchangeException.class)
                .hasMessageContaining("255 bytes, not 256");
        server = builder().build();
        reqPq();
        byte[] high = new byte[256];
        Arrays.fill(high, (byte) 0xFF);
        assertThatThrownBy(() -> server.onMessage(reqDhWith(client.factors.pBytes(), client.factors.qBytes(),
                KEY.fingerprint(), high))).isExactlyInstanceOf(KeyExchangeException.class)
                .hasMessageContaining("not below the RSA modulus");
    }

    @Test
    void innerNonce() {
        reqPq();
        PQInnerDataDc good = (PQInnerDataDc) client.innerData(PqInnerDataForm.DC, 2, 0);
        assertRefuses(reqDh(new PQInnerDataDc(good.pq(), good.p(), good.q(), Payloads.flip(good.nonce(), 5),
                good.serverNonce(), good.newNonce(), 2)),
                "p_q_inner_data_dc: nonce does not match the one in req_pq_multi");
    }

    @Test
    void innerServerNonce() {
        reqPq();
        PQInnerDataDc good = (PQInnerDataDc) client.innerData(PqInnerDataForm.DC, 2, 0);
        assertRefuses(reqDh(new PQInnerDataDc(good.pq(), good.p(), good.q(), good.nonce(),
                Payloads.flip(good.serverNonce(), 5), good.newNonce(), 2)),
                "p_q_inner_data_dc: server_nonce does not match the one in resPQ");
    }

    @Test
    void innerPq() {
        reqPq();
        PQInnerDataDc good = (PQInnerDataDc) client.innerData(PqInnerDataForm.DC, 2, 0);
        assertRefuses(reqDh(new PQInnerDataDc(Payloads.flip(good.pq(), 7), good.p(), good.q(), good.nonce(),
                good.serverNonce(), good.newNonce(), 2)),
                "p_q_inner_data_dc: pq, p and q do not match resPQ and req_DH_params");
    }

    @Test
    void otherDcs() {
        for (int dc : new int[] {3, 0, 102, 20002, -3, 10003}) {
            server = builder().build();
            reqPq();
            assertRefuses(reqDh(client.innerData(PqInnerDataForm.DC, dc, 0)),
                    "p_q_inner_data_dc: dc " + dc + " is not this DC (accepted: [2, -2, 10002, -10002])");
        }
    }

    @Test
    void temporaryKeyWithAnotherDc() {
        reqPq();
        assertRefuses(reqDh(client.innerData(PqInnerDataForm.TEMP_DC, 4, 600)),
                "p_q_inner_data_temp_dc: dc 4 is not this DC (accepted: [2, -2, 10002, -10002])");
    }

    @Test
    void expiresInNotPositive() {
        reqPq();
        assertRefuses(reqDh(client.innerData(PqInnerDataForm.TEMP_DC, 2, 0)),
                "p_q_inner_data_temp_dc: expires_in 0 is not positive");
        server = builder().build();
        reqPq();
        assertRefuses(reqDh(client.innerData(PqInnerDataForm.TEMP_NO_DC, 2, -5)),
                "p_q_inner_data_temp: expires_in -5 is not positive");
    }

    @Test
    void oldFormsWhenTheDcIsRequired() {
        server = builder().requireDcInInnerData().build();
        reqPq();
        assertRefuses(reqDh(client.innerData(PqInnerDataForm.NO_DC, 2, 0)),
                "p_q_inner_data: this server requires the dc field (p_q_inner_data_dc or p_q_inner_data_temp_dc)");
    }

    @Test
    void innerDataThatIsNotPqInnerData() {
        reqPq();
        byte[] notInner = Payloads.serialize(new ReqPqMulti(client.nonce));
        assertRefuses(reqDhWith(client.factors.pBytes(), client.factors.qBytes(), KEY.fingerprint(),
                client.encrypt(notInner, KEY, RsaScheme.LEGACY)),
                "p_q_inner_data: malformed message: TL decoding failed at offset 0: expected a P_Q_inner_data, "
                        + "found constructor 0xbe7e8ef1 ('req_pq_multi')");
    }

    @Test
    void setClientDhParamsInstead() {
        reqPq();
        assertThatThrownBy(() -> server.onMessage(client.payload(new SetClientDHParams(client.nonce,
                client.serverNonce, new byte[32])))).isExactlyInstanceOf(KeyExchangeException.class)
                .hasMessageStartingWith("req_DH_params: malformed message: TL decoding failed at offset 0: "
                        + "expected a req_DH_params, found constructor 0xf5045f1f");
    }
}
