package dev.mtproto.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class PaddedPacketsTest {

    @Test
    void trimsUnencryptedPacketsByTheirDeclaredLength() {
        ByteBuffer b = ByteBuffer.allocate(20 + 40 + 12).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, 0).putLong(8, 1L << 32).putInt(16, 40);
        assertThat(PaddedPackets.packetLength(b.array(), 0, 72)).isEqualTo(60);
        assertThat(PaddedPackets.packetLength(b.array(), 0, 60)).isEqualTo(60);
        b.putInt(16, 400); // declares more than the frame holds: left for the envelope check to reject
        assertThat(PaddedPackets.packetLength(b.array(), 0, 72)).isEqualTo(72);
        b.putInt(16, 8); // more than 15 bytes of "padding": not ours to hide
        assertThat(PaddedPackets.packetLength(b.array(), 0, 72)).isEqualTo(72);
    }

    @Test
    void trimsEncryptedPacketsToWholeBlocks() {
        byte[] frame = new byte[24 + 64 + 12];
        frame[0] = 1;
        assertThat(PaddedPackets.packetLength(frame, 0, frame.length)).isEqualTo(88);
        assertThat(PaddedPackets.packetLength(frame, 0, 88)).isEqualTo(88);
        assertThat(PaddedPackets.packetLength(frame, 0, 12)).isEqualTo(12);
    }
}
