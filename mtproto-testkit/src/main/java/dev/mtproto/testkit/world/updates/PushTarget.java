package dev.mtproto.testkit.world.updates;

import dev.mtproto.testkit.TestDc;

/**
 * A key that gets an account's updates: signed in as the account on its home DC.
 *
 * @param dc the account's home DC
 * @param permKeyId the permanent key signed in
 * @param authKeyId the key whose sessions get the pushes: the permanent key, or the temporary key bound to it
 */
public record PushTarget(TestDc dc, long permKeyId, long authKeyId) {
}
