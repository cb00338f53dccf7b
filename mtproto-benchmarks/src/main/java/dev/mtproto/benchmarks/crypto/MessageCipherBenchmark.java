package dev.mtproto.benchmarks.crypto;

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
 * Per-message cost of MTProto 2.0 protection: one client-side encryption and one server-side decryption
 * (with all checks) of a 352-byte plaintext (32-byte header and 320-byte body, the median message size),
 * each with its own {@code msg_key}, key derivation and AES key schedule. Output buffers are reused, so
 * {@code -prof gc} shows what the crypto path itself allocates.
 *
 * <p>Run: {@code java -jar mtproto-benchmarks/target/benchmarks.jar 'crypto.MessageCipher' -f 1 -wi 5 -i 5
 * -w 2 -r 2 -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class MessageCipherBenchmark {
    private static final int PLAINTEXT = 352;
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private MessageCipher client;
    private MessageCipher server;
    private final byte[] plaintext = new byte[PLAINTEXT];
    private byte[] wire;
    private byte[] decrypted;

    /** Builds a random key and message, then warms the AES paths with small calls. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(3);
        byte[] key = new byte[AuthKey.SIZE];
        random.nextBytes(key);
        AuthKey authKey = AuthKey.of(key);
        client = MessageCipher.forClient(authKey);
        server = MessageCipher.forServer(authKey);
        random.nextBytes(plaintext);
        INTS.set(plaintext, 28, PLAINTEXT - 32);
        wire = new byte[client.wireLength(PLAINTEXT, 0)];
        decrypted = new byte[wire.length];
        for (int i = 0; i < 100_000; i++) {
            roundTrip();
        }
    }

    /** Encrypts on the client and decrypts on the server; returns the plaintext length found. */
    @Benchmark
    public int roundTrip() {
        int n = client.encrypt(plaintext, 0, PLAINTEXT, 0, wire, 0);
        return server.decrypt(wire, 0, n, decrypted, 0);
    }

    /** Client-side encryption alone. */
    @Benchmark
    public int encryptOnly() {
        return client.encrypt(plaintext, 0, PLAINTEXT, 0, wire, 0);
    }
}
