package dev.mtproto.tl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.tl.jackson.TlJacksonModule;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * TL to JSON and back, for every generated constructor and function of both schemas with random values
 * (and every flag bit of the outermost object alone and in combination): object -> JSON -> object is
 * equal, the object read back encodes to the same TL bytes, JSON -> object -> JSON gives the same text,
 * and the value reads the same as {@code TlObject}, as its own class and as its type's interface.
 */
class TlJsonRoundTripTest {
    static final JsonMapper MAPPER = JsonMapper.builder().addModule(new TlJacksonModule()).build();

    @TestFactory
    Stream<DynamicTest> everyClassRoundTripsWithRandomValues() {
        return GeneratedInstances.withRandomValues(TlJsonRoundTripTest::assertJsonRoundTrip);
    }

    @TestFactory
    Stream<DynamicTest> everyFlagBitRoundTripsAloneAndInCombination() {
        return GeneratedInstances.withEveryFlagPlan(TlJsonRoundTripTest::assertJsonRoundTrip);
    }

    private static void assertJsonRoundTrip(TlConstructorInfo info, TlObject value) {
        String json = MAPPER.writeValueAsString(value);
        assertThat(json).startsWith("{\"_\":\"" + info.name() + "\"");

        // An untyped read resolves "_" in registry order; the one name both schemas have, "message", is the
        // API's there, so the service schema's message (only ever bare, in msg_container) is read by its class.
        Class<?> target = shadowedByAnEarlierSchema(info) ? value.getClass() : TlObject.class;
        TlObject back = (TlObject) MAPPER.readValue(json, target);
        assertThat(back).as("json -> object equals the original %s: %s", info.name(), json).isEqualTo(value);
        assertThat(back.toByteArray()).as("the object read from JSON encodes to the same TL bytes").isEqualTo(value.toByteArray());
        assertThat(MAPPER.writeValueAsString(back)).as("JSON -> object -> JSON is stable").isEqualTo(json);

        assertThat(MAPPER.readValue(json, value.getClass())).isEqualTo(value);
        for (Class<?> type : value.getClass().getInterfaces()) {
            if (type != TlObject.class && type != TlMethod.class) {
                assertThat(MAPPER.readValue(json, type)).as("read as %s", type.getSimpleName()).isEqualTo(value);
            }
        }
        if (value instanceof TlMethod<?>) {
            assertThat(MAPPER.readValue(json, TlMethod.class)).isEqualTo(value);
        }
    }

    private static boolean shadowedByAnEarlierSchema(TlConstructorInfo info) {
        for (TlSchema schema : TlRegistry.standard().schemas()) {
            for (TlConstructorInfo other : schema.constructors()) {
                if (other.name().equals(info.name()) && other.kind() != TlConstructorInfo.Kind.BUILTIN) {
                    return other.id() != info.id();
                }
            }
        }
        return false;
    }
}
