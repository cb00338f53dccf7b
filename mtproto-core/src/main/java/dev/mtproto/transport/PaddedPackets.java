package dev.mtproto.transport;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Removes the random padding of the padded intermediate transport from an MTProto packet. The framing
 * cannot tell padding from payload, but MTProto packets carry their own length: an unencrypted packet
 * ({@code auth_key_id} 0) is {@code 20 + message_data_length} bytes, an encrypted one 24 bytes plus a
 * multiple of 16.
 */
public final class PaddedPackets {
    private static final int UNENCRYPTED_HEADER = 20;
    private static final int ENCRYPTED_HEADER = 24;
    private static final int MAX_PADDING = 15;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private PaddedPackets() {
    }

    /**
     * @param buf the frame's buffer
     * @param off where the frame starts
     * @param len the frame's length, padding included
     * @return the length of the MTProto packet it carries; {@code len} itself when the frame is not a
     *     well-formed packet (the consumer's checks then reject it)
     */
    public static int packetLength(byte[] buf, int off, int len) {
        if (len >= UNENCRYPTED_HEADER && (long) LONG.get(buf, off) == 0) {
            long exact = UNENCRYPTED_HEADER + (long) (int) INT.get(buf, off + 16);
            return exact >= UNENCRYPTED_HEADER && exact <= len && len - exact <= MAX_PADDING ? (int) exact : len;
        }
        return len >= ENCRYPTED_HEADER ? ENCRYPTED_HEADER + ((len - ENCRYPTED_HEADER) & ~15) : len;
    }
}
