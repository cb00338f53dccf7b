package dev.mtproto.testkit.world.passwords;

/** The outcome of a password check, named as the error {@code auth.checkPassword} answers with. */
public enum SrpCheck {
    /** The password is right. */
    OK,
    /** {@code 400 SRP_ID_INVALID}: the srp_id is unknown, used, expired, or another account's. */
    SRP_ID_INVALID,
    /** {@code 400 SRP_PASSWORD_CHANGED}: the password changed since {@code account.getPassword}. */
    SRP_PASSWORD_CHANGED,
    /** {@code 400 PASSWORD_HASH_INVALID}: the password is wrong. */
    PASSWORD_HASH_INVALID
}
