package dev.mtproto.client.interceptor;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.FileMigrateHandling;
import dev.mtproto.tl.TlMethod;
import java.time.Duration;
import java.util.Objects;

/**
 * One attempt of a call as it passes through the {@link RpcInterceptor} chain: what to call, where, which
 * attempt, and how long it may take. Immutable; interceptors derive changed copies with the {@code with...}
 * methods.
 *
 * @param callId identifies the call within its client, the same for all its attempts
 * @param method the function
 * @param target the connection the attempt goes to
 * @param attempt 1 for the first attempt
 * @param timeout how long this attempt may wait for its answer
 * @param fileMigrate who follows a {@code FILE_MIGRATE_X} answer: the client's {@link MigrationInterceptor}
 *     or the caller
 * @param <R> the result type
 */
public record RpcRequest<R>(long callId, TlMethod<R> method, ConnectionId target, int attempt, Duration timeout,
                            FileMigrateHandling fileMigrate) {
    /**
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the attempt is below 1 or the timeout not positive
     */
    public RpcRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(fileMigrate, "fileMigrate");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, got " + attempt);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    /**
     * A request whose {@code FILE_MIGRATE} answer the client follows.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the attempt is below 1 or the timeout not positive
     */
    public RpcRequest(long callId, TlMethod<R> method, ConnectionId target, int attempt, Duration timeout) {
        this(callId, method, target, attempt, timeout, FileMigrateHandling.CLIENT_FOLLOWS);
    }

    /**
     * @param connection another connection
     * @return this request sent there instead
     */
    public RpcRequest<R> withTarget(ConnectionId connection) {
        return new RpcRequest<>(callId, method, connection, attempt, timeout, fileMigrate);
    }

    /**
     * @param value another timeout
     * @return this request with that timeout
     */
    public RpcRequest<R> withTimeout(Duration value) {
        return new RpcRequest<>(callId, method, target, attempt, value, fileMigrate);
    }

    /** @return the next attempt of this request (to proceed with again, to retry) */
    public RpcRequest<R> nextAttempt() {
        return new RpcRequest<>(callId, method, target, attempt + 1, timeout, fileMigrate);
    }

    /** @return the TL name of the function */
    public String methodName() {
        return method.tlName();
    }
}
