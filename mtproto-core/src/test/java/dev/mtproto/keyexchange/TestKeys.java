package dev.mtproto.keyexchange;

import dev.mtproto.crypto.RsaKeyRing;
import dev.mtproto.crypto.RsaPrivateKey;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;

/** RSA keys for test servers: the local test key of rsa.json and freshly generated 2048-bit keys. */
final class TestKeys {
    /** {@code local_test_private_key_pem} of rsa.json (fingerprint 0x4ed8ee5d6fe6117d). */
    static final RsaPrivateKey LOCAL = RsaPrivateKey.fromPem(
            Vectors.load("rsa.json").get("local_test_private_key_pem").asString());

    private static RsaPrivateKey fresh;

    private TestKeys() {
    }

    /** A 2048-bit key generated once per test run. */
    static synchronized RsaPrivateKey fresh() {
        if (fresh == null) {
            fresh = generate();
        }
        return fresh;
    }

    static RsaPrivateKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return RsaPrivateKey.of((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static RsaKeyRing ring(RsaPrivateKey... keys) {
        RsaKeyRing ring = RsaKeyRing.of();
        for (RsaPrivateKey key : keys) {
            ring = ring.with(key.publicKey());
        }
        return ring;
    }
}
