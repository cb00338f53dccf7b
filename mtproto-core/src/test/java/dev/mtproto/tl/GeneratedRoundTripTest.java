package dev.mtproto.tl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.tl.api.ApiRandomObjects;
import dev.mtproto.tl.api.ApiSchema;
import dev.mtproto.tl.mtproto.MtprotoRandomObjects;
import dev.mtproto.tl.mtproto.MtprotoSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.IntPredicate;
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

    private record Schema(TlSchema schema, BiFunction<Integer, TlRandomSource, TlObject> factory) {
    }

    private static final List<Schema> SCHEMAS = List.of(
            new Schema(ApiSchema.INSTANCE, ApiRandomObjects::create),
            new Schema(MtprotoSchema.INSTANCE, MtprotoRandomObjects::create));

    private static Stream<TlConstructorInfo> generated(Schema s) {
        return s.schema().constructors().stream().filter(i -> i.kind() != TlConstructorInfo.Kind.BUILTIN);
    }

    @Test
    void schemasHaveTheExpectedSize() {
        assertThat(ApiSchema.LAYER).isEqualTo(223);
        assertThat(generated(SCHEMAS.get(0)).filter(i -> i.kind() == TlConstructorInfo.Kind.CONSTRUCTOR)).hasSize(1546); // the package's 1545 plus the built-in null
        assertThat(generated(SCHEMAS.get(0)).filter(i -> i.kind() == TlConstructorInfo.Kind.FUNCTION)).hasSize(766);
        assertThat(TlRegistry.standard().schemas()).extracting(TlSchema::name).containsExactlyInAnyOrder("Api", "Mtproto");
    }

    @TestFactory
    Stream<DynamicTest> everyClassRoundTripsWithRandomValues() {
        return SCHEMAS.stream().flatMap(s -> generated(s).map(info -> DynamicTest.dynamicTest(info.name(), () -> {
            for (long seed = 1; seed <= 4; seed++) {
                TlObject value = s.factory().apply(info.id(), new SeededRandomSource(seed * 7919 + info.id(), 3));
                assertRoundTrip(info, value);
            }
        })));
    }

    @TestFactory
    Stream<DynamicTest> everyFlagBitIsExercisedAloneAndInCombination() {
        return SCHEMAS.stream().flatMap(s -> generated(s).map(info -> DynamicTest.dynamicTest(info.name(), () -> {
            SeededRandomSource probe = new SeededRandomSource(1, 2);
            s.factory().apply(info.id(), probe);
            int bits = probe.topLevelBits();
            List<IntPredicate> plans = new ArrayList<>(List.of(i -> false, i -> true));
            for (int k = 0; k < bits; k++) {
                int only = k;
                plans.add(i -> i == only);
                plans.add(i -> i != only);
            }
            long seed = 11;
            for (IntPredicate plan : plans) {
                SeededRandomSource source = new SeededRandomSource(seed++, 2).topLevelPresence(plan);
                TlObject value = s.factory().apply(info.id(), source);
                assertRoundTrip(info, value);
            }
        })));
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
