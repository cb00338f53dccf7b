package dev.mtproto.updates;

/**
 * Takes an update before the handlers get it, for something waiting for exactly that update (a conversation
 * waiting for a user's answer). A claimed update counts as delivered and no handler sees it. Claims are
 * asked in the engine's order of delivery, on the engine's update thread with its lock held: they must be
 * quick and must not block or call the client; hand the update on to another thread.
 */
@FunctionalInterface
public interface UpdateClaim {

    /**
     * @param update an update about to be handed to the handlers
     * @return true to take it
     */
    boolean claim(IncomingUpdate update);
}
