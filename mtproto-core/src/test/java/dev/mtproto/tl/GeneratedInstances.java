package dev.mtproto.tl;

import dev.mtproto.tl.api.ApiRandomObjects;
import dev.mtproto.tl.api.ApiSchema;
import dev.mtproto.tl.mtproto.MtprotoRandomObjects;
import dev.mtproto.tl.mtproto.MtprotoSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Random instances of every generated constructor and function of both schemas, made by the generated
 * random-object factories, as dynamic tests that hand each instance to a check: a few random seeds per
 * class, and for every class with optional fields the flag bits of the outermost object all absent, all
 * present, each one alone and each one missing.
 */
final class GeneratedInstances {

    /** A schema and its generated factory of random instances. */
    record Schema(TlSchema schema, BiFunction<Integer, TlRandomSource, TlObject> factory) {
        /** @return every constructor and function with a generated class */
        Stream<TlConstructorInfo> generated() {
            return schema.constructors().stream().filter(i -> i.kind() != TlConstructorInfo.Kind.BUILTIN);
        }
    }

    /** The API schema first, then the MTProto service schema. */
    static final List<Schema> SCHEMAS = List.of(
            new Schema(ApiSchema.INSTANCE, ApiRandomObjects::create),
            new Schema(MtprotoSchema.INSTANCE, MtprotoRandomObjects::create));

    private GeneratedInstances() {
    }

    /**
     * @param check what each instance must pass
     * @return one test per class, checking instances made from four seeds
     */
    static Stream<DynamicTest> withRandomValues(BiConsumer<TlConstructorInfo, TlObject> check) {
        return SCHEMAS.stream().flatMap(s -> s.generated().map(info -> DynamicTest.dynamicTest(info.name(), () -> {
            for (long seed = 1; seed <= 4; seed++) {
                check.accept(info, s.factory().apply(info.id(), new SeededRandomSource(seed * 7919 + info.id(), 3)));
            }
        })));
    }

    /**
     * @param check what each instance must pass
     * @return one test per class, checking an instance per plan of the outermost flag bits
     */
    static Stream<DynamicTest> withEveryFlagPlan(BiConsumer<TlConstructorInfo, TlObject> check) {
        return SCHEMAS.stream().flatMap(s -> s.generated().map(info -> DynamicTest.dynamicTest(info.name(), () -> {
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
                check.accept(info, s.factory().apply(info.id(), source));
            }
        })));
    }
}
