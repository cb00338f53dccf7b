package dev.mtproto.session.server;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlReader;

/**
 * How a server session reads calls and writes answers and updates for a client of another API layer than
 * the generated classes' (https://core.telegram.org/api/invoking#layers): a test DC that serves old
 * clients re-encodes between their layer and ours. {@link #CURRENT} does nothing: every client is taken to
 * speak the generated layer. Implementations must be thread-safe; they are called under the session's lock.
 */
public interface LayerCodec {
    /** Every client speaks the layer of the generated classes: bytes are read and written as they are. */
    LayerCodec CURRENT = new LayerCodec() {
        @Override
        public TlObject readCall(byte[] body, int off, int len, int sessionLayer) {
            return new TlReader(body, off, len).readObject();
        }

        @Override
        public byte[] writeResult(TlMethod<?> call, byte[] result, int layer) {
            return result;
        }

        @Override
        public byte[] writeUpdate(byte[] update, int layer) {
            return update;
        }

        @Override
        public boolean writesAsIs(int layer) {
            return true;
        }
    };

    /**
     * Reads one client message that is not a service message: an API call, possibly wrapped
     * ({@code invokeWithLayer}, {@code initConnection}, ...), or an MTProto object.
     *
     * @param body the buffer holding the message body (inflated if it came in {@code gzip_packed})
     * @param off where the body starts
     * @param len its length
     * @param sessionLayer the layer the session's client announced so far, 0 if none
     * @return the object as the generated classes read it
     * @throws TlDecodeException if the body is malformed
     * @throws RpcException to answer the message with that {@code rpc_error} (a call the generated layer
     *     does not have)
     */
    TlObject readCall(byte[] body, int off, int len, int sessionLayer);

    /**
     * Re-encodes the result of a call for the layer the client announced.
     *
     * @param call the call, unwrapped
     * @param result the result as the generated classes wrote it
     * @param layer the layer the client announced
     * @return the result in that layer (the same array when nothing changes)
     */
    byte[] writeResult(TlMethod<?> call, byte[] result, int layer);

    /**
     * Re-encodes a pushed update (or any object the server pushes) for the layer the client announced.
     *
     * @param update the object as the generated classes wrote it
     * @param layer the layer the session's client announced, 0 if none
     * @return the object in that layer (the same array when nothing changes), or {@code null} to send
     *     nothing: the layer has no such update
     */
    byte[] writeUpdate(byte[] update, int layer);

    /**
     * Whether a layer's results go exactly as the generated classes wrote them, so that the session may
     * write a result straight into its {@code rpc_result} without calling {@link #writeResult} (one array
     * less per answer, which counts for file parts).
     *
     * @param layer the layer the client announced, 0 if none
     * @return true only if {@link #writeResult} returns its {@code result} unchanged for that layer, whatever
     *     the call; by default false
     */
    default boolean writesAsIs(int layer) {
        return false;
    }
}
