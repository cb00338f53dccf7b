package dev.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.client.ClientClosedException;
import org.junit.jupiter.api.Test;

/** Every failure the client makes up says whether the call may have run (docs/client.md, docs/reliability.md). */
class UnansweredCallTest {

    @Test
    void eachFailureSaysWhetherTheCallMayHaveRun() {
        assertThat(new RequestTimeoutException("m", false, false).mayHaveRun()).isFalse();
        assertThat(new RequestTimeoutException("m", true, false).mayHaveRun()).isTrue();
        assertThat(new RequestTimeoutException("m", true, true).mayHaveRun()).isTrue();
        assertThat(new SessionClosedException("closed", false).mayHaveRun()).isFalse();
        assertThat(new SessionClosedException("closed", true).mayHaveRun()).isTrue();
        assertThat(new OutcomeUnknownException("m", "why").mayHaveRun()).isTrue();
        assertThat(new MessageRejectedException("m", 18, "bad").mayHaveRun()).isFalse();
        assertThat(new RequestTooLargeException("m", 2, 1).mayHaveRun()).isFalse();
        assertThat(new ClientClosedException().mayHaveRun()).isFalse();
        assertThat(new ClientClosedException(true).mayHaveRun()).isTrue();
        assertThat(new ClientClosedException(true).getMessage()).contains("may have been sent");
    }

    @Test
    void aCallStaysTransmittedOnceItWasGivenAMsgId() {
        OutgoingCall<?> call = OutgoingCall.of(dev.mtproto.tl.api.help.GetNearestDc.INSTANCE);
        assertThat(call.transmitted()).isFalse();
        call.markTransmitted();
        call.outgoing = null; // as when the call moves to another session (takePendingCalls)
        assertThat(call.transmitted()).as("the server may have it though its msg_id is forgotten").isTrue();
        assertThat(call.msgId()).isZero();
    }
}
