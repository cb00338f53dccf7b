package dev.mtproto.testkit.layers;

import java.util.ArrayList;
import java.util.List;

/**
 * How objects of one constructor of a layer become objects of another layer's constructor (of the same
 * name, or the fallback standing for it): for each target field, the source field of the same name and
 * how its value converts, or the neutral value to fill a required field the source lacks. Fields the
 * target lacks are left out, and so are their flag bits, since flags words are computed when written.
 * Made once per constructor and kept; immutable.
 */
final class TranslationPlan {
    /** The plan of a constructor the target leaves out. */
    static final TranslationPlan DROP = new TranslationPlan();

    private final SchemaCombinator target;
    private final int[] source;
    private final Conversion[] conversions;
    private final Object[] neutral;
    /** Which fields are filled with neutral values or converted between types; for the log. */
    private final List<String> notes;

    private TranslationPlan() {
        this.target = null;
        this.source = new int[0];
        this.conversions = new Conversion[0];
        this.neutral = new Object[0];
        this.notes = List.of();
    }

    /**
     * @param from the source constructor
     * @param target the target constructor
     * @param standIns the target layer's neutral values
     */
    TranslationPlan(SchemaCombinator from, SchemaCombinator target, StandIns standIns) {
        this.target = target;
        SchemaField[] fields = target.fields();
        this.source = new int[fields.length];
        this.conversions = new Conversion[fields.length];
        this.neutral = new Object[fields.length];
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            SchemaField f = fields[i];
            source[i] = -1;
            if (f.flagsWord()) {
                continue;
            }
            int j = from.fieldIndex(f.name());
            Conversion c = j < 0 || from.fields()[j].flagsWord() ? null : Conversion.between(from.fields()[j].type(), f.type());
            if (c != null) {
                source[i] = j;
                conversions[i] = c;
            } else if (j >= 0) {
                notes.add(f.name() + " (another type)");
            }
            if (!f.optional() && (c == null || from.fields()[j].optional())) {
                neutral[i] = neutralOrNull(standIns, f);
                if (c == null) {
                    notes.add(f.name() + " neutral");
                }
            }
        }
        this.notes = List.copyOf(notes);
    }

    private static Object neutralOrNull(StandIns standIns, SchemaField f) {
        try {
            return standIns.neutral(f.type());
        } catch (IllegalStateException e) { // e.g. a query:!X: the writer then names the field
            return null;
        }
    }

    /** @return the target constructor, {@code null} for {@link #DROP} */
    SchemaCombinator target() {
        return target;
    }

    /** @return the fields that could not be copied, for the log */
    List<String> notes() {
        return notes;
    }

    /**
     * @param from an object of the source constructor
     * @param translator translates nested objects
     * @param standIns the target layer's neutral values, for optional fields a shared flag bit makes present
     * @return the object in the target layer, or {@link LayerTranslator#DROPPED} if it is left out
     *     (this plan is {@link #DROP}, or a required field's object is left out)
     */
    Object apply(GenericObject from, LayerTranslator translator, StandIns standIns) {
        if (target == null) {
            return LayerTranslator.DROPPED;
        }
        SchemaField[] fields = target.fields();
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            Object v = source[i] < 0 ? null : from.value(source[i]);
            if (v != null) {
                v = conversions[i].apply(v, translator);
                if (v == LayerTranslator.DROPPED) {
                    if (!fields[i].optional()) {
                        return LayerTranslator.DROPPED;
                    }
                    v = null;
                }
            }
            values[i] = v != null ? v : neutral[i];
        }
        if (target.sharedBits()) {
            fillSharedBits(values, standIns);
        }
        return new GenericObject(target, values);
    }

    /** An optional field whose bit another present field sets must be there too: neutral if the source had none. */
    private void fillSharedBits(Object[] values, StandIns standIns) {
        SchemaField[] fields = target.fields();
        for (int i = 0; i < fields.length; i++) {
            SchemaField f = fields[i];
            if (!f.optional() || f.trueFlag() || values[i] != null) {
                continue;
            }
            for (int k : target.sameBit(i)) {
                if (GenericWriter.present(fields[k], values[k])) {
                    values[i] = standIns.neutral(f.type());
                    break;
                }
            }
        }
    }
}
