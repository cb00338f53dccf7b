package dev.mtproto.transport;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Decides from the first bytes a client sends which transport it speaks, in this order:
 * <ol>
 *   <li>{@code ef}: abridged; {@code eeeeeeee}: intermediate; {@code dddddddd}: padded intermediate
 *       (rejected when an MTProxy secret is configured);</li>
 *   <li>an HTTP verb or a TLS handshake record: rejected as unsupported;</li>
 *   <li>with 64 bytes: an obfuscated2 header whose decrypted protocol tag names a framing (using the
 *       configured secret, if any);</li>
 *   <li>otherwise, without a secret: the full transport, if the first int is a plausible length and the
 *       second is sequence number 0. A complete first frame with a valid CRC decides before 64 bytes
 *       have arrived, because a full-transport client may send less than 64 bytes and then wait.</li>
 * </ol>
 * Looks at no more than 64 bytes, so detection needs bounded memory.
 */
final class TransportDetector {

    /** The outcome: the framing, the obfuscation layer if any, and how many prefix bytes it used up. */
    record Detection(TransportKind kind, ObfuscatedStream obfuscation, int consumed) {
    }

    static final int MAX_PREFIX = Obfuscated2Header.LENGTH;

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int[] HTTP_VERBS = {0x44414548, 0x54534f50, 0x20544547, 0x4954504f};
    private static final int TLS_RECORD_START = 0x02010316;

    private final MtproxySecret secret;
    private final int maxFrameLength;

    TransportDetector(MtproxySecret secret, int maxFrameLength) {
        this.secret = secret;
        this.maxFrameLength = maxFrameLength;
    }

    /**
     * Looks at the first {@code n} bytes (at most 64) the client sent.
     *
     * @return the detection, or null if more bytes are needed
     * @throws TransportException if the bytes name no supported transport
     */
    Detection detect(byte[] p, int n) {
        if (n == 0) {
            return null;
        }
        if ((p[0] & 0xff) == 0xef) {
            return plain(TransportKind.ABRIDGED, 1);
        }
        if (n < 4) {
            return null;
        }
        int first = (int) INT_LE.get(p, 0);
        if (first == 0xeeeeeeee) {
            return plain(TransportKind.INTERMEDIATE, 4);
        }
        if (first == 0xdddddddd) {
            return plain(TransportKind.PADDED_INTERMEDIATE, 4);
        }
        for (int verb : HTTP_VERBS) {
            if (first == verb) {
                throw new TransportException("the HTTP transport is not supported");
            }
        }
        if (first == TLS_RECORD_START) {
            throw new TransportException("FakeTLS is not supported yet");
        }
        if (n >= MAX_PREFIX) {
            ObfuscatedStream stream = ObfuscatedStream.server(p, 0, secret);
            Optional<TransportKind> kind = TransportKind.fromObfuscationTag(stream.header().protocolTag());
            if (kind.isPresent()) {
                return new Detection(kind.get(), stream, MAX_PREFIX);
            }
            if (secret != null) {
                throw new TransportException("obfuscated2: unknown protocol tag 0x"
                        + Integer.toHexString(stream.header().protocolTag()) + " (wrong MTProxy secret?)");
            }
        }
        if (secret == null && fullLengthPlausible(first) && (n < 8 || (int) INT_LE.get(p, 4) == 0)) {
            if (n >= MAX_PREFIX || (n >= first && crcValid(p, first))) {
                return new Detection(TransportKind.FULL, null, 0);
            }
            return null;
        }
        if (n >= MAX_PREFIX) {
            throw new TransportException("unrecognised transport, first bytes "
                    + HexFormat.of().formatHex(p, 0, 8));
        }
        return null;
    }

    private Detection plain(TransportKind kind, int tagLength) {
        if (secret != null) {
            throw new TransportException("the MTProxy requires obfuscated2 with its secret, the client sent the "
                    + kind.displayName() + " tag");
        }
        return new Detection(kind, null, tagLength);
    }

    private boolean fullLengthPlausible(int length) {
        return length >= 16 && (length & 3) == 0 && length - 12L <= maxFrameLength;
    }

    private static boolean crcValid(byte[] p, int length) {
        CRC32 crc = new CRC32();
        crc.update(p, 0, length - 4);
        return (int) crc.getValue() == (int) INT_LE.get(p, length - 4);
    }
}
