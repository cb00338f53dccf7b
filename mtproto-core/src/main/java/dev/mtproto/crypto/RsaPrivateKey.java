package dev.mtproto.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Objects;
import javax.crypto.Cipher;

/**
 * An RSA private key for the server side of key exchange (the in-process test server): decrypts what
 * clients encrypted for the matching {@link RsaPublicKey}. Wraps a JCA CRT key, so decryption uses the
 * provider's CRT and blinding.
 *
 * <p>Immutable. {@code toString} shows only the public fingerprint.
 */
public final class RsaPrivateKey {
    private final RSAPrivateCrtKey key;
    private final RsaPublicKey publicKey;

    private RsaPrivateKey(RSAPrivateCrtKey key) {
        this.key = key;
        this.publicKey = RsaPublicKey.of(key.getModulus(), key.getPublicExponent());
    }

    /**
     * Wraps a JCA RSA CRT private key.
     *
     * @param key the key; it must carry its public exponent (CRT form)
     * @return the wrapped key
     */
    public static RsaPrivateKey of(RSAPrivateCrtKey key) {
        return new RsaPrivateKey(Objects.requireNonNull(key, "key"));
    }

    /**
     * Reads a private key from PEM: PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}) or PKCS#1
     * ({@code -----BEGIN RSA PRIVATE KEY-----}).
     *
     * @param pem the PEM text; only the first block is read
     * @return the key
     * @throws KeyFormatException if the text is not an RSA private key in one of these formats
     */
    public static RsaPrivateKey fromPem(String pem) {
        PemBlock block = PemBlock.parse(pem);
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            switch (block.label()) {
                case "PRIVATE KEY":
                    return new RsaPrivateKey((RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(block.der())));
                case "RSA PRIVATE KEY": {
                    DerReader seq = new DerReader(block.der()).sequence();
                    BigInteger version = seq.integer();
                    if (version.signum() != 0) {
                        throw new KeyFormatException("PKCS#1 RSAPrivateKey version " + version + " is not supported");
                    }
                    RSAPrivateCrtKeySpec spec = new RSAPrivateCrtKeySpec(seq.integer(), seq.integer(), seq.integer(),
                            seq.integer(), seq.integer(), seq.integer(), seq.integer(), seq.integer());
                    return new RsaPrivateKey((RSAPrivateCrtKey) factory.generatePrivate(spec));
                }
                default:
                    throw new KeyFormatException("PEM label '" + block.label()
                            + "' is not PRIVATE KEY or RSA PRIVATE KEY");
            }
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new KeyFormatException("PEM block '" + block.label() + "' is not an RSA CRT private key", e);
        }
    }

    /**
     * Returns the matching public key.
     *
     * @return the public key (with its fingerprint)
     */
    public RsaPublicKey publicKey() {
        return publicKey;
    }

    /** The wrapped JCA key, for this package's tests. */
    RSAPrivateCrtKey jcaKey() {
        return key;
    }

    /**
     * Raw RSA decryption: {@code block^d mod n}, written as {@link RsaPublicKey#modulusLength()}
     * big-endian bytes.
     *
     * @param block big-endian bytes of a number
     * @return the result, left-padded to the modulus length
     * @throws SecurityCheckException if the number is not below n
     */
    public byte[] decryptRaw(byte[] block) {
        BigInteger c = new BigInteger(1, block);
        if (c.compareTo(key.getModulus()) >= 0) {
            throw new SecurityCheckException("RSA ciphertext is not below the modulus");
        }
        int size = publicKey.modulusLength();
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/NoPadding");
            rsa.init(Cipher.DECRYPT_MODE, key);
            byte[] out = rsa.doFinal(BigEndianNumbers.toFixedBigEndian(c, size));
            return out.length == size ? out : BigEndianNumbers.toFixedBigEndian(new BigInteger(1, out), size);
        } catch (GeneralSecurityException e) {
            throw new CryptoProviderException("RSA/ECB/NoPadding decryption failed", e);
        }
    }

    @Override
    public String toString() {
        return "RsaPrivateKey[public " + publicKey + "]";
    }
}
