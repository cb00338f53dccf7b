package dev.mtproto.testkit.world.calls;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.testkit.TestCall;
import java.util.Locale;

/** The {@code rpc_error}s the world answers with, named as Telegram names them (https://core.telegram.org/api/errors). */
public final class WorldErrors {
    private WorldErrors() {
    }

    /**
     * @param code the error code
     * @param message the error message, such as {@code PHONE_CODE_INVALID} or {@code FLOOD_WAIT_3}
     * @param call the call it answers
     * @return the exception that makes the DC answer so
     */
    public static RpcException of(int code, String message, TestCall call) {
        return of(code, message, call.method().tlName());
    }

    /**
     * @param code the error code
     * @param message the error message
     * @param method the TL name of the function it answers
     * @return the exception that makes the DC answer so
     */
    public static RpcException of(int code, String message, String method) {
        return RpcException.of(code, message, method);
    }

    /**
     * @param call a call that nothing answers: neither a test's script nor the world
     * @return {@code 400 METHOD_NOT_SCRIPTED_IN_TESTKIT_<NAME>}, so that a missing script is obvious
     */
    public static RpcException notScripted(TestCall call) {
        String name = call.method().tlName();
        return RpcException.of(400, "METHOD_NOT_SCRIPTED_IN_TESTKIT_" + name.replace('.', '_').toUpperCase(Locale.ROOT), name);
    }
}
