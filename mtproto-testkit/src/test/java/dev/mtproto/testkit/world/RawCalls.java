package dev.mtproto.testkit.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.testkit.RawClient;
import dev.mtproto.tl.api.auth.Authorization;
import dev.mtproto.tl.api.auth.SentCode;
import dev.mtproto.tl.api.auth.SignIn;
import dev.mtproto.tl.mtproto.RpcError;

/**
 * Calls on a {@link RawClient}, for what the DC answers before any client policy acts on it: our own
 * {@code MtprotoClient} follows {@code *_MIGRATE_X} and sits out short {@code FLOOD_WAIT_X} by itself, so
 * tests of those answers read them off the wire.
 */
final class RawCalls {
    private RawCalls() {
    }

    /** Checks that an answer is this {@code rpc_error}. */
    static void assertRpcError(Object answer, int code, String message) {
        assertThat(answer).isInstanceOf(RpcError.class);
        RpcError e = (RpcError) answer;
        assertThat(e.errorCode()).as(e.errorMessage()).isEqualTo(code);
        assertThat(e.errorMessage()).isEqualTo(message);
    }

    /** Signs the raw client's key in with the code the world sent to the phone. */
    static Authorization signIn(RawClient raw, World world, String phone) {
        Object sent = raw.call(WorldClient.sendCode(phone));
        assertThat(sent).as("auth.sendCode").isInstanceOf(SentCode.class);
        Object signedIn = raw.call(SignIn.builder().phoneNumber(phone).phoneCodeHash(((SentCode) sent).phoneCodeHash())
                .phoneCode(world.logins().code(phone)).build());
        assertThat(signedIn).as("auth.signIn").isInstanceOf(Authorization.class);
        return (Authorization) signedIn;
    }
}
