package dev.mtproto.testkit.world.authorizations;

/**
 * A permanent key signed in as an account on one DC: an authorization, as {@code account.getAuthorizations}
 * lists them. Keys on other DCs that imported it ({@code auth.importAuthorization}) share its hash, so that
 * logging out ends them together.
 *
 * @param hash the authorization's id ({@code authorization.hash})
 * @param userId the account
 * @param dcId the DC
 * @param permKeyId the permanent key
 * @param imported whether it came from {@code auth.importAuthorization} rather than a sign-in on this DC
 * @param apiId the api_id the client signed in with (0 if unknown)
 * @param createdAt when, in Unix seconds
 */
public record SignedIn(long hash, long userId, int dcId, long permKeyId, boolean imported, int apiId, long createdAt) {
}
