package dev.mtproto.testkit.world.passwords;

/**
 * What {@code account.getPassword} hands out for one password check.
 *
 * @param srpId {@code srp_id}
 * @param srpB {@code srp_B}, 256 bytes big-endian
 */
public record SrpChallenge(long srpId, byte[] srpB) {
    @Override
    public String toString() {
        return "SrpChallenge[srpId=" + srpId + "]";
    }
}
