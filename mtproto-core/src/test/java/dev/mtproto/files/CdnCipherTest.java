package dev.mtproto.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.tl.api.FileHash;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * CDN parts (https://core.telegram.org/cdn): AES-256-CTR with the IV's last 4 bytes set to offset / 16, and the
 * SHA-256 of every hash range.
 */
class CdnCipherTest {
    private static final Random RANDOM = new Random(11);

    @Test
    void aPartDecryptsAtItsOffsetAsOneStreamFromTheStartWould() throws Exception {
        byte[] key = bytes(32);
        byte[] iv = bytes(16);
        Arrays.fill(iv, 12, 16, (byte) 0); // the whole file as one CTR stream starting at block 0
        byte[] plain = bytes(3 * 4096);
        Cipher whole = Cipher.getInstance("AES/CTR/NoPadding");
        whole.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        byte[] encrypted = whole.doFinal(plain);

        byte[] ivWithJunk = iv.clone();
        ivWithJunk[13] = 77; // the last 4 bytes are replaced, whatever they were
        CdnCipher cipher = new CdnCipher(key, ivWithJunk);
        byte[] part = Arrays.copyOfRange(encrypted, 4096, 3 * 4096);
        assertThat(cipher.decrypt(part, 4096)).isEqualTo(Arrays.copyOfRange(plain, 4096, 3 * 4096));
    }

    @Test
    void keysOfTheWrongLengthAreRefused() {
        assertThatThrownBy(() -> new CdnCipher(new byte[16], new byte[16])).isInstanceOf(FilePartException.class);
        assertThatThrownBy(() -> new CdnCipher(new byte[32], new byte[8])).isInstanceOf(FilePartException.class);
    }

    @Test
    void partsAreCheckedRangeByRangeAndAMismatchNamesItsOffset() throws Exception {
        byte[] plain = bytes(8192 + 100);
        CdnHashes hashes = new CdnHashes();
        hashes.add(List.of(hash(plain, 0, 4096), hash(plain, 4096, 4096)));
        assertThat(hashes.check(5, 0, Arrays.copyOf(plain, 8192), false)).as("all known and matching").isEqualTo(-1);
        assertThat(hashes.check(5, 0, plain, true)).as("the tail's hash is missing").isEqualTo(8192);
        hashes.add(List.of(new FileHash(8192, 4096, sha256(plain, 8192, 100)))); // the last range reaches past the end
        assertThat(hashes.check(5, 0, plain, true)).isEqualTo(-1);

        byte[] corrupted = Arrays.copyOf(plain, 8192);
        corrupted[5000] ^= 1;
        assertThatThrownBy(() -> hashes.check(5, 0, corrupted, false)).isInstanceOf(CdnFileHashMismatchException.class)
                .satisfies(e -> {
                    assertThat(((CdnFileHashMismatchException) e).offset()).isEqualTo(4096);
                    assertThat(((CdnFileHashMismatchException) e).cdnDc()).isEqualTo(5);
                });
        assertThatThrownBy(() -> hashes.check(5, 0, Arrays.copyOf(plain, 6000), false)).as("a range crossing the part's end")
                .isInstanceOf(FilePartException.class);
    }

    private static FileHash hash(byte[] data, int offset, int length) throws Exception {
        return new FileHash(offset, length, sha256(data, offset, length));
    }

    private static byte[] sha256(byte[] data, int offset, int length) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update(data, offset, length);
        return d.digest();
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
