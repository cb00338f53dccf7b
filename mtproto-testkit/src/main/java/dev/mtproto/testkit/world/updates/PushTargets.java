package dev.mtproto.testkit.world.updates;

import java.util.List;

/** Finds the keys that get an account's updates. */
@FunctionalInterface
public interface PushTargets {
    /**
     * @param userId an account
     * @return every key signed in as it on its home DC (a permanent key with a temporary key bound to it
     *     appears once for each)
     */
    List<PushTarget> of(long userId);
}
