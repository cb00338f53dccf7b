package dev.mtproto.testkit.world.authorizations;

/**
 * A key that proved the phone code (or had its QR token accepted) for an account with a 2FA password:
 * {@code auth.checkPassword} with the right password signs it in.
 *
 * @param userId the account
 * @param apiId the api_id the client signs in with (0 if unknown)
 */
public record PendingPassword(long userId, int apiId) {
}
