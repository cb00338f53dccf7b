package dev.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.rpc.FloodWaitException;
import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.tl.mtproto.GzipPacked;
import dev.mtproto.tl.mtproto.RpcError;
import org.junit.jupiter.api.Test;

/** Answers are decoded by whoever completes the call, not by the session: gunzip, rpc_error, the result type. */
class RpcAnswerTest {
    private final OutgoingCall<?> call = OutgoingCall.of(GetNearestDc.INSTANCE);

    private static byte[] gzipped(byte[] body) {
        return new GzipPacked(GzipCodecPool.gzip(body, 0, body.length)).toByteArray();
    }

    @Test
    void aPlainOrGzippedResultDecodesAsTheCallsResultType() {
        byte[] result = new NearestDc("NL", 2, 4).toByteArray();
        assertThat(RpcAnswer.ofBody(call, result).decode()).isEqualTo(new NearestDc("NL", 2, 4));
        assertThat(RpcAnswer.ofBody(call, gzipped(result)).decode()).isEqualTo(new NearestDc("NL", 2, 4));
        assertThat(RpcAnswer.ofBody(call, result).size()).isEqualTo(result.length);
        assertThat(RpcAnswer.ofValue(call, "pong").decode()).isEqualTo("pong");
    }

    @Test
    void anAnswerKeptAsASliceOfItsFrameDecodesFromItsOffset() {
        byte[] result = new NearestDc("NL", 2, 4).toByteArray();
        byte[] gzipped = gzipped(result);
        byte[] frame = new byte[7 + result.length + gzipped.length + 5];
        System.arraycopy(result, 0, frame, 7, result.length);
        System.arraycopy(gzipped, 0, frame, 7 + result.length, gzipped.length);
        assertThat(RpcAnswer.ofBody(call, frame, 7, result.length).decode()).isEqualTo(new NearestDc("NL", 2, 4));
        assertThat(RpcAnswer.ofBody(call, frame, 7, result.length).size()).isEqualTo(result.length);
        assertThat(RpcAnswer.ofBody(call, frame, 7 + result.length, gzipped.length).decode()).isEqualTo(new NearestDc("NL", 2, 4));
        assertThatThrownBy(() -> RpcAnswer.ofBody(call, frame, 7, 3).decode()).isInstanceOf(TlDecodeException.class);
        assertThatThrownBy(() -> RpcAnswer.ofBody(call, frame, frame.length - 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aGzippedRpcErrorIsThrownTyped() {
        RpcAnswer answer = RpcAnswer.ofBody(call, gzipped(new RpcError(420, "FLOOD_WAIT_5").toByteArray()));
        assertThatThrownBy(answer::decode).isInstanceOfSatisfying(FloodWaitException.class, e -> assertThat(e.waitSeconds()).isEqualTo(5));
    }

    @Test
    void badBodiesAndDeepNestingThrowTlDecodeException() {
        assertThatThrownBy(() -> RpcAnswer.ofBody(call, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).decode()).isInstanceOf(TlDecodeException.class);
        assertThatThrownBy(() -> RpcAnswer.ofBody(call, new byte[2]).decode()).isInstanceOf(TlDecodeException.class);
        byte[] nested = new NearestDc("NL", 2, 4).toByteArray();
        for (int i = 0; i <= RpcAnswer.MAX_GZIP_NESTING; i++) {
            nested = gzipped(nested);
        }
        byte[] tooDeep = nested;
        assertThatThrownBy(() -> RpcAnswer.ofBody(call, tooDeep).decode()).isInstanceOf(TlDecodeException.class)
                .hasMessageContaining("nested deeper");
    }
}
