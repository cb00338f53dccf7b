package dev.mtproto.testkit.world.calls;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.testkit.TestCall;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.authorizations.SignedIn;
import java.util.Optional;

/**
 * Who made a call, as the world's checks found: the DC and key it came on, the permanent key whose
 * authorization it uses (the key itself, or the permanent key a temporary key is bound to), and the
 * account that key is signed in as, if any.
 *
 * @param call the call
 * @param nowSeconds the world's time when it arrived, in Unix seconds
 * @param permKeyId the permanent key the call acts for (for an unbound temporary key, the key itself)
 * @param temporaryKey whether the call came on a temporary key
 * @param authorization what the permanent key is signed in as on this DC
 * @param signedInAs the account of that authorization
 */
public record Caller(TestCall call, long nowSeconds, long permKeyId, boolean temporaryKey, Optional<SignedIn> authorization,
        Optional<Account> signedInAs) {

    /** @return the DC the call came to */
    public int dcId() {
        return call.dcId();
    }

    /**
     * @return the signed-in account
     * @throws RpcException {@code 401 AUTH_KEY_UNREGISTERED} if the key is not signed in
     */
    public Account account() {
        return signedInAs.orElseThrow(() -> WorldErrors.of(401, "AUTH_KEY_UNREGISTERED", call));
    }

    /**
     * @return the authorization of the signed-in key
     * @throws RpcException {@code 401 AUTH_KEY_UNREGISTERED} if the key is not signed in
     */
    public SignedIn signedIn() {
        return authorization.orElseThrow(() -> WorldErrors.of(401, "AUTH_KEY_UNREGISTERED", call));
    }
}
