package dev.mtproto.testkit.world.updates;

import dev.mtproto.tl.api.UpdatesType;

/**
 * Updates on their way to every key of one account.
 *
 * @param userId the account
 * @param updates the updates, in the form this account gets them
 * @param exceptPermKeyId the key that must not get them (it has them as the result of its call), 0 for none
 */
record Outgoing(long userId, UpdatesType updates, long exceptPermKeyId) {
}
