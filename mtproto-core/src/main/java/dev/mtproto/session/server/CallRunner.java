package dev.mtproto.session.server;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.session.ServiceFunctions;
import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlWriter;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the API calls of a server session: removes their wrappers, refuses calls before
 * {@code initConnection} ({@code CONNECTION_NOT_INITED}), hands them to the {@link ServerSession.CallHandler}
 * and answers with its result, now or when a deferred result completes. A handler's failure other than
 * {@link RpcException} is answered {@code 500 INTERNAL_SERVER_ERROR} and logged. Not thread-safe.
 */
final class CallRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CallRunner.class);

    private final ServerSession session;
    private final ServerSession.CallHandler handler;
    private final Answers answers;
    private final TlWriter resultWriter = new TlWriter(1024);
    private Executor deferredAnswers = Runnable::run;
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

    /**
     * Runs one call and answers it.
     *
     * @param msgId the request's msg_id
     * @param object the decoded message body
     */
    void run(long msgId, TlObject object) {
        if (!(object instanceof TlMethod<?> method)) {
            answers.sendError(msgId, 400, "INPUT_METHOD_INVALID");
            return;
        }
        TlMethod<?> inner = CallWrappers.unwrap(method, announced -> layer = announced);
        if (layer == 0 && !ServiceFunctions.isServiceFunction(inner)) {
            answers.sendError(msgId, 400, "CONNECTION_NOT_INITED");
            return;
        }
        Object result;
        try {
            result = handler.handle(new ServerSession.ServerCall(inner, msgId, layer, session));
        } catch (RuntimeException e) {
            finish(msgId, inner, null, e);
            return;
        }
        if (result instanceof CompletionStage<?> later) {
            later.whenComplete((value, error) -> deferredAnswers.execute(() -> finish(msgId, inner, value, error)));
            return;
        }
        finish(msgId, inner, result, null);
    }

    /** Answers a call with its result or its failure; a handler's bug becomes a 500, never a silent drop. */
    private void finish(long msgId, TlMethod<?> call, Object result, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof RpcException e) {
            answers.sendError(msgId, e.code(), e.errorMessage());
            return;
        }
        if (cause == null) {
            try {
                resultWriter.reset();
                ServerResults.write(result, resultWriter);
                answers.sendSerialized(msgId, resultWriter.toByteArray());
                return;
            } catch (RuntimeException e) {
                cause = e;
            }
        }
        LOG.warn("the handler of " + call.tlName() + " failed; answering 500", cause);
        answers.sendError(msgId, 500, "INTERNAL_SERVER_ERROR");
    }
}
