package dev.mtproto.session.server;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.session.ServiceFunctions;
import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlWriter;
import dev.mtproto.tl.mtproto.RpcAnswerDroppedRunning;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the API calls of a server session: removes their wrappers, refuses calls before
 * {@code initConnection} ({@code CONNECTION_NOT_INITED}), hands them to the {@link ServerSession.CallHandler}
 * and answers with its result, now or when a deferred result completes. A handler's failure other than
 * {@link RpcException} is answered {@code 500 INTERNAL_SERVER_ERROR} and logged; so is a deferred result
 * its owner cancelled (logged at DEBUG only). Not thread-safe.
 */
final class CallRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CallRunner.class);

    private final ServerSession session;
    private final ServerSession.CallHandler handler;
    private final Answers answers;
    private final TlWriter resultWriter = new TlWriter(1024);
    /** Requests whose handler returned a result still to come. */
    private final Set<Long> running = new HashSet<>();
    /** Running requests whose answer the client dropped: they are answered {@code rpc_answer_dropped_running}. */
    private final Set<Long> droppedWhileRunning = new HashSet<>();
    private Executor deferredAnswers = Runnable::run;
    private ServerSession.CallAdmission admission = call -> true;
    private int layer;

    CallRunner(ServerSession session, ServerSession.CallHandler handler, Answers answers) {
        this.session = session;
        this.handler = Objects.requireNonNull(handler, "handler");
        this.answers = answers;
    }

    int layer() {
        return layer;
    }

    void inheritLayer(int knownLayer) {
        if (layer == 0) {
            layer = knownLayer;
        }
    }

    void deferredAnswers(Executor executor) {
        this.deferredAnswers = Objects.requireNonNull(executor, "executor");
    }

    void admission(ServerSession.CallAdmission admission) {
        this.admission = Objects.requireNonNull(admission, "admission");
    }

    /**
     * Runs one call and answers it.
     *
     * @param msgId the request's msg_id
     * @param object the decoded message body
     * @param received records the message as received; run unless the admission refuses the call
     * @return {@code false} if the admission refused the call: it is not received and does not run
     */
    boolean run(long msgId, TlObject object, Runnable received) {
        if (!(object instanceof TlMethod<?> method)) {
            received.run();
            answers.sendError(msgId, 400, "INPUT_METHOD_INVALID");
            return true;
        }
        TlMethod<?> inner = CallWrappers.unwrap(method, announced -> layer = announced);
        if (layer == 0 && !ServiceFunctions.isServiceFunction(inner)) {
            received.run();
            answers.sendError(msgId, 400, "CONNECTION_NOT_INITED");
            return true;
        }
        if (!admission.admit(inner)) {
            return false;
        }
        received.run();
        Object result;
        try {
            result = handler.handle(new ServerSession.ServerCall(inner, msgId, layer, session));
        } catch (RuntimeException e) {
            finish(msgId, inner, null, e);
            return true;
        }
        if (result instanceof CompletionStage<?> later) {
            running.add(msgId);
            later.whenComplete((value, error) -> deferredAnswers.execute(() -> finish(msgId, inner, value, error)));
            return true;
        }
        finish(msgId, inner, result, null);
        return true;
    }

    /**
     * The client dropped the answer of a request: if its handler is still running, the request is answered
     * {@code rpc_answer_dropped_running} once it finishes (https://core.telegram.org/mtproto/service_messages).
     *
     * @param requestMsgId the request's msg_id
     * @return whether the request is still running
     */
    boolean dropWhileRunning(long requestMsgId) {
        if (!running.contains(requestMsgId)) {
            return false;
        }
        droppedWhileRunning.add(requestMsgId);
        return true;
    }

    /** @return whether the request with that msg_id is running (its handler has not finished) */
    boolean isRunning(long msgId) {
        return running.contains(msgId);
    }

    /** Answers a call with its result or its failure; a handler's bug becomes a 500, never a silent drop. */
    private void finish(long msgId, TlMethod<?> call, Object result, Throwable error) {
        running.remove(msgId);
        if (droppedWhileRunning.remove(msgId)) {
            answers.send(msgId, RpcAnswerDroppedRunning.INSTANCE);
            return;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof RpcException e) {
            answers.sendError(msgId, e.code(), e.errorMessage());
            return;
        }
        if (cause == null) {
            try {
                resultWriter.reset();
                Answers.beginRpcResult(resultWriter, msgId);
                ServerResults.write(result, resultWriter);
                LayerCodec codec = session.layerCodec();
                if (codec.writesAsIs(layer)) {
                    answers.sendRpcResult(msgId, resultWriter);
                } else {
                    byte[] ours = Arrays.copyOfRange(resultWriter.buffer(), Answers.RPC_RESULT_HEADER, resultWriter.size());
                    answers.sendSerialized(msgId, codec.writeResult(call, ours, layer));
                }
                return;
            } catch (RuntimeException e) {
                cause = e;
            }
        }
        if (cause instanceof CancellationException) {
            LOG.debug("the deferred result of {} was cancelled; answering 500", call.tlName());
        } else {
            LOG.warn("the handler of " + call.tlName() + " failed; answering 500", cause);
        }
        answers.sendError(msgId, 500, "INTERNAL_SERVER_ERROR");
    }
}
