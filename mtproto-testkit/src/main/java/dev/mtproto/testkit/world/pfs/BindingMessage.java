package dev.mtproto.testkit.world.pfs;

import static dev.mtproto.testkit.world.crypto.WorldDigests.sha1;

import dev.mtproto.crypto.AesIge;
import dev.mtproto.crypto.AuthKey;
import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.mtproto.BindAuthKeyInner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code encrypted_message} of {@code auth.bindTempAuthKey}, opened and checked as
 * https://core.telegram.org/method/auth.bindTempAuthKey#encrypting-the-binding-message says: encrypted
 * "in the usual way, but with MTProto v1" with the permanent key, that is
 * {@code perm_auth_key_id | msg_key | AES-IGE(random:int128 | msg_id | seqno | msg_len | bind_auth_key_inner | padding)}
 * with {@code msg_key} the lower 128 bits of SHA-1 of the plaintext before padding, and the AES key and IV
 * derived from the key and {@code msg_key} as MTProto v1 did (x = 0, client to server). The message must
 * carry the request's own msg_id, seqno 0, msg_len 40, at most 15 bytes of padding, and a
 * {@code bind_auth_key_inner}.
 */
final class BindingMessage {
    private static final int HEADER = 8 + 16;
    private static final int INNER_LENGTH = 40;
    private static final int PLAIN_MIN = 16 + 8 + 4 + 4 + INNER_LENGTH;

    private BindingMessage() {
    }

    /**
     * @param encrypted {@code encrypted_message}
     * @param permKey the permanent key it names
     * @param requestMsgId the msg_id of the {@code auth.bindTempAuthKey} request
     * @return the inner message, or empty if anything about the message is wrong
     */
    static Optional<BindAuthKeyInner> open(byte[] encrypted, AuthKey permKey, long requestMsgId) {
        int bodyLength = encrypted.length - HEADER;
        if (bodyLength < PLAIN_MIN || bodyLength % 16 != 0
                || ByteBuffer.wrap(encrypted).order(ByteOrder.LITTLE_ENDIAN).getLong(0) != permKey.id()) {
            return Optional.empty();
        }
        byte[] msgKey = Arrays.copyOfRange(encrypted, 8, HEADER);
        byte[] key = permKey.toByteArray();
        byte[] a = sha1(msgKey, slice(key, 0, 32));
        byte[] b = sha1(slice(key, 32, 16), msgKey, slice(key, 48, 16));
        byte[] c = sha1(slice(key, 64, 32), msgKey);
        byte[] d = sha1(msgKey, slice(key, 96, 32));
        byte[] aesKey = concat(slice(a, 0, 8), slice(b, 8, 12), slice(c, 4, 12));
        byte[] aesIv = concat(slice(a, 8, 12), slice(b, 0, 8), slice(c, 16, 4), slice(d, 0, 8));
        byte[] plain = AesIge.decrypt(aesKey, aesIv, Arrays.copyOfRange(encrypted, HEADER, encrypted.length));
        Arrays.fill(key, (byte) 0);
        ByteBuffer header = ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN);
        int msgLength = header.getInt(28);
        if (msgLength != INNER_LENGTH || plain.length - PLAIN_MIN > 15 || header.getLong(16) != requestMsgId || header.getInt(24) != 0
                || !MessageDigest.isEqual(slice(sha1(slice(plain, 0, PLAIN_MIN)), 4, 16), msgKey)) {
            return Optional.empty();
        }
        try {
            TlReader r = new TlReader(plain, 32, INNER_LENGTH);
            if (r.readInt() != BindAuthKeyInner.CONSTRUCTOR_ID) {
                return Optional.empty();
            }
            return Optional.of(BindAuthKeyInner.readBare(r));
        } catch (TlDecodeException e) {
            return Optional.empty();
        }
    }

    private static byte[] slice(byte[] b, int from, int length) {
        return Arrays.copyOfRange(b, from, from + length);
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer out = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] p : parts) {
            out.put(p);
        }
        return out.array();
    }
}
