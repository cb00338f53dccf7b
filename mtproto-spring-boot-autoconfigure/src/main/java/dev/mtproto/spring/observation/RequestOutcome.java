package dev.mtproto.spring.observation;

import dev.mtproto.client.ClientClosedException;
import dev.mtproto.rpc.FloodWaitException;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.session.RequestTimeoutException;
import dev.mtproto.session.SessionClosedException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/** How a call ended, as the bounded {@code outcome} key of {@code mtproto.client.requests}. */
public enum RequestOutcome {
    /** It got its result. */
    SUCCESS,
    /** The DC answered with an RPC error other than a flood wait. */
    RPC_ERROR,
    /** The DC imposed a wait longer than the client waits ({@code FLOOD_WAIT_X} and the like). */
    FLOOD_WAIT,
    /** No answer in time. */
    TIMEOUT,
    /** The caller cancelled it. */
    CANCELLED,
    /** The client or the session closed before the answer. */
    DISCONNECTED,
    /** Any other failure. */
    ERROR;

    /**
     * @param error what the call failed with (wrappers such as {@link CompletionException} are looked through),
     *     or null if it succeeded
     * @return its outcome
     */
    public static RequestOutcome of(@Nullable Throwable error) {
        Throwable e = unwrap(error);
        if (e == null) {
            return SUCCESS;
        }
        if (e instanceof FloodWaitException) {
            return FLOOD_WAIT;
        }
        if (e instanceof RpcException) {
            return RPC_ERROR;
        }
        if (e instanceof RequestTimeoutException) {
            return TIMEOUT;
        }
        if (e instanceof CancellationException) {
            return CANCELLED;
        }
        if (e instanceof ClientClosedException || e instanceof SessionClosedException) {
            return DISCONNECTED;
        }
        return ERROR;
    }

    /**
     * @param error a failure, possibly wrapped
     * @return the failure inside {@link CompletionException} / {@link ExecutionException} wrappers
     */
    static @Nullable Throwable unwrap(@Nullable Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** @return the key's value: the name in lower case ({@code rpc_error}) */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
