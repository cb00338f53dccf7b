package dev.mtproto.testkit.layers;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates objects of one layer into another by name: each constructor becomes the target's constructor
 * of the same name (with the target's id), fields both have are copied, fields the target lacks are left
 * out, and required fields the source lacks get neutral values ({@link StandIns}). A constructor the target
 * lacks becomes its type's fallback ({@link StandIns#fallback}), except an {@code Update}, which is left out
 * (and so is whatever requires it, up to the nearest vector: the vector loses that element). Plans are made
 * once per constructor and kept, so translating costs about one small allocation per object. Thread-safe.
 */
final class LayerTranslator {
    private static final Logger LOG = LoggerFactory.getLogger(LayerTranslator.class);
    /** What an object the target leaves out translates to. */
    static final Object DROPPED = new Object() {
        @Override
        public String toString() {
            return "DROPPED";
        }
    };

    private final LayerSchema from;
    private final LayerSchema to;
    private final StandIns standIns;
    private final AtomicReferenceArray<TranslationPlan> plans;
    /** Plans for a constructor whose natural counterpart is not of the type a field wants: "name>Type". */
    private final Map<String, TranslationPlan> retyped = new ConcurrentHashMap<>();
    private final Map<String, Conversion> results = new ConcurrentHashMap<>();

    LayerTranslator(LayerSchema from, LayerSchema to) {
        this.from = from;
        this.to = to;
        this.standIns = new StandIns(to);
        this.plans = new AtomicReferenceArray<>(from.size());
    }

    LayerSchema from() {
        return from;
    }

    LayerSchema to() {
        return to;
    }

    StandIns standIns() {
        return standIns;
    }

    /**
     * @param o an object of the source layer
     * @param expected the type the target field wants
     * @return the object in the target layer, or {@link #DROPPED}
     * @throws LayerTranslationException for a function the target layer does not have
     */
    Object translate(GenericObject o, WireType expected) {
        SchemaCombinator c = o.combinator();
        TranslationPlan plan = plans.get(c.index());
        if (plan == null) {
            plan = naturalPlan(c);
            plans.set(c.index(), plan);
        }
        if (!fits(plan, expected)) {
            plan = retyped(c, expected);
        }
        return plan.apply(o, this, standIns);
    }

    private static boolean fits(TranslationPlan plan, WireType expected) {
        if (plan.target() == null || expected instanceof WireType.Any) {
            return true;
        }
        if (expected instanceof WireType.Boxed b) {
            return b.type().equals(plan.target().type());
        }
        return false; // bare: checked on the slow path
    }

    private TranslationPlan naturalPlan(SchemaCombinator c) {
        SchemaCombinator same = c.function() ? to.function(c.name()) : to.constructor(c.name());
        if (same != null) {
            return planned(c, same, null);
        }
        if (c.function()) {
            throw new LayerTranslationException("layer " + to.layer() + " has no function " + c.name());
        }
        return fallbackPlan(c, c.type());
    }

    private TranslationPlan retyped(SchemaCombinator c, WireType expected) {
        if (expected instanceof WireType.Bare b) {
            SchemaCombinator target = to.bare(b.name());
            if (target == null) {
                throw new LayerTranslationException("layer " + to.layer() + " has no bare type " + b.name());
            }
            return target.name().equals(c.name()) ? plans.get(c.index())
                    : retyped.computeIfAbsent(c.name() + ">" + b.name(), k -> planned(c, target, "another bare type"));
        }
        String type = ((WireType.Boxed) expected).type();
        return retyped.computeIfAbsent(c.name() + ">" + type, k -> fallbackPlan(c, type));
    }

    private TranslationPlan fallbackPlan(SchemaCombinator c, String type) {
        SchemaCombinator fallback = standIns.fallback(type);
        if (fallback == null) {
            LOG.debug("layer {} has no {} of type {}: left out", to.layer(), c.name(), type);
            return TranslationPlan.DROP;
        }
        return planned(c, fallback, "stands for " + c.name());
    }

    private TranslationPlan planned(SchemaCombinator c, SchemaCombinator target, String why) {
        TranslationPlan plan = new TranslationPlan(c, target, standIns);
        if (why != null) {
            LOG.debug("layer {} -> {}: {} as {} ({})", from.layer(), to.layer(), c.name(), target.name(), why);
        }
        if (LOG.isDebugEnabled() && !plan.notes().isEmpty()) {
            LOG.debug("layer {} -> {}: {}: {}", from.layer(), to.layer(), target.name(), String.join(", ", plan.notes()));
        }
        return plan;
    }

    /**
     * Translates a function's result.
     *
     * @param function the function's name
     * @param value its result read in the source layer
     * @return the result in the target layer; an object left out becomes its type's fallback
     * @throws LayerTranslationException if neither layer can say what the function returns
     */
    Object translateResult(String function, Object value) {
        WireType target = resultType(to, function);
        Conversion c = results.computeIfAbsent(function, f -> Conversion.between(resultType(from, f), target));
        Object v = c == null ? null : c.apply(value, this);
        if (v != DROPPED && v != null) {
            return v;
        }
        SchemaCombinator fallback = target instanceof WireType.Boxed b ? standIns.fallback(b.type()) : null;
        LOG.debug("layer {}: the result of {} is left out; answering {}", to.layer(), function, fallback);
        return fallback != null ? standIns.neutralObject(fallback) : standIns.neutral(target);
    }

    /** @return what a function returns in a layer */
    static WireType resultType(LayerSchema schema, String function) {
        SchemaCombinator f = schema.function(function);
        if (f == null) {
            throw new LayerTranslationException("layer " + schema.layer() + " has no function " + function);
        }
        return f.result();
    }
}
