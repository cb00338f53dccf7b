package dev.mtproto.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The server salt to use right after key exchange:
 * {@code substr(new_nonce, 0, 8) XOR substr(server_nonce, 0, 8)}, read as the little-endian long that
 * goes into the first 8 bytes of each message's plaintext.
 */
public final class FirstServerSalt {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private FirstServerSalt() {
    }

    /**
     * Computes the first salt.
     *
     * @param newNonce the 32-byte {@code new_nonce}, in wire order
     * @param serverNonce the 16-byte {@code server_nonce}, in wire order
     * @return the salt as a little-endian long
     * @throws IllegalArgumentException if a nonce has the wrong length
     */
    public static long of(byte[] newNonce, byte[] serverNonce) {
        TmpAesKey.requireLength(newNonce, 32, "new_nonce");
        TmpAesKey.requireLength(serverNonce, 16, "server_nonce");
        return (long) LONGS.get(newNonce, 0) ^ (long) LONGS.get(serverNonce, 0);
    }
}
