package dev.mtproto.session;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.mtproto.GzipPacked;
import dev.mtproto.tl.mtproto.RpcError;
import java.util.Objects;

/**
 * The answer to one call, as the session received it and before it is decoded: the session hands it over
 * under its lock, and whoever completes the call's future decodes it on a thread of its own with
 * {@link #decode()}, so that neither gunzip nor result decoding holds up the connection.
 *
 * <p>It holds the bytes of the {@code result} of an {@code rpc_result} (gzip-packed or not): a copy, or, for
 * a large frame that was decrypted into an array of its own, a slice of that array, which nothing writes
 * into any more; or, for service calls the session answers itself ({@code ping}, {@code get_future_salts},
 * {@code destroy_session}), the value already decoded. Immutable and thread-safe.
 */
public final class RpcAnswer {
    /** How many {@code gzip_packed} may nest in one answer (Telegram uses one). */
    public static final int MAX_GZIP_NESTING = 4;

    private final OutgoingCall<?> call;
    private final byte[] body;
    private final int offset;
    private final int length;
    private final Object value;

    private RpcAnswer(OutgoingCall<?> call, byte[] body, int offset, int length, Object value) {
        this.call = Objects.requireNonNull(call, "call");
        this.body = body;
        this.offset = offset;
        this.length = length;
        this.value = value;
    }

    /**
     * @param call the call answered
     * @param result the bytes of the {@code rpc_result}'s {@code result}, from its constructor id on (the
     *     array is kept, not copied)
     * @return an answer decoded on demand
     */
    public static RpcAnswer ofBody(OutgoingCall<?> call, byte[] result) {
        return new RpcAnswer(call, Objects.requireNonNull(result, "result"), 0, result.length, null);
    }

    /**
     * @param call the call answered
     * @param b an array holding the bytes of the {@code rpc_result}'s {@code result}; kept, not copied, so
     *     nothing may write into it afterwards
     * @param offset where the result starts (its constructor id)
     * @param length its length
     * @return an answer decoded on demand
     * @throws IndexOutOfBoundsException if the range is not within the array
     */
    public static RpcAnswer ofBody(OutgoingCall<?> call, byte[] b, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(b, "result").length);
        return new RpcAnswer(call, b, offset, length, null);
    }

    /**
     * @param call the call answered
     * @param value the result, already decoded
     * @return an answer whose {@link #decode()} returns {@code value}
     */
    public static RpcAnswer ofValue(OutgoingCall<?> call, Object value) {
        return new RpcAnswer(call, null, 0, 0, Objects.requireNonNull(value, "value"));
    }

    /** @return the call answered */
    public OutgoingCall<?> call() {
        return call;
    }

    /** @return how many bytes the undecoded answer holds (0 for an answer already decoded) */
    public int size() {
        return length;
    }

    /**
     * Decodes the answer: gunzips it (bounded in size and nesting), turns an {@code rpc_error} into its
     * exception, and reads the result as the call's result type. Safe on any thread, and may be called
     * more than once.
     *
     * @return the result, of the call's result type
     * @throws RpcException (or a subclass such as {@link dev.mtproto.rpc.FloodWaitException}) if the server
     *     answered {@code rpc_error}
     * @throws TlDecodeException if the bytes are not a valid answer of the call's result type, or gzip data
     *     is corrupt, too large or nested deeper than {@value #MAX_GZIP_NESTING}
     */
    public Object decode() {
        if (body == null) {
            return value;
        }
        byte[] b = body;
        int off = offset;
        int len = length;
        for (int depth = 0; peek(b, off, len) == GzipPacked.CONSTRUCTOR_ID; depth++) {
            if (depth == MAX_GZIP_NESTING) {
                throw new TlDecodeException(0, "gzip_packed nested deeper than " + MAX_GZIP_NESTING + " levels in an answer");
            }
            b = GzipCodecPool.gunzip(new TlReader(b, off + 4, len - 4).readBytes());
            off = 0;
            len = b.length;
        }
        if (peek(b, off, len) == RpcError.CONSTRUCTOR_ID) {
            RpcError error = RpcError.readBare(new TlReader(b, off + 4, len - 4));
            throw RpcException.of(error.errorCode(), error.errorMessage(), call.name());
        }
        return call.method().readResult(new TlReader(b, off, len));
    }

    private static int peek(byte[] b, int off, int len) {
        if (len < 4) {
            throw new TlDecodeException(0, "answer of " + len + " bytes");
        }
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    @Override
    public String toString() {
        return "RpcAnswer{" + call.name() + (body == null ? ", decoded" : ", " + length + " bytes") + "}";
    }
}
