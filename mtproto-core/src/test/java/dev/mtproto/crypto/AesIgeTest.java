package dev.mtproto.crypto;

import static dev.mtproto.crypto.TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class AesIgeTest {
    private static final JsonNode FILE = TestVectors.load("aes_ige.json");

    static Stream<JsonNode> vectors() {
        return FILE.get("vectors").valueStream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encryptsAndDecryptsKnownAnswerVector(JsonNode v) {
        byte[] key = hex(v.get("key"));
        byte[] iv = hex(v.get("iv"));
        byte[] plain = hex(v.get("plaintext"));
        byte[] cipher = hex(v.get("ciphertext"));

        assertThat(AesIge.encrypt(key, iv, plain)).isEqualTo(cipher);
        assertThat(AesIge.decrypt(key, iv, cipher)).isEqualTo(plain);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void worksInPlaceAndAtOffsets(JsonNode v) {
        byte[] key = hex(v.get("key"));
        byte[] iv = hex(v.get("iv"));
        byte[] plain = hex(v.get("plaintext"));
        byte[] cipher = hex(v.get("ciphertext"));
        AesIge ige = new AesIge();

        byte[] buffer = new byte[plain.length + 7];
        System.arraycopy(plain, 0, buffer, 3, plain.length);
        ige.initEncrypt(key, iv);
        ige.process(buffer, 3, plain.length);
        assertThat(Arrays.copyOfRange(buffer, 3, 3 + plain.length)).isEqualTo(cipher);

        ige.initDecrypt(key, iv);
        ige.process(buffer, 3, plain.length);
        assertThat(Arrays.copyOfRange(buffer, 3, 3 + plain.length)).isEqualTo(plain);
    }

    @Test
    void chainContinuesAcrossCallsAndExposesTheNextIv() {
        JsonNode chain = FILE.get("chain");
        byte[] key = hex(chain.get("key"));
        byte[] iv = hex(chain.get("iv"));
        byte[] plain = hex(chain.get("plaintext"));
        byte[] cipher = hex(chain.get("ciphertext"));
        int split = chain.get("split_at").asInt();
        byte[] ivAfterFirst = hex(chain.get("iv_after_first_part"));

        AesIge ige = new AesIge();
        ige.initEncrypt(key, iv);
        byte[] out = new byte[plain.length];
        ige.process(plain, 0, split, out, 0);
        byte[] midIv = new byte[32];
        ige.currentIv(midIv, 0);
        assertThat(midIv).isEqualTo(ivAfterFirst);
        ige.process(plain, split, plain.length - split, out, split);
        assertThat(out).isEqualTo(cipher);

        // A fresh chain started from the exposed IV gives the second half too.
        ige.initEncrypt(key, ivAfterFirst);
        byte[] second = new byte[plain.length - split];
        ige.process(plain, split, second.length, second, 0);
        assertThat(second).isEqualTo(Arrays.copyOfRange(cipher, split, cipher.length));

        ige.initDecrypt(key, iv);
        byte[] back = new byte[plain.length];
        ige.process(cipher, 0, split, back, 0);
        ige.currentIv(midIv, 0);
        assertThat(midIv).isEqualTo(ivAfterFirst);
        ige.process(cipher, split, cipher.length - split, back, split);
        assertThat(back).isEqualTo(plain);
    }

    @Test
    void largeRandomBuffersRoundTripAndMatchBlockwiseReference() {
        Random random = new Random(42);
        AesIge ige = new AesIge();
        for (int blocks : new int[] {1, 2, 3, 255, 256, 257, 511, 1024, 3000}) {
            byte[] key = new byte[32];
            byte[] iv = new byte[32];
            byte[] plain = new byte[blocks * 16];
            random.nextBytes(key);
            random.nextBytes(iv);
            random.nextBytes(plain);

            byte[] expected = ReferenceIge.encrypt(key, iv, plain);
            byte[] cipher = new byte[plain.length];
            ige.initEncrypt(key, iv);
            ige.process(plain, 0, plain.length, cipher, 0);
            assertThat(cipher).as("encrypt %d blocks", blocks).isEqualTo(expected);

            // Split at odd places: the chain must continue.
            byte[] split = plain.clone();
            ige.initEncrypt(key, iv);
            int pos = 0;
            while (pos < split.length) {
                int n = Math.min(split.length - pos, 16 * (1 + random.nextInt(300)));
                ige.process(split, pos, n);
                pos += n;
            }
            assertThat(split).isEqualTo(expected);

            byte[] back = cipher.clone();
            ige.initDecrypt(key, iv);
            ige.process(back, 0, back.length);
            assertThat(back).isEqualTo(plain);
        }
    }

    @Test
    void overlappingRangesAtDifferentOffsetsWork() {
        Random random = new Random(7);
        byte[] key = new byte[32];
        byte[] iv = new byte[32];
        byte[] plain = new byte[313 * 16];
        random.nextBytes(key);
        random.nextBytes(iv);
        random.nextBytes(plain);
        byte[] expected = ReferenceIge.encrypt(key, iv, plain);
        AesIge ige = new AesIge();
        for (int shift : new int[] {-24, -16, -5, 5, 16, 24}) {
            byte[] buffer = new byte[plain.length + 64];
            int srcOffset = 32;
            System.arraycopy(plain, 0, buffer, srcOffset, plain.length);
            ige.initEncrypt(key, iv);
            ige.process(buffer, srcOffset, plain.length, buffer, srcOffset + shift);
            assertThat(Arrays.copyOfRange(buffer, srcOffset + shift, srcOffset + shift + plain.length))
                    .as("encrypt shift %d", shift).isEqualTo(expected);

            System.arraycopy(expected, 0, buffer, srcOffset, expected.length);
            ige.initDecrypt(key, iv);
            ige.process(buffer, srcOffset, plain.length, buffer, srcOffset + shift);
            assertThat(Arrays.copyOfRange(buffer, srcOffset + shift, srcOffset + shift + plain.length))
                    .as("decrypt shift %d", shift).isEqualTo(plain);
        }
    }

    @Test
    void rejectsBadArguments() {
        AesIge ige = new AesIge();
        byte[] data = new byte[32];
        assertThatThrownBy(() -> ige.process(data, 0, 16))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not initialised");
        assertThatThrownBy(() -> ige.initEncrypt(new byte[31], new byte[32]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16, 24 or 32");
        assertThatThrownBy(() -> ige.initDecrypt(new byte[32], new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        ige.initEncrypt(new byte[32], new byte[32]);
        assertThatThrownBy(() -> ige.process(data, 0, 17))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 16");
        assertThatThrownBy(() -> ige.process(data, 8, 32))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> AesIge.decrypt(new byte[32], new byte[32], new byte[20]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 16");
    }

    @Test
    void processDoesNotAllocate() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
                "needs HotSpot's per-thread allocation counter");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        AesIge encryptor = new AesIge();
        AesIge decryptor = new AesIge();
        encryptor.initEncrypt(new byte[32], new byte[32]);
        decryptor.initDecrypt(new byte[32], new byte[32]);
        byte[] a = new byte[64 * 1024];
        byte[] b = new byte[64 * 1024];
        for (int i = 0; i < 200; i++) { // warm up, and create the lazily allocated scratch buffers
            encryptor.process(a, 0, a.length, b, 0);
            encryptor.process(a, 0, 4096);
            decryptor.process(b, 0, b.length, a, 0);
        }
        long thread = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 100; i++) {
            encryptor.process(a, 0, a.length, b, 0);
            encryptor.process(a, 0, a.length);
            decryptor.process(b, 0, b.length, a, 0);
        }
        long allocated = mx.getThreadAllocatedBytes(thread) - before;
        // 300 calls over 19 MiB: anything per block would show as megabytes.
        assertThat(allocated).as("bytes allocated by 300 process calls").isLessThan(16 * 1024);
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        AesIge ige = new AesIge();
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 0x5A);
        ige.initEncrypt(key, new byte[32]);
        assertThat(ige.toString()).doesNotContain("5A").doesNotContain("5a").contains("encrypting");
    }

    /** Textbook IGE over single-block AES/ECB, used as an independent reference. */
    static final class ReferenceIge {
        static byte[] encrypt(byte[] key, byte[] iv, byte[] plain) {
            try {
                javax.crypto.Cipher ecb = javax.crypto.Cipher.getInstance("AES/ECB/NoPadding");
                ecb.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"));
                byte[] prevC = Arrays.copyOfRange(iv, 0, 16);
                byte[] prevM = Arrays.copyOfRange(iv, 16, 32);
                byte[] out = new byte[plain.length];
                byte[] block = new byte[16];
                for (int i = 0; i < plain.length; i += 16) {
                    for (int k = 0; k < 16; k++) {
                        block[k] = (byte) (plain[i + k] ^ prevC[k]);
                    }
                    byte[] e = ecb.doFinal(block);
                    for (int k = 0; k < 16; k++) {
                        out[i + k] = (byte) (e[k] ^ prevM[k]);
                    }
                    prevC = Arrays.copyOfRange(out, i, i + 16);
                    prevM = Arrays.copyOfRange(plain, i, i + 16);
                }
                return out;
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
