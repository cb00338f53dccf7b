package dev.mtproto.telegram.media;

import dev.mtproto.files.TransferCancelledException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The future a media send returns. Cancelling it cancels what the send is doing: the uploads it started (no
 * more parts go out), the call in flight (the DC is asked not to answer), and no later step (such as
 * {@code messages.sendMedia}) starts. Futures derived from it with {@code thenApply}... are plain
 * {@link CompletableFuture}s.
 *
 * @param <T> what the send gives
 */
final class SendInProgress<T> extends CompletableFuture<T> {
    /** Guarded by this; null once cancelled. */
    private List<Runnable> onCancel = new ArrayList<>();

    /**
     * Starts one step of the send, unless the send was cancelled; cancelling the send later cancels it.
     *
     * @param start starts the step
     * @param <U> what the step gives
     * @return the step's outcome; a {@link TransferCancelledException} if the send was cancelled before
     */
    <U> CompletableFuture<U> step(Supplier<CompletableFuture<U>> start) {
        if (isCancelled()) {
            return CompletableFuture.failedFuture(new TransferCancelledException("the send was cancelled"));
        }
        CompletableFuture<U> f = start.get();
        whenCancelled(() -> f.cancel(false));
        return f;
    }

    /**
     * @param action run when the send is cancelled, at once if it is already
     */
    void whenCancelled(Runnable action) {
        synchronized (this) {
            if (onCancel != null) {
                onCancel.add(action);
                return;
            }
        }
        action.run();
    }

    /**
     * Completes this send as the outcome does.
     *
     * @param outcome the last step's outcome
     * @return this
     */
    SendInProgress<T> completeFrom(CompletableFuture<? extends T> outcome) {
        outcome.whenComplete((r, e) -> {
            if (e == null) {
                complete(r);
            } else {
                completeExceptionally(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            }
        });
        return this;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            List<Runnable> actions;
            synchronized (this) {
                actions = onCancel;
                onCancel = null;
            }
            if (actions != null) {
                actions.forEach(Runnable::run);
            }
        }
        return cancelled;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }
}
