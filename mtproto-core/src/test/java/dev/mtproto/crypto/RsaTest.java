package dev.mtproto.crypto;

import static dev.mtproto.crypto.TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class RsaTest {
    private static final JsonNode FILE = TestVectors.load("rsa.json");
    private static final JsonNode PAD = FILE.get("rsa_pad");
    private static final RsaPrivateKey LOCAL_PRIVATE = RsaPrivateKey.fromPem(FILE.get("local_test_private_key_pem").asString());

    static Stream<JsonNode> keys() {
        return FILE.get("keys").valueStream();
    }

    @ParameterizedTest
    @MethodSource("keys")
    void parsesPkcs1PemAndComputesFingerprint(JsonNode v) {
        RsaPublicKey key = RsaPublicKey.fromPem(v.get("pem_pkcs1").asString());
        assertThat(key.modulus()).isEqualTo(new BigInteger(1, hex(v.get("n_be"))));
        assertThat(key.exponent()).isEqualTo(BigInteger.valueOf(v.get("e").asLong()));
        assertThat(key.tlBareEncoding()).isEqualTo(hex(v.get("rsa_public_key_tl_bare")));
        assertThat(Digests.sha1(key.tlBareEncoding())).isEqualTo(hex(v.get("sha1")));
        assertThat(key.fingerprint()).isEqualTo(Long.parseLong(v.get("fingerprint_int64").asString()));
        assertThat(Long.toHexString(key.fingerprint())).isEqualTo(v.get("fingerprint_uint64_hex").asString().substring(2));
        assertThat(key.modulusLength()).isEqualTo(256);
        assertThat(RsaPublicKey.of(key.modulus(), key.exponent())).isEqualTo(key);
    }

    @Test
    void builtInKeysMatchTheVectors() {
        JsonNode keys = FILE.get("keys");
        assertThat(TelegramRsaKeys.PRODUCTION).isEqualTo(RsaPublicKey.fromPem(keys.get(0).get("pem_pkcs1").asString()));
        assertThat(TelegramRsaKeys.TEST).isEqualTo(RsaPublicKey.fromPem(keys.get(1).get("pem_pkcs1").asString()));
        assertThat(TelegramRsaKeys.PRODUCTION.fingerprint()).isEqualTo(0xd09d1d85de64fd85L);
        assertThat(TelegramRsaKeys.TEST.fingerprint()).isEqualTo(0xb25898df208d2603L);
    }

    @Test
    void parsesX509PemToo() throws Exception {
        RsaPublicKey pkcs1 = LOCAL_PRIVATE.publicKey();
        java.security.KeyFactory factory = java.security.KeyFactory.getInstance("RSA");
        java.security.PublicKey jca = factory.generatePublic(new java.security.spec.RSAPublicKeySpec(pkcs1.modulus(), pkcs1.exponent()));
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(jca.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        RsaPublicKey x509 = RsaPublicKey.fromPem(pem);
        assertThat(x509).isEqualTo(pkcs1);
        assertThat(x509.fingerprint()).isEqualTo(Long.parseLong(FILE.get("keys").get(2).get("fingerprint_int64").asString()));
    }

    @Test
    void privateKeyMatchesTheLocalPublicKey() {
        assertThat(LOCAL_PRIVATE.publicKey()).isEqualTo(RsaPublicKey.fromPem(FILE.get("keys").get(2).get("pem_pkcs1").asString()));
        assertThat(LOCAL_PRIVATE.toString()).contains("4ed8ee5d6fe6117d");
    }

    @Test
    void rsaPadStepByStep() {
        byte[] data = hex(PAD.get("data"));
        byte[] padding = hex(PAD.get("random_padding_bytes"));
        byte[] tempKey = hex(PAD.get("temp_key"));
        byte[] dataWithPadding = hex(PAD.get("data_with_padding"));
        assertThat(concat(data, padding)).isEqualTo(dataWithPadding);
        assertThat(RsaPad.reversed(dataWithPadding)).isEqualTo(hex(PAD.get("data_pad_reversed")));
        byte[] dataWithHash = RsaPad.dataWithHash(dataWithPadding, tempKey);
        assertThat(dataWithHash).isEqualTo(hex(PAD.get("data_with_hash")));
        assertThat(AesIge.encrypt(tempKey, new byte[32], dataWithHash)).isEqualTo(hex(PAD.get("aes_encrypted")));
        byte[] keyAesEncrypted = RsaPad.keyAesEncrypted(dataWithPadding, tempKey);
        assertThat(Arrays.copyOf(keyAesEncrypted, 32)).isEqualTo(hex(PAD.get("temp_key_xor")));
        assertThat(keyAesEncrypted).isEqualTo(hex(PAD.get("key_aes_encrypted")));

        RsaPublicKey key = LOCAL_PRIVATE.publicKey();
        ScriptedRandom random = new ScriptedRandom(padding, tempKey);
        byte[] encrypted = RsaPad.encrypt(data, key, random);
        assertThat(random.remaining()).isZero();
        assertThat(encrypted).isEqualTo(hex(PAD.get("encrypted_data")));
    }

    @Test
    void rsaPadInverseOnTheServer() {
        byte[] dataWithPadding = RsaPad.decrypt(hex(PAD.get("encrypted_data")), LOCAL_PRIVATE);
        assertThat(dataWithPadding).isEqualTo(hex(PAD.get("data_with_padding")));
        assertThat(dataWithPadding).startsWith(hex(PAD.get("data")));
    }

    @Test
    void rsaPadRetriesWhenTheResultIsNotBelowTheModulus() {
        // The local key's modulus is about 0.81 * 2^2048, so about one temp_key in five gives a value >= n.
        RsaPublicKey key = LOCAL_PRIVATE.publicKey();
        byte[] data = new byte[100];
        Random random = new Random(8);
        int retried = 0;
        for (int i = 0; i < 40; i++) {
            CountingRandom counting = new CountingRandom(random);
            byte[] encrypted = RsaPad.encrypt(data, key, counting);
            retried += counting.calls > 2 ? 1 : 0;
            assertThat(RsaPad.decrypt(encrypted, LOCAL_PRIVATE)).startsWith(data);
        }
        assertThat(retried).as("encryptions that needed another temp_key").isPositive();
    }

    @Test
    void rsaPadRoundTripsRandomData() {
        Random random = new Random(4);
        for (int len = 0; len <= RsaPad.MAX_DATA_LENGTH; len += 12) {
            byte[] data = new byte[len];
            random.nextBytes(data);
            byte[] encrypted = RsaPad.encrypt(data, LOCAL_PRIVATE.publicKey(), RandomSource.secure());
            assertThat(encrypted).hasSize(256);
            byte[] decrypted = RsaPad.decrypt(encrypted, LOCAL_PRIVATE);
            assertThat(decrypted).hasSize(192);
            assertThat(Arrays.copyOf(decrypted, len)).isEqualTo(data);
        }
    }

    @Test
    void rsaPadInverseRejectsBadInput() {
        byte[] good = hex(PAD.get("encrypted_data"));
        assertThatThrownBy(() -> RsaPad.decrypt(Arrays.copyOf(good, 255), LOCAL_PRIVATE))
                .isInstanceOf(SecurityCheckException.class).hasMessageContaining("not 256");
        byte[] aboveModulus = new byte[256];
        Arrays.fill(aboveModulus, (byte) 0xFF);
        assertThatThrownBy(() -> RsaPad.decrypt(aboveModulus, LOCAL_PRIVATE))
                .isInstanceOf(SecurityCheckException.class).hasMessageContaining("not below the RSA modulus");
        byte[] tampered = good.clone();
        tampered[200] ^= 1;
        assertThatThrownBy(() -> RsaPad.decrypt(tampered, LOCAL_PRIVATE))
                .isInstanceOf(SecurityCheckException.class).hasMessageContaining("hash");
        // Encrypted for a different key: decrypts to garbage, fails the hash.
        RsaPrivateKey other = generateKey();
        byte[] forOther = RsaPad.encrypt(new byte[50], other.publicKey(), RandomSource.secure());
        if (new BigInteger(1, forOther).compareTo(LOCAL_PRIVATE.publicKey().modulus()) < 0) {
            assertThatThrownBy(() -> RsaPad.decrypt(forOther, LOCAL_PRIVATE))
                    .isInstanceOf(SecurityCheckException.class).hasMessageContaining("hash");
        }
        assertThatThrownBy(() -> RsaPad.encrypt(new byte[145], LOCAL_PRIVATE.publicKey(), RandomSource.secure()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 144");
        assertThatThrownBy(() -> RsaPad.encrypt(new byte[10], LOCAL_PRIVATE.publicKey(), (b, o, l) -> Arrays.fill(b, o, o + l, (byte) 0xFF)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("random source");
    }

    @Test
    void legacySchemeRoundTripsAndChecks() {
        byte[] data = hex(PAD.get("data"));
        byte[] encrypted = LegacyRsaEncryption.encrypt(data, LOCAL_PRIVATE.publicKey(), RandomSource.secure());
        assertThat(encrypted).hasSize(256);
        assertThat(LegacyRsaEncryption.decrypt(encrypted, LOCAL_PRIVATE)).isEqualTo(data);

        // Known structure: SHA1(data) + data + padding, raw RSA.
        byte[] padding = new byte[255 - 20 - data.length];
        new Random(1).nextBytes(padding);
        byte[] fixed = LegacyRsaEncryption.encrypt(data, LOCAL_PRIVATE.publicKey(), new ScriptedRandom(padding));
        byte[] block = concat(Digests.sha1(data), data, padding);
        BigInteger expected = new BigInteger(1, block).modPow(LOCAL_PRIVATE.publicKey().exponent(), LOCAL_PRIVATE.publicKey().modulus());
        assertThat(new BigInteger(1, fixed)).isEqualTo(expected);

        byte[] tampered = encrypted.clone();
        tampered[100] ^= 1;
        assertThatThrownBy(() -> LegacyRsaEncryption.decrypt(tampered, LOCAL_PRIVATE))
                .isInstanceOf(SecurityCheckException.class);
        assertThatThrownBy(() -> LegacyRsaEncryption.decrypt(new byte[10], LOCAL_PRIVATE))
                .isInstanceOf(SecurityCheckException.class).hasMessageContaining("not 256");
        assertThatThrownBy(() -> LegacyRsaEncryption.encrypt(new byte[236], LOCAL_PRIVATE.publicKey(), RandomSource.secure()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyRingSelectsTheFirstKnownFingerprint() {
        RsaKeyRing ring = TelegramRsaKeys.production().with(LOCAL_PRIVATE.publicKey());
        long local = LOCAL_PRIVATE.publicKey().fingerprint();
        assertThat(ring.select(123L, local, TelegramRsaKeys.PRODUCTION.fingerprint())).isEqualTo(LOCAL_PRIVATE.publicKey());
        assertThat(ring.find(TelegramRsaKeys.TEST.fingerprint())).isEmpty();
        assertThat(TelegramRsaKeys.test().find(TelegramRsaKeys.TEST.fingerprint())).contains(TelegramRsaKeys.TEST);
        assertThatThrownBy(() -> TelegramRsaKeys.production().select(1L, 2L))
                .isInstanceOf(SecurityCheckException.class).hasMessageContaining("none of the server's 2 RSA key fingerprints");
        assertThat(ring.keys()).hasSize(2);
    }

    @Test
    void rejectsMalformedPem() {
        assertThatThrownBy(() -> RsaPublicKey.fromPem("hello"))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("no PEM block");
        assertThatThrownBy(() -> RsaPublicKey.fromPem("-----BEGIN RSA PUBLIC KEY-----\n!!!!\n-----END RSA PUBLIC KEY-----"))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("Base64");
        assertThatThrownBy(() -> RsaPublicKey.fromPem("-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----"))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("DER");
        assertThatThrownBy(() -> RsaPublicKey.fromPem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("CERTIFICATE");
        assertThatThrownBy(() -> RsaPublicKey.fromPem("-----BEGIN RSA PUBLIC KEY-----\nMAA=\n-----END PUBLIC KEY-----"))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("ends with");
        // A truncated real key.
        String pem = FILE.get("keys").get(0).get("pem_pkcs1").asString();
        String truncated = pem.replace("5+bfo3Nhmcyvk5ftB0WkJ9z6bNZ7yxrP8wIDAQAB\n", "");
        assertThatThrownBy(() -> RsaPublicKey.fromPem(truncated)).isInstanceOf(KeyFormatException.class);
        assertThatThrownBy(() -> RsaPrivateKey.fromPem(pem)).isInstanceOf(KeyFormatException.class)
                .hasMessageContaining("RSA PUBLIC KEY");
    }

    @Test
    void readsPkcs1PrivateKeys() throws Exception {
        RsaPrivateKey generated = generateKey();
        RSAPrivateCrtKey jca = generated.jcaKey();
        byte[] der = pkcs1PrivateKeyDer(jca);
        String pem = "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END RSA PRIVATE KEY-----\n";
        RsaPrivateKey parsed = RsaPrivateKey.fromPem(pem);
        assertThat(parsed.publicKey()).isEqualTo(generated.publicKey());
        byte[] data = new byte[40];
        assertThat(RsaPad.decrypt(RsaPad.encrypt(data, parsed.publicKey(), RandomSource.secure()), parsed)).startsWith(data);
    }

    private static RsaPrivateKey generateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return RsaPrivateKey.of((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] pkcs1PrivateKeyDer(RSAPrivateCrtKey k) {
        BigInteger[] values = {BigInteger.ZERO, k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(),
            k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient()};
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (BigInteger v : values) {
            byte[] content = v.toByteArray();
            body.write(0x02);
            writeLength(body, content.length);
            body.writeBytes(content);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(0x30);
        writeLength(out, body.size());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static void writeLength(java.io.ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >>> 8);
            out.write(length);
        }
    }

    private static byte[] concat(byte[]... parts) {
        return MessageCipherTest.ReferenceMessageEncoder.concat(parts);
    }

    /** Counts calls and serves bytes from a seeded generator. */
    private static final class CountingRandom implements RandomSource {
        private final Random random;
        int calls;

        CountingRandom(Random random) {
            this.random = random;
        }

        @Override
        public void nextBytes(byte[] buffer, int offset, int length) {
            calls++;
            byte[] r = new byte[length];
            random.nextBytes(r);
            System.arraycopy(r, 0, buffer, offset, length);
        }
    }
}
