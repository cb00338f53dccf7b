package dev.mtproto.keyexchange;

import static dev.mtproto.keyexchange.ForgeryFixture.bigEndian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.crypto.DhValidator;
import dev.mtproto.tl.mtproto.ClientDHInnerData;
import dev.mtproto.tl.mtproto.SetClientDHParams;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The server's checks of set_client_DH_params: the outer and inner nonces, data encrypted with the right
 * new_nonce whose SHA-1 matches, retry_id 0 on the first attempt and the aux hash of the refused key after a
 * retry, g_b inside the group and its safe range, and nothing after the end.
 */
class ServerSetClientDhParamsChecksTest extends ForgeryFixture.AgainstServer {
    private byte[] withGb(BigInteger gB) {
        return client.setClientDhParams(new ClientDHInnerData(client.nonce, client.serverNonce, 0, bigEndian(gB)));
    }

    @Test
    void outerNonces() {
        reqDhParams();
        assertRefuses(client.payload(new SetClientDHParams(Payloads.flip(client.nonce, 2), client.serverNonce,
                new byte[32])), "set_client_DH_params: nonce does not match the one in req_pq_multi");
        server = builder().build();
        reqDhParams();
        assertRefuses(client.payload(new SetClientDHParams(client.nonce, Payloads.flip(client.serverNonce, 2),
                new byte[32])), "set_client_DH_params: server_nonce does not match the one in resPQ");
    }

    @Test
    void innerNonces() {
        reqDhParams();
        assertRefuses(client.setClientDhParams(new ClientDHInnerData(Payloads.flip(client.nonce, 2),
                client.serverNonce, 0, new byte[] {2})),
                "client_DH_inner_data: nonce does not match the one in req_pq_multi");
        server = builder().build();
        reqDhParams();
        assertRefuses(client.setClientDhParams(new ClientDHInnerData(client.nonce,
                Payloads.flip(client.serverNonce, 2), 0, new byte[] {2})),
                "client_DH_inner_data: server_nonce does not match the one in resPQ");
    }

    @Test
    void corruptedEncryptedData() {
        reqDhParams();
        byte[] good = client.setClientDhParams(0);
        byte[] bad = good.clone();
        bad[bad.length - 20] ^= 0x40;
        assertRefuses(bad, "set_client_DH_params: SHA1 of the decrypted DH data does not match for any padding 0..15");
    }

    @Test
    void retryIdNotZeroOnTheFirstAttempt() {
        reqDhParams();
        byte[] payload = client.setClientDhParams(12345L);
        assertRefuses(payload, "client_DH_inner_data: retry_id must be 0 on the first attempt");
    }

    @Test
    void wrongRetryIdAfterARetry() {
        server = builder().policy(ServerKeyExchangePolicy.retryFirst(1)).build();
        reqDhParams();
        assertThat(server.onMessage(client.setClientDhParams(0))).isInstanceOf(ServerStep.Send.class);
        assertRefuses(client.setClientDhParams(0),
                "client_DH_inner_data: retry_id is not the auth_key_aux_hash of the key refused by dh_gen_retry");
    }

    @Test
    void gbOutOfRange() {
        BigInteger p = DhValidator.TELEGRAM_PRIME;
        BigInteger margin = BigInteger.ONE.shiftLeft(1984);
        String notInGroup = "client_DH_inner_data: g_b is not in 1 < g_b < dh_prime - 1";
        String unsafe = "client_DH_inner_data: g_b is outside [2^1984, dh_prime - 2^1984]";
        Object[][] cases = {{BigInteger.ONE, notInGroup}, {p.subtract(BigInteger.ONE), notInGroup},
                {p, notInGroup}, {BigInteger.TWO, unsafe}, {margin.subtract(BigInteger.ONE), unsafe},
                {p.subtract(BigInteger.TWO), unsafe}};
        for (Object[] c : cases) {
            server = builder().build();
            reqDhParams();
            assertRefuses(withGb((BigInteger) c[0]), (String) c[1]);
        }
    }

    @Test
    void encryptedWithAnotherNewNonce() {
        reqDhParams();
        client.tmpKey = dev.mtproto.crypto.TmpAesKey.derive(new byte[32], client.serverNonce);
        assertRefuses(client.setClientDhParams(0),
                "set_client_DH_params: SHA1 of the decrypted DH data does not match for any padding 0..15");
    }

    @Test
    void aMessageAfterTheEnd() {
        reqDhParams();
        byte[] last = client.setClientDhParams(0);
        assertThat(server.onMessage(last)).isInstanceOf(ServerStep.Done.class);
        assertThatThrownBy(() -> server.onMessage(last)).isExactlyInstanceOf(KeyExchangeException.class)
                .hasMessage("set_client_DH_params: the exchange has ended (done); a new exchange needs a new "
                        + "ServerKeyExchange");
    }
}
