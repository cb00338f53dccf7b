package dev.mtproto.tl.generator.emit;

import dev.mtproto.tl.generator.model.ClassModel;
import dev.mtproto.tl.generator.model.FieldModel;
import dev.mtproto.tl.generator.model.JType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the class of one TL constructor or function: an immutable final class with a validating public
 * constructor, a private constructor that reads the fields straight from a {@code TlReader}, accessors,
 * {@code writeBare}, a builder when the class has optional fields, and {@code equals}/{@code hashCode}/
 * {@code toString}.
 */
final class ClassEmitter {
    private final ClassModel c;
    private final String schemaFile;
    private final JavaSource src;

    private ClassEmitter(ClassModel c, String schemaFile) {
        this.c = c;
        this.schemaFile = schemaFile;
        this.src = new JavaSource(c.packageName());
    }

    /**
     * @param c the class to write
     * @param schemaFile the schema file name, for the header comment
     * @return the Java source
     */
    static String emit(ClassModel c, String schemaFile) {
        return new ClassEmitter(c, schemaFile).emit();
    }

    private String label(FieldModel f) {
        return c.simpleName() + "." + f.javaName();
    }

    private String emit() {
        classJavadoc();
        String supertype;
        if (c.isFunction()) {
            supertype = "TlMethod<" + (c.generic() ? "R" : c.result().boxed()) + ">";
        } else {
            supertype = c.type() == null ? "TlObject" : c.type().qualifiedName();
        }
        src.open("public final class " + c.declaredName() + " implements " + supertype);
        src.javadoc("The constructor id, {@code 0x" + c.combinator().hexId() + "}.");
        src.line("public static final int CONSTRUCTOR_ID = 0x" + c.combinator().hexId() + ";");
        src.javadoc("The TL name, {@code " + c.combinator().name() + "}.");
        src.line("public static final String TL_NAME = \"" + c.combinator().name() + "\";");
        if (c.storedFields().isEmpty() && !c.generic()) {
            src.javadoc("The only value this constructor has; decoding returns it instead of allocating.");
            src.line("public static final " + c.simpleName() + " INSTANCE = new " + c.simpleName() + "();");
        }
        src.blank();

        for (FieldModel f : c.storedFields()) {
            src.line("private final " + (f.isFlagsWord() ? "int" : f.type().storage()) + " " + f.javaName() + ";");
        }
        if (!c.storedFields().isEmpty()) {
            src.blank();
        }

        publicConstructor();
        readingConstructor();
        staticReadBare();
        identity();
        writeMethods();
        accessors();
        if (c.isFunction()) {
            readResult();
        }
        if (c.hasOptionalFields()) {
            builderMethods();
        }
        equalsAndHashCode();
        toStringMethod();
        if (c.hasOptionalFields()) {
            builderClass();
        }
        src.close();
        return src.withImports(Headers.fileHeader(schemaFile, c.packageName()), Headers.RUNTIME);
    }

    private void classJavadoc() {
        List<String> doc = new ArrayList<>();
        doc.add((c.isFunction() ? "TL function" : "TL constructor") + " {@code " + c.combinator().name() + "#" + c.combinator().hexId() + "}"
                + (c.type() != null ? " of type {@link " + c.type().qualifiedName() + "}." : "."));
        doc.add("");
        doc.add("<pre>{@code");
        doc.add(Headers.escapeForJavadocCode(c.combinator().toString()));
        doc.add("}</pre>");
        doc.add("");
        if (c.isFunction()) {
            doc.add("Pass it to the client's {@code invoke} to call it; {@link #readResult(TlReader)} decodes the answer.");
        }
        if (c.hasOptionalFields()) {
            doc.add("Optional fields are {@code null} when absent; the flags words are computed from them. Use {@link #builder()}");
            doc.add("to set only the fields you need.");
        }
        doc.add("Instances are immutable; byte arrays are copied on the way in and out.");
        if (c.generic()) {
            doc.add("");
            doc.add("@param <R> the result type of the wrapped query, which is also this call's result type");
        }
        src.javadoc(doc.toArray(String[]::new));
    }

    // ------------------------------------------------------------ constructors

    private String params() {
        List<String> params = new ArrayList<>();
        for (FieldModel f : c.userFields()) {
            params.add(f.parameterType() + " " + f.javaName());
        }
        return String.join(", ", params);
    }

