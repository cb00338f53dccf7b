package dev.mtproto.keyexchange;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.tl.mtproto.ResPQ;
import org.junit.jupiter.api.Test;

/**
 * The client takes answers only in protocol order, once: nothing before start(), start() only once, no answer
 * twice and no dh_gen answer in place of resPQ.
 */
class ClientMessageOrderChecksTest extends ForgeryFixture.AgainstClient {
    @Test
    void aMessageBeforeStart() {
        ClientKeyExchange fresh = ClientKeyExchange.builder(2, TestKeys.ring(TestKeys.LOCAL)).build();
        assertThatThrownBy(() -> fresh.onMessage(resPq)).isExactlyInstanceOf(KeyExchangeException.class)
                .hasMessage("req_pq_multi: a server message arrived before start()");
        assertThatThrownBy(fresh::start).isExactlyInstanceOf(KeyExchangeException.class);
    }

    @Test
    void startTwice() {
        assertThatThrownBy(client::start).isExactlyInstanceOf(KeyExchangeException.class)
                .hasMessage("req_pq_multi: start() was already called; use a new ClientKeyExchange for a new "
                        + "exchange");
    }

    @Test
    void theSameAnswerTwice() {
        advanceToServerDhParams();
        assertThatThrownBy(() -> client.onMessage(resPq)).isExactlyInstanceOf(KeyExchangeException.class)
                .hasMessageStartingWith("Server_DH_Params: malformed message");
    }

    @Test
    void aDhGenAnswerInsteadOfResPq() {
        advanceToDhGenAnswer();
        ClientKeyExchange other = ClientKeyExchange.builder(2, TestKeys.ring(TestKeys.LOCAL)).build();
        other.start();
        assertThatThrownBy(() -> other.onMessage(dhGenAnswer)).isExactlyInstanceOf(KeyExchangeException.class)
                .hasMessageStartingWith("resPQ: malformed message: TL decoding failed at offset 0: expected a ResPQ");
    }
}
