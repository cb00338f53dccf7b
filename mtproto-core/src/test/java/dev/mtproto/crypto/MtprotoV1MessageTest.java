package dev.mtproto.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MtprotoV1MessageTest {
    private static AuthKey key(int seed) {
        byte[] k = new byte[AuthKey.SIZE];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (i * 31 + seed);
        }
        return AuthKey.of(k);
    }

    @Test
    void aSealedMessageOpensWithItsKeyOnly() {
        byte[] body = new byte[40];
        Arrays.fill(body, (byte) 7);
        byte[] sealed = MtprotoV1Message.seal(key(1), 0x5f000000_00000004L, 0, body, RandomSource.perThread());
        assertThat((sealed.length - 24) % 16).isZero();
        MtprotoV1Message.Opened opened = MtprotoV1Message.open(sealed, key(1)).orElseThrow();
        assertThat(opened.msgId()).isEqualTo(0x5f000000_00000004L);
        assertThat(opened.seqNo()).isZero();
        assertThat(opened.body()).isEqualTo(body);
        assertThat(MtprotoV1Message.open(sealed, key(2))).as("another key").isEmpty();
    }

    @Test
    void everyTamperedByteIsRefused() {
        byte[] sealed = MtprotoV1Message.seal(key(3), 4, 0, new byte[40], RandomSource.perThread());
        for (int i = 0; i < sealed.length; i++) {
            byte[] bad = sealed.clone();
            bad[i] ^= 0x01;
            assertThat(MtprotoV1Message.open(bad, key(3))).as("byte " + i + " flipped").isEmpty();
        }
        assertThat(MtprotoV1Message.open(Arrays.copyOf(sealed, sealed.length - 16), key(3))).isEmpty();
        assertThat(MtprotoV1Message.open(new byte[10], key(3))).isEmpty();
    }
}
