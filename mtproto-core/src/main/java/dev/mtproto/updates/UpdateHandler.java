package dev.mtproto.updates;

/**
 * Receives the updates an {@link UpdateEngine} delivers: one at a time per chat, in order; concurrently for
 * different chats. It runs on the engine's worker threads, never on a connection's I/O loop, so it may block
 * (briefly: while it runs, its chat waits, and a full queue slows reading from Telegram). What it throws is
 * reported as {@link UpdateEngineEvent.HandlerFailed} and the update counts as delivered.
 */
@FunctionalInterface
public interface UpdateHandler {

    /** @param update the update, with its users and chats */
    void onUpdate(IncomingUpdate update);
}