    private void publicConstructor() {
        List<String> doc = new ArrayList<>();
        doc.add("Creates {@code " + c.combinator().name() + "}.");
        if (!c.userFields().isEmpty()) {
            doc.add("");
        }
        for (FieldModel f : c.userFields()) {
            doc.add("@param " + f.javaName() + " " + fieldDescription(f));
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
                    src.line("this." + f.javaName() + " = " + f.javaName() + " == null ? " + zero(f.type()) + " : " + f.javaName() + ";");
                } else {
                    src.line("this." + f.javaName() + " = " + f.javaName() + " == null ? null : " + f.type().copyIn(f.javaName(), label(f)) + ";");
                }
            } else {
                src.line("this." + f.javaName() + " = " + f.type().copyIn(f.javaName(), label(f)) + ";");
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

    private static String zero(JType t) {
        return switch (t.kind()) {
            case BOOL -> "false";
            case LONG -> "0L";
            case DOUBLE -> "0.0";
            default -> "0";
        };
    }

    private void readingConstructor() {
        src.open("private " + c.simpleName() + "(TlReader r)");
        for (FieldModel f : c.storedFields()) {
            if (f.isFlagsWord()) {
                src.line("this." + f.javaName() + " = r.readInt();");
            } else if (f.isOptionalValue()) {
                String otherwise = f.type().isPrimitive() ? zero(f.type()) : "null";
                src.line("this." + f.javaName() + " = (this." + f.flagsWord() + " & " + f.mask() + ") != 0 ? " + f.type().read("r") + " : " + otherwise + ";");
            } else {
                src.line("this." + f.javaName() + " = " + f.type().read("r") + ";");
            }
        }
        src.close().blank();
    }

    private void staticReadBare() {
        src.javadoc("Reads the fields of {@code " + c.combinator().name() + "}: its body, without the constructor id.",
                "",
                "@param r the reader, positioned after the constructor id",
                "@return the decoded object",
                "@throws dev.mtproto.tl.TlDecodeException if the bytes are truncated or malformed");
        String type = c.generic() ? c.simpleName() + "<?>" : c.simpleName();
        src.open("public static " + type + " readBare(TlReader r)");
        if (c.storedFields().isEmpty() && !c.generic()) {
            src.line("return INSTANCE;");
        } else {
            src.line("return new " + c.simpleName() + (c.generic() ? "<>" : "") + "(r);");
        }
        src.close().blank();
    }

    private void identity() {
        src.line("@Override");
        src.open("public int constructorId()");
        src.line("return CONSTRUCTOR_ID;");
        src.close().blank();
        src.line("@Override");
        src.open("public String tlName()");
        src.line("return TL_NAME;");
        src.close().blank();
    }

    private void writeMethods() {
        src.line("@Override");
        src.open("public void write(TlWriter w)");
        src.line("w.writeInt(CONSTRUCTOR_ID);");
        src.line("writeBare(w);");
        src.close().blank();
        src.line("@Override");
        src.open("public void writeBare(TlWriter w)");
        for (FieldModel f : c.storedFields()) {
            if (f.isFlagsWord()) {
                src.line("w.writeInt(this." + f.javaName() + ");");
            } else if (f.isOptionalValue()) {
                src.open("if ((this." + f.flagsWord() + " & " + f.mask() + ") != 0)");
                src.line(f.type().write("w", "this." + f.javaName()) + ";");
                src.close();
            } else {
                src.line(f.type().write("w", "this." + f.javaName()) + ";");
            }
        }
        src.close().blank();
    }

    static String fieldDescription(FieldModel f) {
        String tl = "{@code " + f.param().name() + "}";
        if (f.isTrueFlag()) {
            return tl + ": whether bit " + f.param().condition() + " is set";
        }
        if (f.isOptionalValue()) {
            return tl + ", or {@code null} when absent (" + f.param().condition() + ")";
        }
        return tl;
    }

    private void accessors() {
        for (FieldModel f : c.userFields()) {
            src.javadoc("@return " + fieldDescription(f) + (f.type() != null && f.type().isByteArray() ? " (a copy)" : ""));
            boolean common = c.type() != null && c.type().commonFields().stream().anyMatch(cf -> cf.javaName().equals(f.javaName()));
            if (common) {
                src.line("@Override");
            }
            src.open("public " + f.accessorType() + " " + f.javaName() + "()");
            String field = "this." + f.javaName();
            if (f.isTrueFlag()) {
                src.line("return (this." + f.flagsWord() + " & " + f.mask() + ") != 0;");
            } else if (f.isOptionalValue() && f.type().isPrimitive()) {
                src.line("return (this." + f.flagsWord() + " & " + f.mask() + ") != 0 ? " + field + " : null;");
            } else if (f.type().isByteArray()) {
                src.line("return " + field + (f.isOptionalValue() ? " == null ? null : " + field : "") + ".clone();");
            } else {
                src.line("return " + field + ";");
            }
            src.close().blank();
        }
    }

    private void readResult() {
        JType result = c.result();
        String type = c.generic() ? "R" : result.boxed();
        src.javadoc("Decodes this function's result: " + Headers.escapeForJavadocCode("{@code " + c.combinator().result() + "}") + ".",
                "",
                "@param r the reader, positioned at the result (inside {@code rpc_result})",
                "@return the result",
                "@throws dev.mtproto.tl.TlDecodeException if the bytes are not a valid result");
        src.line("@Override");
        src.open("public " + type + " readResult(TlReader r)");
        if (c.generic()) {
            FieldModel query = c.fields().stream().filter(f -> f.type() != null && f.type().kind() == JType.Kind.METHOD_VARIABLE)
                    .findFirst().orElseThrow(() -> new IllegalStateException(c.combinator().name() + " returns X but has no !X field"));
            src.line("return this." + query.javaName() + ".readResult(r);");
        } else {
            src.line("return " + result.read("r") + ";");
        }
        src.close().blank();
    }

    private void builderMethods() {
        String builderType = c.generic() ? "Builder<R>" : "Builder";
        src.javadoc("@return an empty builder");
        src.open("public static " + (c.generic() ? "<R> " : "") + builderType + " builder()");
        src.line("return new Builder" + (c.generic() ? "<>" : "") + "();");
        src.close().blank();
        src.javadoc("@return a builder holding this object's fields, to make a modified copy");
        src.open("public " + builderType + " toBuilder()");
        StringBuilder chain = new StringBuilder("return new Builder" + (c.generic() ? "<R>" : "") + "()");
        for (FieldModel f : c.userFields()) {
            String value = f.isTrueFlag() || (f.isOptionalValue() && f.type().isPrimitive()) ? f.javaName() + "()" : "this." + f.javaName();
            chain.append("\n        .").append(f.javaName()).append('(').append(value).append(')');
        }
        src.line(chain + ";");
        src.close().blank();
    }

    private void builderClass() {
        String self = c.generic() ? "Builder<R>" : "Builder";
        src.javadoc("Builds {@code " + c.combinator().name() + "}; optional fields left unset are absent.");
        src.open("public static final class " + self);
        for (FieldModel f : c.userFields()) {
            String type = f.isTrueFlag() ? "boolean" : f.type().isPrimitive() ? f.type().boxed() : f.type().paramDecl();
            src.line("private " + type + " " + f.javaName() + ";");
        }
        src.blank();
        src.open("private Builder()");
        src.close().blank();
        for (FieldModel f : c.userFields()) {
            String type = f.parameterType();
            src.javadoc("@param " + f.javaName() + " " + fieldDescription(f), "@return this builder");
            src.open("public " + self + " " + f.javaName() + "(" + type + " " + f.javaName() + ")");
            src.line("this." + f.javaName() + " = " + f.javaName() + ";");
            src.line("return this;");
            src.close().blank();
        }
        src.javadoc("@return the object",
                "@throws NullPointerException if a required field was not set",
                "@throws IllegalArgumentException if the fields are not consistent (see the class's constructor)");
        src.open("public " + c.declaredName() + " build()");
        List<String> args = new ArrayList<>();
        for (FieldModel f : c.userFields()) {
            if (f.isRequiredValue() && f.type().isPrimitive()) {
                args.add("java.util.Objects.requireNonNull(" + f.javaName() + ", \"" + label(f) + " is required\")");
            } else {
                args.add(f.javaName());
            }
        }
        src.line("return new " + c.simpleName() + (c.generic() ? "<>" : "") + "(" + String.join(", ", args) + ");");
        src.close();
        src.close().blank();
    }

    private void equalsAndHashCode() {
        src.line("@Override");
        src.open("public boolean equals(Object o)");
        List<FieldModel> stored = c.storedFields();
        if (stored.isEmpty()) {
            src.line("return o instanceof " + c.simpleName() + ";");
        } else {
            src.open("if (this == o)");
            src.line("return true;");
            src.close();
            src.open("if (!(o instanceof " + c.simpleName() + (c.generic() ? "<?>" : "") + " other))");
            src.line("return false;");
            src.close();
            List<String> terms = new ArrayList<>();
            for (FieldModel f : stored) {
                JType t = f.isFlagsWord() ? JType.of(JType.Kind.INT) : f.type();
                terms.add(t.equalsExpr("this." + f.javaName(), "other." + f.javaName()));
            }
            src.line("return " + String.join("\n        && ", terms) + ";");
        }
        src.close().blank();

        src.line("@Override");
        src.open("public int hashCode()");
        src.line("int h = CONSTRUCTOR_ID;");
        for (FieldModel f : stored) {
            JType t = f.isFlagsWord() ? JType.of(JType.Kind.INT) : f.type();
            src.line("h = 31 * h + " + t.hashExpr("this." + f.javaName()) + ";");
        }
        src.line("return h;");
        src.close().blank();
    }

    private void toStringMethod() {
        src.line("@Override");
        src.open("public String toString()");
        StringBuilder chain = new StringBuilder("return new TlToString(TL_NAME)");
        for (FieldModel f : c.userFields()) {
            chain.append("\n        .");
            if (f.isTrueFlag()) {
                chain.append("flag(\"").append(f.javaName()).append("\", ").append(f.javaName()).append("())");
            } else if (f.secret()) {
                chain.append("secret(\"").append(f.javaName()).append("\", ")
                        .append(f.isOptionalValue() ? "(this." + f.flagsWord() + " & " + f.mask() + ") != 0" : "true").append(")");
            } else if (f.isOptionalValue()) {
                String value = f.type().isPrimitive() ? f.javaName() + "()" : "this." + f.javaName();
                chain.append("optional(\"").append(f.javaName()).append("\", ").append(value).append(")");
            } else {
                chain.append("add(\"").append(f.javaName()).append("\", this.").append(f.javaName()).append(")");
            }
        }
        src.line(chain + "\n        .toString();");
        src.close();
    }
}
