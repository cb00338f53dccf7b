package dev.mtproto.benchmarks.crypto;

import dev.mtproto.crypto.AesIge;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * AES-256-IGE throughput. Every benchmark declares its buffer size as operations per invocation, so
 * with {@code Mode.Throughput} in microseconds the score reads directly as bytes/us, that is MB/s
 * (10^6 bytes per second).
 *
 * <p>Run: {@code java -jar mtproto-benchmarks/target/benchmarks.jar 'crypto.AesIge' -f 1 -wi 5 -i 5 -w 2 -r 2}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class AesIgeBenchmark {
    private static final int KIB = 1024;
    private static final int MIB = 1024 * 1024;

    private final AesIge encryptor = new AesIge();
    private final AesIge decryptor = new AesIge();
    private final byte[] key = new byte[32];
    private final byte[] iv = new byte[32];
    private final byte[] small = new byte[KIB];
    private final byte[] smallOut = new byte[KIB];
    private final byte[] large = new byte[MIB];
    private final byte[] largeOut = new byte[MIB];

    /**
     * Fills the inputs and warms the JIT with many small buffers first: the runtime's AES intrinsics
     * are only compiled in after enough small calls.
     */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        random.nextBytes(key);
        random.nextBytes(iv);
        random.nextBytes(small);
        random.nextBytes(large);
        encryptor.initEncrypt(key, iv);
        decryptor.initDecrypt(key, iv);
        for (int i = 0; i < 200_000; i++) {
            encryptor.process(small, 0, KIB, smallOut, 0);
            decryptor.process(smallOut, 0, KIB, small, 0);
        }
    }

    /** Encrypts 1 KiB, continuing one IGE chain. */
    @Benchmark
    @OperationsPerInvocation(KIB)
    public byte[] encrypt1KiB() {
        encryptor.process(small, 0, KIB, smallOut, 0);
        return smallOut;
    }

    /** Decrypts 1 KiB, continuing one IGE chain. */
    @Benchmark
    @OperationsPerInvocation(KIB)
    public byte[] decrypt1KiB() {
        decryptor.process(small, 0, KIB, smallOut, 0);
        return smallOut;
    }

    /** Encrypts 1 MiB, continuing one IGE chain. */
    @Benchmark
    @OperationsPerInvocation(MIB)
    public byte[] encrypt1MiB() {
        encryptor.process(large, 0, MIB, largeOut, 0);
        return largeOut;
    }

    /** Decrypts 1 MiB, continuing one IGE chain. */
    @Benchmark
    @OperationsPerInvocation(MIB)
    public byte[] decrypt1MiB() {
        decryptor.process(large, 0, MIB, largeOut, 0);
        return largeOut;
    }

    /** Encrypts 1 MiB in place. */
    @Benchmark
    @OperationsPerInvocation(MIB)
    public byte[] encrypt1MiBInPlace() {
        encryptor.process(large, 0, MIB);
        return large;
    }
}
