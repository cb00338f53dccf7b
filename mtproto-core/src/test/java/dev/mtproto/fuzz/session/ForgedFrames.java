package dev.mtproto.fuzz.session;

import dev.mtproto.crypto.AesIge;
import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.MessageDirection;
import dev.mtproto.crypto.MessageKeyDerivation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Encrypts any plaintext as a server holding the key would (MTProto 2.0,
 * https://core.telegram.org/mtproto/description#defining-aes-key-and-initialization-vector): the msg_key
 * is computed over the plaintext as given, so a frame passes the auth_key_id and msg_key checks even when
 * its declared length or padding is wrong, which {@link dev.mtproto.crypto.MessageCipher} refuses to make.
 */
public final class ForgedFrames {
    private final AuthKey key;
    private final byte[] keyBytes;
    private final MessageKeyDerivation derivation = new MessageKeyDerivation();

    /** @param key the key both sides hold */
    public ForgedFrames(AuthKey key) {
        this.key = key;
        this.keyBytes = key.toByteArray();
    }

    /**
     * @param plaintext header, body and padding; cut down to a multiple of 16 bytes (AES blocks)
     * @return {@code auth_key_id | msg_key | encrypted_data}
     */
    public byte[] encrypt(byte[] plaintext) {
        byte[] data = Arrays.copyOf(plaintext, plaintext.length & ~15);
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha256.update(keyBytes, 88 + MessageDirection.SERVER_TO_CLIENT.x(), 32);
        byte[] msgKey = Arrays.copyOfRange(sha256.digest(data), 8, 24);
        byte[] aesKey = new byte[32];
        byte[] aesIv = new byte[32];
        derivation.derive(key, MessageDirection.SERVER_TO_CLIENT, msgKey, 0, aesKey, 0, aesIv, 0);
        byte[] encrypted = AesIge.encrypt(aesKey, aesIv, data);
        return ByteBuffer.allocate(24 + encrypted.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(key.id()).put(msgKey).put(encrypted).array();
    }
}
