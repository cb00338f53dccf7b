package dev.mtproto.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.crypto.RandomSource;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The per-message path allocates (almost) nothing once warm: buffers are reused, the layer chain is
 * wired once, AES-CTR runs in place, whole frames are reported as views into the read buffer.
 */
class PerMessageAllocationTest {

    private static final int MESSAGES = 2000;

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void steadyStateEncodeAndDecode(TransportKind kind) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Random r = new Random(1);
        RandomSource random = (dst, off, len) -> {
            for (int i = 0; i < len; i++) {
                dst[off + i] = (byte) r.nextInt(256);
            }
        };
        boolean obfuscated = kind.supportsObfuscation();
        ClientTransport client = ClientTransport.builder(kind).obfuscated(obfuscated).random(random).build();
        ServerTransport server = ServerTransport.builder().random(random).build();
        byte[] payload = new byte[352];
        r.nextBytes(payload);
        byte[] wire = new byte[64 * 1024];
        int[] wireLength = new int[1];
        ByteSink toWire = (b, off, len) -> {
            System.arraycopy(b, off, wire, wireLength[0], len);
            wireLength[0] += len;
        };
        int[] frames = new int[1];
        FrameListener count = (b, off, len, q) -> frames[0]++;

        byte[] preamble = client.connectionPreamble();
        server.decode(preamble, 0, preamble.length, count);
        long before = 0;
        for (int round = 0; round < 2; round++) {
            if (round == 1) {
                before = threads.getCurrentThreadAllocatedBytes();
            }
            for (int i = 0; i < MESSAGES; i++) {
                wireLength[0] = 0;
                client.encode(payload, 0, payload.length, false, toWire);
                client.encode(payload, 0, payload.length, false, toWire);
                server.decode(wire, 0, wireLength[0], count);
                wireLength[0] = 0;
                server.encode(payload, 0, payload.length, toWire);
                client.decode(wire, 0, wireLength[0], count);
            }
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(frames[0]).isEqualTo(2 * MESSAGES * 3);
        assertThat(allocated).as("bytes allocated for %d frames", 3 * MESSAGES).isLessThan(32 * 1024);
    }
}
