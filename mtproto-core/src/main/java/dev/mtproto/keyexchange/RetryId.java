package dev.mtproto.keyexchange;

import dev.mtproto.crypto.AuthKey;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** The {@code retry_id} of a {@code set_client_DH_params} sent after {@code dh_gen_retry}. */
final class RetryId {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private RetryId() {
    }

    /** @return the {@code auth_key_aux_hash} of the key the retry refused, as a little-endian long */
    static long of(AuthKey refused) {
        return (long) LONGS.get(refused.auxHash(), 0);
    }
}
