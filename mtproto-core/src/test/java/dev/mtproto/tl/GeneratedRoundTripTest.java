package dev.mtproto.tl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.tl.api.ApiSchema;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every generated constructor and function of both schemas: random instances encode, decode to an equal
 * object with the same hash, and re-encode to the same bytes. For every class with optional fields, the
 * flag bits are exercised all absent, all present, each one alone and each one missing.
 */
class GeneratedRoundTripTest {

    @Test
    void schemasHaveTheExpectedSize() {
        assertThat(ApiSchema.LAYER).isEqualTo(228);
        // Telegram's api.tl of layer 228 declares 1,642 constructors; boolFalse, boolTrue and true are built-ins
        assertThat(GeneratedInstances.SCHEMAS.get(0).generated().filter(i -> i.kind() == TlConstructorInfo.Kind.CONSTRUCTOR)).hasSize(1639);
        assertThat(GeneratedInstances.SCHEMAS.get(0).generated().filter(i -> i.kind() == TlConstructorInfo.Kind.FUNCTION)).hasSize(806);
        assertThat(ApiSchema.INSTANCE.nameOf(0x1cb5c415)).as("the built-in vector, which Telegram's file leaves implicit").isEqualTo("vector");
        assertThat(TlRegistry.standard().schemas()).extracting(TlSchema::name).containsExactlyInAnyOrder("Api", "Mtproto");
    }

    @TestFactory
    Stream<DynamicTest> everyClassRoundTripsWithRandomValues() {
        return GeneratedInstances.withRandomValues(GeneratedRoundTripTest::assertRoundTrip);
    }

    @TestFactory
    Stream<DynamicTest> everyFlagBitIsExercisedAloneAndInCombination() {
        return GeneratedInstances.withEveryFlagPlan(GeneratedRoundTripTest::assertRoundTrip);
    }

    private static void assertRoundTrip(TlConstructorInfo info, TlObject value) {
        assertThat(value.constructorId()).isEqualTo(info.id());
        assertThat(value.tlName()).isEqualTo(info.name());
        byte[] bytes = value.toByteArray();
        assertThat(value.toByteArray()).as("encoding twice gives the same bytes").isEqualTo(bytes);

        TlReader r = new TlReader(bytes);
        TlObject decoded = r.readObject();
        r.expectEnd();
        assertThat(decoded).as("decode(encode(x)) equals x for %s", info.name()).isEqualTo(value);
        assertThat(decoded.hashCode()).isEqualTo(value.hashCode());
        assertThat(decoded.toByteArray()).as("re-encoding %s", info.name()).isEqualTo(bytes);
        assertThat(decoded.toString()).startsWith(info.name() + "{");
    }
}
