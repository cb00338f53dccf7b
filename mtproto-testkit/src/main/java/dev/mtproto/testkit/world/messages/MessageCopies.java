package dev.mtproto.testkit.world.messages;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which copies of a private-chat or basic-group message belong together: such a message is in every
 * member's common box under that member's own id (https://core.telegram.org/api/updates), so an edit, a
 * deletion for everyone, a reaction or a reply names one copy and reaches the others through this record.
 * Thread-safe.
 */
public final class MessageCopies {
    private record Copy(long ownerId, int id) {
    }

    private final Map<Copy, Map<Long, Integer>> families = new HashMap<>();

    /**
     * Records the copies of one message.
     *
     * @param idsByOwner each owner's message id
     */
    public synchronized void add(Map<Long, Integer> idsByOwner) {
        Map<Long, Integer> family = Map.copyOf(idsByOwner);
        family.forEach((owner, id) -> families.put(new Copy(owner, id), family));
    }

    /**
     * @param ownerId an account
     * @param id a message id in its common box
     * @return every owner's id of that message (just this one if it was never shared)
     */
    public synchronized Map<Long, Integer> of(long ownerId, int id) {
        return families.getOrDefault(new Copy(ownerId, id), Map.of(ownerId, id));
    }

    /**
     * @param ownerId an account
     * @param id a message id in its common box
     * @param otherId another account
     * @return the other account's id of the same message, if it has a copy
     */
    public synchronized Optional<Integer> idFor(long ownerId, int id, long otherId) {
        return Optional.ofNullable(of(ownerId, id).get(otherId));
    }
}
