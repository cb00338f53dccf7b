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

class AesCtrTest {
    static Stream<JsonNode> obfuscated2() {
        return TestVectors.load("obfuscated2.json").get("vectors").valueStream();
    }

    @ParameterizedTest
    @MethodSource("obfuscated2")
    void reproducesObfuscated2ClientAndServerStreams(JsonNode v) {
        AesCtr encrypt = new AesCtr(hex(v.get("encrypt_key")), hex(v.get("encrypt_iv")));
        byte[] init = hex(v.get("init_plain"));
        encrypt.apply(init, 0, init.length);
        assertThat(init).isEqualTo(hex(v.get("init_encrypted_full")));
        // The client's stream continues after the 64 header bytes.
        byte[] frame = hex(v.get("client_first_frame_plain"));
        byte[] out = new byte[frame.length];
        encrypt.apply(frame, 0, frame.length, out, 0);
        assertThat(out).isEqualTo(hex(v.get("client_first_frame_encrypted")));

        AesCtr decrypt = new AesCtr(hex(v.get("decrypt_key")), hex(v.get("decrypt_iv")));
        byte[] server = hex(v.get("server_first_frame_encrypted"));
        decrypt.apply(server, 0, server.length);
        assertThat(server).isEqualTo(hex(v.get("server_first_frame_plain")));
    }

    @Test
    void anySplitGivesTheSameStream() {
        Random random = new Random(11);
        byte[] key = new byte[32];
        byte[] iv = new byte[16];
        random.nextBytes(key);
        random.nextBytes(iv);
        iv[15] = (byte) 0xF0; // the counter carries into higher bytes within the test data
        byte[] data = new byte[20_000];
        random.nextBytes(data);
        byte[] whole = data.clone();
        new AesCtr(key, iv).apply(whole, 0, whole.length);
        byte[] javaCtr = referenceCtr(key, iv, data);
        assertThat(whole).isEqualTo(javaCtr);

        for (int round = 0; round < 20; round++) {
            AesCtr ctr = new AesCtr(key, iv);
            byte[] copy = data.clone();
            int pos = 0;
            while (pos < copy.length) {
                int n = Math.min(copy.length - pos, random.nextInt(6000));
                if (random.nextBoolean()) {
                    ctr.apply(copy, pos, n);
                } else {
                    byte[] out = new byte[n + 3];
                    ctr.apply(copy, pos, n, out, 3);
                    System.arraycopy(out, 3, copy, pos, n);
                }
                pos += n;
            }
            assertThat(copy).isEqualTo(whole);
        }
    }

    @Test
    void overlappingRangesWork() {
        byte[] key = new byte[32];
        byte[] iv = new byte[16];
        byte[] data = new byte[9000];
        new Random(3).nextBytes(data);
        byte[] expected = referenceCtr(key, iv, data);
        byte[] buffer = new byte[9100];
        System.arraycopy(data, 0, buffer, 50, data.length);
        new AesCtr(key, iv).apply(buffer, 50, data.length, buffer, 41);
        assertThat(Arrays.copyOfRange(buffer, 41, 41 + data.length)).isEqualTo(expected);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new AesCtr(new byte[32], new byte[12]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> new AesCtr(new byte[20], new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16, 24 or 32");
        AesCtr ctr = new AesCtr(new byte[32], new byte[16]);
        assertThatThrownBy(() -> ctr.apply(new byte[10], 5, 6)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(ctr.toString()).doesNotContain("00000000");
    }

    /** Textbook CTR over single-block ECB with a 128-bit big-endian counter. */
    private static byte[] referenceCtr(byte[] key, byte[] iv, byte[] data) {
        try {
            javax.crypto.Cipher ecb = javax.crypto.Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"));
            java.math.BigInteger counter = new java.math.BigInteger(1, iv);
            java.math.BigInteger mod = java.math.BigInteger.ONE.shiftLeft(128);
            byte[] out = new byte[data.length];
            for (int i = 0; i < data.length; i += 16) {
                byte[] block = BigEndianNumbers.toFixedBigEndian(counter, 16);
                byte[] ks = ecb.doFinal(block);
                for (int k = 0; k < 16 && i + k < data.length; k++) {
                    out[i + k] = (byte) (data[i + k] ^ ks[k]);
                }
                counter = counter.add(java.math.BigInteger.ONE).mod(mod);
            }
            return out;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
