package dev.mtproto.testkit.world.auth;

import dev.mtproto.testkit.TestCall;
import dev.mtproto.testkit.world.calls.WorldErrors;

/**
 * The api_id and api_hash a client signs in with: the world takes any app (as a test DC would one
 * registered at my.telegram.org), but an api_id of 0 or less or an empty api_hash is
 * {@code 400 API_ID_INVALID} (https://core.telegram.org/method/auth.sendCode#possible-errors).
 */
public final class AppCredentials {
    private AppCredentials() {
    }

    /**
     * @param apiId the api_id sent
     * @param apiHash the api_hash sent
     * @param call the call they came in
     * @throws dev.mtproto.rpc.RpcException {@code 400 API_ID_INVALID} if the app is not one
     */
    public static void check(int apiId, String apiHash, TestCall call) {
        if (apiId <= 0 || apiHash == null || apiHash.isBlank()) {
            throw WorldErrors.of(400, "API_ID_INVALID", call);
        }
    }
}
