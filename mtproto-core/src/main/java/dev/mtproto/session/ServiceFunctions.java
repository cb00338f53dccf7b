package dev.mtproto.session;

import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.mtproto.MtprotoSchema;

/**
 * Tells the functions of the MTProto schema ({@code ping}, {@code get_future_salts}, {@code rpc_drop_answer},
 * {@code destroy_session}, ...) from API calls. The session layer answers them itself on both sides: they
 * need no {@code initConnection} first and are not API calls a client counts as such.
 */
public final class ServiceFunctions {
    private ServiceFunctions() {
    }

    /**
     * @param method a function (or any object)
     * @return whether its constructor belongs to the MTProto schema rather than the API
     */
    public static boolean isServiceFunction(TlObject method) {
        return MtprotoSchema.INSTANCE.nameOf(method.constructorId()) != null;
    }
}
