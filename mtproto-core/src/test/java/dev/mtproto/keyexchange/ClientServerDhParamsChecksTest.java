package dev.mtproto.keyexchange;

import static dev.mtproto.keyexchange.ForgeryFixture.sha1;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.tl.mtproto.ServerDHInnerData;
import dev.mtproto.tl.mtproto.ServerDHParams;
import dev.mtproto.tl.mtproto.ServerDHParamsFail;
import dev.mtproto.tl.mtproto.ServerDHParamsOk;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's checks of the outer server_DH_params answer: the nonces of server_DH_params_ok, the SHA-1,
 * padding and length of its encrypted answer, new_nonce_hash of server_DH_params_fail (the right one is a
 * refusal of the server, not a failed check), and no other constructor in its place.
 */
class ClientServerDhParamsChecksTest extends ForgeryFixture.AgainstClient {
    @BeforeEach
    void advance() {
        advanceToServerDhParams();
    }

    private ServerDHParamsOk ok() {
        return (ServerDHParamsOk) Payloads.read(dhParamsOk, ServerDHParams::read);
    }

    @Test
    void nonce() {
        ServerDHParamsOk ok = ok();
        assertRefuses(Payloads.withBody(dhParamsOk, new ServerDHParamsOk(Payloads.flip(ok.nonce(), 0),
                ok.serverNonce(), ok.encryptedAnswer())),
                "server_DH_params_ok: nonce does not match the one in req_pq_multi");
    }

    @Test
    void serverNonce() {
        ServerDHParamsOk ok = ok();
        assertRefuses(Payloads.withBody(dhParamsOk, new ServerDHParamsOk(ok.nonce(),
                Payloads.flip(ok.serverNonce(), 7), ok.encryptedAnswer())),
                "server_DH_params_ok: server_nonce does not match the one in resPQ");
    }

    @Test
    void answerHashDoesNotMatch() {
        ServerDHParamsOk ok = ok();
        assertRefuses(Payloads.withBody(dhParamsOk, new ServerDHParamsOk(ok.nonce(), ok.serverNonce(),
                Payloads.flip(ok.encryptedAnswer(), 100))),
                "server_DH_params_ok: SHA1 of the decrypted DH data does not match for any padding 0..15");
    }

    @Test
    void answerPaddingTooLong() {
        // A valid SHA-1 over the data, but 16 or more bytes of padding after it.
        ServerDHInnerData inner = eve.serverInner(dhParamsOk);
        byte[] data = Payloads.serialize(inner);
        byte[] withHash = new byte[(20 + data.length + 16 + 15) & ~15];
        System.arraycopy(sha1(data), 0, withHash, 0, 20);
        System.arraycopy(data, 0, withHash, 20, data.length);
        byte[] encrypted = dev.mtproto.crypto.AesIge.encrypt(eve.tmpKey.key(), eve.tmpKey.iv(), withHash);
        ServerDHParamsOk ok = ok();
        assertRefuses(Payloads.withBody(dhParamsOk, new ServerDHParamsOk(ok.nonce(), ok.serverNonce(), encrypted)),
                "server_DH_params_ok: SHA1 of the decrypted DH data does not match for any padding 0..15");
    }

    @Test
    void answerLengthNotAMultipleOf16() {
        ServerDHParamsOk ok = ok();
        byte[] answer = Arrays.copyOf(ok.encryptedAnswer(), ok.encryptedAnswer().length - 4);
        assertRefuses(Payloads.withBody(dhParamsOk, new ServerDHParamsOk(ok.nonce(), ok.serverNonce(), answer)),
                "server_DH_params_ok: encrypted DH data length " + answer.length
                        + " is not a multiple of 16 of at least 32 bytes");
    }

    @Test
    void serverDhParamsFailWithAWrongHash() {
        ServerDHParamsOk ok = ok();
        assertRefuses(Payloads.withBody(dhParamsOk, new ServerDHParamsFail(ok.nonce(), ok.serverNonce(),
                new byte[16])), "server_DH_params_fail: new_nonce_hash does not match SHA1(new_nonce)");
    }

    @Test
    void serverDhParamsFailWithTheRightHashButAnotherNonce() {
        byte[] hash = Arrays.copyOfRange(sha1(eve.newNonce), 4, 20);
        ServerDHParamsOk ok = ok();
        assertRefuses(Payloads.withBody(dhParamsOk, new ServerDHParamsFail(Payloads.flip(ok.nonce(), 3),
                ok.serverNonce(), hash)), "server_DH_params_fail: nonce does not match the one in req_pq_multi");
    }

    @Test
    void serverDhParamsFailWithTheRightHashIsARefusal() {
        byte[] hash = Arrays.copyOfRange(sha1(eve.newNonce), 4, 20);
        ServerDHParamsOk ok = ok();
        assertThatThrownBy(() -> client.onMessage(Payloads.withBody(dhParamsOk,
                new ServerDHParamsFail(ok.nonce(), ok.serverNonce(), hash))))
                .isExactlyInstanceOf(KeyExchangeRejectedException.class)
                .hasMessage("server_DH_params_fail: the server refused req_DH_params");
    }

    @Test
    void resPqAgain() {
        assertRefuses(Payloads.withBody(dhParamsOk, Payloads.body(resPq)),
                "Server_DH_Params: malformed message: TL decoding failed at offset 0: expected a "
                        + "Server_DH_Params, found constructor 0x5162463 ('resPQ')");
    }
}
