package dev.mtproto.keyexchange;

import dev.mtproto.tl.mtproto.DhGenFail;
import dev.mtproto.tl.mtproto.DhGenOk;
import dev.mtproto.tl.mtproto.DhGenRetry;
import dev.mtproto.tl.mtproto.SetClientDHParamsAnswer;
import org.junit.jupiter.api.Test;

/**
 * The client's checks of dh_gen_ok, dh_gen_retry and dh_gen_fail: the nonces, the new_nonce_hash of each
 * kind over the new key (a hash of another kind is refused), and no other answer in their place.
 */
class ClientDhGenAnswerChecksTest extends ForgeryFixture.AgainstClient {
    private SetClientDHParamsAnswer answer() {
        return Payloads.read(dhGenAnswer, SetClientDHParamsAnswer::read);
    }

    @Test
    void dhGenOkWithAWrongHash() {
        advanceToDhGenAnswer();
        DhGenOk ok = (DhGenOk) answer();
        assertRefuses(Payloads.withBody(dhGenAnswer, new DhGenOk(ok.nonce(), ok.serverNonce(),
                Payloads.flip(ok.newNonceHash1(), 0))), "dh_gen_ok: new_nonce_hash1 does not match");
    }

    @Test
    void dhGenOkWithAnotherNonce() {
        advanceToDhGenAnswer();
        DhGenOk ok = (DhGenOk) answer();
        assertRefuses(Payloads.withBody(dhGenAnswer, new DhGenOk(Payloads.flip(ok.nonce(), 9), ok.serverNonce(),
                ok.newNonceHash1())), "dh_gen_ok: nonce does not match the one in req_pq_multi");
    }

    @Test
    void dhGenOkWithAnotherServerNonce() {
        advanceToDhGenAnswer();
        DhGenOk ok = (DhGenOk) answer();
        assertRefuses(Payloads.withBody(dhGenAnswer, new DhGenOk(ok.nonce(), Payloads.flip(ok.serverNonce(), 9),
                ok.newNonceHash1())), "dh_gen_ok: server_nonce does not match the one in resPQ");
    }

    @Test
    void dhGenOkCarryingTheRetryHash() {
        startWith(ServerKeyExchangePolicy.retryFirst(1));
        advanceToDhGenAnswer();
        DhGenRetry retry = (DhGenRetry) answer();
        assertRefuses(Payloads.withBody(dhGenAnswer, new DhGenOk(retry.nonce(), retry.serverNonce(),
                retry.newNonceHash2())), "dh_gen_ok: new_nonce_hash1 does not match");
    }

    @Test
    void dhGenRetryWithAWrongHash() {
        startWith(ServerKeyExchangePolicy.retryFirst(1));
        advanceToDhGenAnswer();
        DhGenRetry retry = (DhGenRetry) answer();
        assertRefuses(Payloads.withBody(dhGenAnswer, new DhGenRetry(retry.nonce(), retry.serverNonce(),
                Payloads.flip(retry.newNonceHash2(), 15))), "dh_gen_retry: new_nonce_hash2 does not match");
    }

    @Test
    void dhGenRetryCarryingTheOkHash() {
        advanceToDhGenAnswer();
        DhGenOk ok = (DhGenOk) answer();
        assertRefuses(Payloads.withBody(dhGenAnswer, new DhGenRetry(ok.nonce(), ok.serverNonce(),
                ok.newNonceHash1())), "dh_gen_retry: new_nonce_hash2 does not match");
    }

    @Test
    void dhGenFailWithAWrongHashIsNotARefusal() {
        startWith(ServerKeyExchangePolicy.always(DhGenAnswer.FAIL));
        advanceToDhGenAnswer();
        DhGenFail fail = (DhGenFail) answer();
        assertRefuses(Payloads.withBody(dhGenAnswer, new DhGenFail(fail.nonce(), fail.serverNonce(),
                Payloads.flip(fail.newNonceHash3(), 4))), "dh_gen_fail: new_nonce_hash3 does not match");
    }

    @Test
    void anAnswerOfTheWrongType() {
        advanceToDhGenAnswer();
        assertRefuses(Payloads.withBody(dhGenAnswer, Payloads.body(dhParamsOk)),
                "Set_client_DH_params_answer: malformed message: TL decoding failed at offset 0: expected a "
                        + "Set_client_DH_params_answer, found constructor 0xd0e8075c ('server_DH_params_ok')");
    }
}
