package dev.mtproto.benchmarks.files;

import dev.mtproto.crypto.AesCtr;
import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.MessageCipher;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The crypto floor of a file transfer: what protecting one 1 MiB part costs both ends together, with nothing
 * else (no sockets, no TL, no copies). The sender encrypts the MTProto 2.0 message (SHA-256 for
 * {@code msg_key}, AES-256-IGE) and obfuscates the frame (AES-256-CTR); the receiver takes the obfuscation
 * off and decrypts with every check. A download pays this with the DC as sender, an upload with the client as
 * sender, so both directions cost the same here.
 *
 * <p>Score: microseconds per part. A 64 MiB file is 64 parts, so {@code 64 × score} is the CPU both ends
 * must spend on crypto per file, and with both ends in one process on {@code n} cores no transfer can beat
 * {@code n × 67.1 MB / (64 × score)}; {@link FileTransferBenchmark} measures the whole transfer.
 *
 * <p>Run: {@code java -jar mtproto-benchmarks/target/benchmarks.jar 'files.PartCrypto' -f 1 -wi 5 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class PartCryptoBenchmark {
    /** A part as the client asks for it, plus the rpc_result, upload.file and message headers around it. */
    private static final int PLAINTEXT = 32 + 1024 * 1024 + 64;
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private MessageCipher sender;
    private MessageCipher receiver;
    private AesCtr senderObfuscation;
    private AesCtr receiverObfuscation;
    private final byte[] plaintext = new byte[PLAINTEXT];
    private byte[] wire;
    private byte[] decrypted;

    /** Builds a random key and part, then warms the paths. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(5);
        byte[] key = new byte[AuthKey.SIZE];
        random.nextBytes(key);
        AuthKey authKey = AuthKey.of(key);
        sender = MessageCipher.forServer(authKey);
        receiver = MessageCipher.forClient(authKey);
        byte[] ctrKey = new byte[32];
        byte[] ctrIv = new byte[16];
        random.nextBytes(ctrKey);
        random.nextBytes(ctrIv);
        senderObfuscation = new AesCtr(ctrKey, ctrIv);
        receiverObfuscation = new AesCtr(ctrKey, ctrIv);
        random.nextBytes(plaintext);
        INTS.set(plaintext, 28, PLAINTEXT - 32);
        wire = new byte[sender.wireLength(PLAINTEXT, 0)];
        decrypted = new byte[wire.length];
        for (int i = 0; i < 200; i++) {
            part();
        }
    }

    /**
     * One part from sender to receiver: encrypt, obfuscate, de-obfuscate, decrypt.
     *
     * @return the plaintext length the receiver found
     */
    @Benchmark
    public int part() {
        int n = sender.encrypt(plaintext, 0, PLAINTEXT, 0, wire, 0);
        senderObfuscation.apply(wire, 0, n);
        receiverObfuscation.apply(wire, 0, n);
        return receiver.decrypt(wire, 0, n, decrypted, 0);
    }
}
