package dev.mtproto.testkit.world;

import dev.mtproto.crypto.AesIge;
import dev.mtproto.crypto.AuthKey;
import dev.mtproto.tl.mtproto.BindAuthKeyInner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The {@code encrypted_message} of {@code auth.bindTempAuthKey} built by hand from
 * https://core.telegram.org/method/auth.bindTempAuthKey#encrypting-the-binding-message (MTProto v1 with the
 * permanent key, https://core.telegram.org/mtproto/description_v1), with knobs to get each part wrong.
 */
final class HandBuiltBinding {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthKey encryptWith;
    private final long msgId;
    private final BindAuthKeyInner inner;
    private int seqNo;
    private Integer msgLen;
    private boolean flipMsgKey;
    private long keyIdInFront;

    HandBuiltBinding(AuthKey permKey, long msgId, BindAuthKeyInner inner) {
        this.encryptWith = permKey;
        this.msgId = msgId;
        this.inner = inner;
        this.keyIdInFront = permKey.id();
    }

    HandBuiltBinding seqNo(int value) {
        seqNo = value;
        return this;
    }

    HandBuiltBinding msgLen(int value) {
        msgLen = value;
        return this;
    }

    HandBuiltBinding flipMsgKey() {
        flipMsgKey = true;
        return this;
    }

    HandBuiltBinding keyIdInFront(long value) {
        keyIdInFront = value;
        return this;
    }

    byte[] encrypt() throws Exception {
        byte[] body = inner.toByteArray();
        // random:int128 | msg_id | seqno | msg_len | bind_auth_key_inner, then padding to 16 bytes
        ByteBuffer plain = ByteBuffer.allocate(80).order(ByteOrder.LITTLE_ENDIAN);
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        plain.put(random).putLong(msgId).putInt(seqNo).putInt(msgLen != null ? msgLen : body.length).put(body);
        int unpadded = plain.position();
        byte[] padding = new byte[plain.remaining()];
        RANDOM.nextBytes(padding);
        plain.put(padding);

        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(plain.array(), 0, unpadded);
        byte[] msgKey = Arrays.copyOfRange(sha1.digest(), 4, 20); // the lower 128 bits
        byte[] key = encryptWith.toByteArray();
        // MTProto v1, client to server (x = 0)
        byte[] a = digest(msgKey, range(key, 0, 32));
        byte[] b = digest(range(key, 32, 48), msgKey, range(key, 48, 64));
        byte[] c = digest(range(key, 64, 96), msgKey);
        byte[] d = digest(msgKey, range(key, 96, 128));
        byte[] aesKey = ByteBuffer.allocate(32).put(a, 0, 8).put(b, 8, 12).put(c, 4, 12).array();
        byte[] aesIv = ByteBuffer.allocate(32).put(a, 8, 12).put(b, 0, 8).put(c, 16, 4).put(d, 0, 8).array();
        byte[] encrypted = AesIge.encrypt(aesKey, aesIv, plain.array());
        if (flipMsgKey) {
            msgKey[0] ^= 1;
        }
        return ByteBuffer.allocate(8 + 16 + encrypted.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(keyIdInFront).put(msgKey).put(encrypted).array();
    }

    private static byte[] range(byte[] b, int from, int to) {
        return Arrays.copyOfRange(b, from, to);
    }

    private static byte[] digest(byte[]... parts) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        Arrays.stream(parts).forEach(sha1::update);
        return sha1.digest();
    }
}
