package dev.mtproto.keyexchange;

import dev.mtproto.tl.mtproto.ReqDHParams;
import dev.mtproto.tl.mtproto.ReqPqMulti;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The server's checks of the first message: req_pq_multi or req_pq and nothing after it, a client msg_id
 * divisible by 4, and only once.
 */
class ServerReqPqChecksTest extends ForgeryFixture.AgainstServer {
    @Test
    void reqDhParamsFirst() {
        assertRefuses(client.payload(new ReqDHParams(client.nonce, new byte[16], new byte[] {1}, new byte[] {1},
                1, new byte[256])), "req_pq_multi: malformed message: TL decoding failed at offset 0: expected a "
                + "req_pq_multi or req_pq, found constructor 0xd712e4be ('req_DH_params')");
    }

    @Test
    void trailingBytes() {
        byte[] body = Payloads.serialize(new ReqPqMulti(client.nonce));
        assertRefuses(new UnencryptedMessage(4, Arrays.copyOf(body, body.length + 4)).encode(),
                "req_pq_multi: malformed message: TL decoding failed at offset 20: 4 unexpected bytes after the "
                        + "end of the value");
    }

    @Test
    void messageIdOfAServer() {
        assertRefuses(new UnencryptedMessage(5, Payloads.serialize(new ReqPqMulti(client.nonce))).encode(),
                "req_pq_multi: msg_id 5 of a client message is not divisible by 4");
    }

    @Test
    void reqPqTwice() {
        reqPq();
        assertRefuses(client.reqPqMulti(), "req_DH_params: malformed message: TL decoding failed at offset 0: "
                + "expected a req_DH_params, found constructor 0xbe7e8ef1 ('req_pq_multi')");
    }
}
