package dev.mtproto.session.server;

import dev.mtproto.session.GzipCodec;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlWriter;
import dev.mtproto.tl.mtproto.GzipPacked;
import dev.mtproto.tl.mtproto.RpcError;
import dev.mtproto.tl.mtproto.RpcResult;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers of a server session: each written as an {@code rpc_result} (gzipped when that pays), queued
 * for sending with its msg_id and seqno given at once, and kept by request msg_id until the client acknowledges it, so that a request resent after
 * a reconnect gets the same answer again instead of running twice. The kept answers are bounded by count
 * and bytes, oldest forgotten first. Not thread-safe.
 */
final class Answers {
    /** Answers kept for requests that may be resent. */
    static final int CACHE_SIZE = 2048;
    /** The most bytes of answers kept for requests that may be resent. */
    static final long CACHE_BYTES = 64L << 20;
    /** Results at least this large are gzipped when that makes them smaller. */
    static final int GZIP_THRESHOLD = 512;
    /** The bytes of an {@code rpc_result} before its result: the constructor id and {@code req_msg_id}. */
    static final int RPC_RESULT_HEADER = 12;

    private final OutboundQueue queue;
    private final GzipCodec gzip;
    private final Map<Long, OutboundMessage> kept = new LinkedHashMap<>();
    private long keptBytes;

    Answers(OutboundQueue queue, GzipCodec gzip) {
        this.queue = queue;
        this.gzip = gzip;
    }

    /** Answers a request with an object ({@code rpc_drop_answer}'s answer, {@code destroy_session_ok}, ...). */
    void send(long requestMsgId, TlObject result) {
        sendSerialized(requestMsgId, result.toByteArray());
    }

    /** Answers a request with {@code rpc_error}. */
    void sendError(long requestMsgId, int code, String message) {
        send(requestMsgId, new RpcError(code, message));
    }

    /**
     * Answers a request.
     *
     * @param requestMsgId the request's msg_id
     * @param result the serialized result
     */
    void sendSerialized(long requestMsgId, byte[] result) {
        byte[] gz = result.length >= GZIP_THRESHOLD ? gzip.gzipIfSmaller(result, 0, result.length) : null;
        queueWrapped(requestMsgId, gz == null ? result : new GzipPacked(gz).toByteArray());
    }

    /**
     * Starts an answer written in place: the {@code rpc_result} header, after which the caller writes the
     * result and hands the writer to {@link #sendRpcResult}.
     *
     * @param w an empty writer
     * @param requestMsgId the request's msg_id
     */
    static void beginRpcResult(TlWriter w, long requestMsgId) {
        w.writeInt(RpcResult.CONSTRUCTOR_ID);
        w.writeLong(requestMsgId);
    }

    /**
     * Answers a request with the {@code rpc_result} a writer holds ({@link #beginRpcResult} and the result
     * after it), copied once into the kept answer; the writer can be reused at once. The same as
     * {@link #sendSerialized} with the result alone, without the intermediate array of the result.
     *
     * @param requestMsgId the request's msg_id
     * @param w the writer
     */
    void sendRpcResult(long requestMsgId, TlWriter w) {
        int resultLength = w.size() - RPC_RESULT_HEADER;
        byte[] gz = resultLength >= GZIP_THRESHOLD ? gzip.gzipIfSmaller(w.buffer(), RPC_RESULT_HEADER, resultLength) : null;
        if (gz != null) {
            queueWrapped(requestMsgId, new GzipPacked(gz).toByteArray());
        } else {
            queue(requestMsgId, w.toByteArray());
        }
    }

    /** Queues a result (plain or {@code gzip_packed}) in its {@code rpc_result}, built in one array. */
    private void queueWrapped(long requestMsgId, byte[] payload) {
        byte[] body = new byte[RPC_RESULT_HEADER + payload.length];
        ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).putInt(RpcResult.CONSTRUCTOR_ID).putLong(requestMsgId).put(payload);
        queue(requestMsgId, body);
    }

    /** Queues an {@code rpc_result} body and keeps it for a resent request. */
    private void queue(long requestMsgId, byte[] body) {
        OutboundMessage answer = new OutboundMessage(body, true, true, OutboundMessage.Kind.ANSWER, requestMsgId);
        queue.addStamped(answer);
        forget(requestMsgId);
        kept.put(requestMsgId, answer);
        keptBytes += answer.body.length;
        for (Iterator<OutboundMessage> it = kept.values().iterator();
                it.hasNext() && (kept.size() > CACHE_SIZE || keptBytes > CACHE_BYTES); ) {
            keptBytes -= it.next().body.length;
            it.remove();
        }
    }

    /**
     * A request came again: its kept answer, if any, is queued again (never a second execution).
     *
     * @param requestMsgId the request's msg_id
     */
    void resend(long requestMsgId) {
        OutboundMessage answer = kept.get(requestMsgId);
        if (answer != null) {
            queue.addStamped(new OutboundMessage(answer.body, true, true, OutboundMessage.Kind.ANSWER, requestMsgId));
        }
    }

    /**
     * @param requestMsgId a request's msg_id
     * @return its kept answer, or {@code null}
     */
    OutboundMessage kept(long requestMsgId) {
        return kept.get(requestMsgId);
    }

    /** Forgets the answer to a request: the client has it, or dropped it. */
    void forget(long requestMsgId) {
        OutboundMessage removed = kept.remove(requestMsgId);
        if (removed != null) {
            keptBytes -= removed.body.length;
        }
    }
}
