package dev.mtproto.fuzz.tl;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mtproto.fuzz.AllocationBudget;
import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlReader;

/**
 * The TL reader decoding arbitrary bytes as every boxed type of the generated schemas
 * (https://core.telegram.org/mtproto/serialize). The first two bytes (little-endian, modulo the number of
 * types) pick the type from {@link BoxedTypes#ALL}, index 0 meaning "any object" ({@link TlReader#readObject},
 * functions included); the rest is the boxed value.
 *
 * <p>Allowed out: {@link TlDecodeException} only. A value that decodes must encode again, and the encoding
 * must decode to an equal value that encodes to the same bytes.
 */
class TlReaderFuzzTest {
    /** Objects, their lists and the re-encoding: a few dozen bytes per byte at most; no large fixed part. */
    private static final AllocationBudget BUDGET = new AllocationBudget(64, 256 << 10);

    @FuzzTest(maxDuration = "10s")
    void decodeAsEveryBoxedType(byte[] input) {
        // The first input, the empty one, loads every generated class here (BoxedTypes' initializer). Jazzer
        // runs the committed inputs as plain test invocations after installing its agent and before libFuzzer
        // starts, so the classes are instrumented as they load and the per-input time limit does not apply.
        // Loading them earlier (in a @BeforeAll) made the agent retransform all 2,300 of them: 10 s more a burst.
        int types = BoxedTypes.ALL.size() + 1;
        if (input.length < 2) {
            return;
        }
        int pick = ((input[0] & 0xff) | (input[1] & 0xff) << 8) % types;
        BUDGET.run(input.length, () -> roundTrip(pick, input));
    }

    private static void roundTrip(int pick, byte[] input) {
        TlObject value;
        try {
            value = decode(pick, input, 2, input.length - 2);
        } catch (TlDecodeException expected) {
            return;
        }
        byte[] encoded = value.toByteArray();
        TlObject again = decode(pick, encoded, 0, encoded.length);
        assertThat(again).isEqualTo(value);
        assertThat(again.toByteArray()).isEqualTo(encoded);
    }

    private static TlObject decode(int pick, byte[] b, int off, int len) {
        TlReader r = new TlReader(b, off, len);
        return pick == 0 ? r.readObject() : BoxedTypes.ALL.get(pick - 1).decode(r);
    }
}
