package dev.mtproto.tl.generator.emit;

import dev.mtproto.tl.generator.model.ClassModel;
import dev.mtproto.tl.generator.model.FieldModel;
import dev.mtproto.tl.generator.model.JType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the public constructor of a generated class: it takes every field callers set, computes the flags
 * words from which optional fields are present, checks required fields, fixed lengths and fields that share
 * a flag bit, and copies what is mutable.
 */
final class ConstructorEmitter {
    private final ClassModel c;
    private final JavaSource src;

    /**
     * @param c the class being written
     * @param src the source it is written into
     */
    ConstructorEmitter(ClassModel c, JavaSource src) {
        this.c = c;
        this.src = src;
    }

    private String params() {
        List<String> params = new ArrayList<>();
        for (FieldModel f : c.userFields()) {
            params.add(f.parameterType() + " " + f.javaName());
        }
        return String.join(", ", params);
    }

    /** Writes the constructor. */
    void publicConstructor() {
        List<String> doc = new ArrayList<>();
        doc.add("Creates {@code " + c.combinator().name() + "}.");
        if (!c.userFields().isEmpty()) {
            doc.add("");
        }
        for (FieldModel f : c.userFields()) {
            doc.add("@param " + f.javaName() + " " + ClassEmitter.fieldDescription(f));
        }
        boolean mayThrowNpe = c.userFields().stream().anyMatch(f -> f.isRequiredValue() && !f.type().isPrimitive());
        if (mayThrowNpe) {
            doc.add("@throws NullPointerException if a required field is {@code null}");
        }
        boolean mayThrowIae = c.userFields().stream().anyMatch(f -> f.type() != null
                && (f.type().kind() == JType.Kind.INT128 || f.type().kind() == JType.Kind.INT256)) || !sharedBits().isEmpty();
        if (mayThrowIae) {
            doc.add("@throws IllegalArgumentException if an {@code int128}/{@code int256} has the wrong length, or fields that share");
            doc.add("    a flag bit are not set together");
        }
        src.javadoc(doc.toArray(String[]::new));
        src.open("public " + c.simpleName() + "(" + params() + ")");
        for (FieldModel word : c.flagsWords()) {
            src.line("int " + word.javaName() + "$ = 0;");
            for (FieldModel f : c.userFields()) {
                if (word.javaName().equals(f.flagsWord())) {
                    String test = f.isTrueFlag() ? f.javaName() : f.javaName() + " != null";
                    src.line("if (" + test + ") " + word.javaName() + "$ |= " + f.mask() + ";");
                }
            }
        }
        for (Map.Entry<String, List<FieldModel>> e : sharedBits().entrySet()) {
            List<FieldModel> group = e.getValue();
            List<String> values = group.stream().filter(FieldModel::isOptionalValue).map(FieldModel::javaName).toList();
            FieldModel first = group.get(0);
            String condition = "(" + first.flagsWord() + "$ & " + first.mask() + ") != 0 && ("
                    + String.join(" || ", values.stream().map(v -> v + " == null").toList()) + ")";
            String names = String.join(", ", group.stream().map(FieldModel::javaName).toList());
            src.open("if (" + condition + ")");
            src.line("throw new IllegalArgumentException(\"" + c.simpleName() + ": " + names + " share " + first.param().condition()
                    + "; when any of them is set, " + String.join(" and ", values) + " must be set too\");");
            src.close();
        }
        for (FieldModel f : c.storedFields()) {
            if (f.isFlagsWord()) {
                src.line("this." + f.javaName() + " = " + f.javaName() + "$;");
            } else if (f.isOptionalValue()) {
                if (f.type().isPrimitive()) {
                    src.line("this." + f.javaName() + " = " + f.javaName() + " == null ? " + f.type().zeroLiteral() + " : " + f.javaName() + ";");
                } else {
                    src.line("this." + f.javaName() + " = " + f.javaName() + " == null ? null : " + f.type().copyIn(f.javaName(), ClassEmitter.label(c, f)) + ";");
                }
            } else {
                src.line("this." + f.javaName() + " = " + f.type().copyIn(f.javaName(), ClassEmitter.label(c, f)) + ";");
            }
        }
        src.close().blank();
    }

    /** Flag bits shared by more than one field where at least one holds a value: they must be set together. */
    private Map<String, List<FieldModel>> sharedBits() {
        Map<String, List<FieldModel>> byBit = new LinkedHashMap<>();
        for (FieldModel f : c.userFields()) {
            if (f.flagsWord() != null) {
                byBit.computeIfAbsent(f.flagsWord() + "." + f.bit(), k -> new ArrayList<>()).add(f);
            }
        }
        byBit.values().removeIf(g -> g.size() < 2 || g.stream().noneMatch(FieldModel::isOptionalValue));
        return byBit;
    }
}
