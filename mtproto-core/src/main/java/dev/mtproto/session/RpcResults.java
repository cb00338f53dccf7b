package dev.mtproto.session;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.mtproto.RpcError;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Hands a call the {@code result} of its {@code rpc_result}, undecoded; only a plain {@code rpc_error} is read.
 * A large answer (a file part) keeps its bytes where the frame was decrypted, without a copy.
 */
final class RpcResults {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private RpcResults() {
    }

    /** @return the {@code req_msg_id} of the {@code rpc_result} message at {@code b[off]} */
    static long requestId(byte[] b, int off, int len) {
        return new TlReader(b, off + 4, len - 4).readLong();
    }

    /**
     * Reports the answer of the {@code rpc_result} message at {@code b[off]} to its call.
     *
     * @param mayReinitialize whether {@code CONNECTION_NOT_INITED} is to be handed back rather than reported
     * @return false when the server answered CONNECTION_NOT_INITED and {@code mayReinitialize} is set: the call
     *     was not reported but is to be resent wrapped in initConnection
     * @throws TlDecodeException if the message is too short, or its {@code rpc_error} malformed
     */
    static boolean deliver(SessionEvents events, OutgoingCall<?> call, byte[] b, int off, int len, boolean mayReinitialize) {
        int at = off + 12;
        int length = len - 12;
        if (length < 4) {
            throw new TlDecodeException(0, "rpc_result of " + len + " bytes");
        }
        if ((int) INT.get(b, at) == RpcError.CONSTRUCTOR_ID) {
            RpcError error = RpcError.readBare(new TlReader(b, at + 4, length - 4));
            if (mayReinitialize && error.errorCode() == 400 && "CONNECTION_NOT_INITED".equals(error.errorMessage())) {
                return false;
            }
            events.error(call, RpcException.of(error.errorCode(), error.errorMessage(), call.name()));
            return true;
        }
        events.answer(call, adopts(b, length) ? RpcAnswer.ofBody(call, b, at, length) : RpcAnswer.ofBody(call, Arrays.copyOfRange(b, at, at + length)));
        return true;
    }

    /**
     * Whether the answer may keep a slice of {@code b} rather than a copy: when the array is the frame's own
     * (decrypted into an array of its own, or inflated: not this thread's reused scratch buffer) and the
     * answer is most of it, so that a small answer does not hold a large frame in memory.
     */
    private static boolean adopts(byte[] b, int length) {
        return length >= b.length / 2 && !ScratchBuffers.ofThread().isShared(b);
    }
}
