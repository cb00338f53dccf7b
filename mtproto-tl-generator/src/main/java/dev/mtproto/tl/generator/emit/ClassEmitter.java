package dev.mtproto.tl.generator.emit;

import dev.mtproto.tl.generator.model.ClassModel;
import dev.mtproto.tl.generator.model.FieldModel;
import dev.mtproto.tl.generator.model.JType;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the class of one TL constructor or function: an immutable final class with a validating public
 * constructor ({@link ConstructorEmitter}), the binary codec ({@link WireEmitter}), the JSON codec
 * ({@link JsonEmitter}), accessors, a builder when the class has optional fields ({@link BuilderEmitter}),
 * and {@code equals}/{@code hashCode}/{@code toString}.
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

    /**
     * @param c a class
     * @param f one of its fields
     * @return the {@code Class.field} label that messages of the generated code use
     */
    static String label(ClassModel c, FieldModel f) {
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

        WireEmitter wire = new WireEmitter(c, src);
        JsonEmitter json = new JsonEmitter(c, src);
        BuilderEmitter builder = new BuilderEmitter(c, src);
        new ConstructorEmitter(c, src).publicConstructor();
        wire.readingConstructor();
        wire.staticReadBare();
        json.readMethod();
        identity();
        wire.writeMethods();
        json.writeMethod();
        new ChildrenEmitter(c, src).write();
        accessors();
        if (c.isFunction()) {
            wire.readResult();
        }
        if (c.hasOptionalFields()) {
            builder.builderMethods();
        }
        equalsAndHashCode();
        toStringMethod();
        if (c.hasOptionalFields()) {
            builder.builderClass();
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
        doc.add("Instances are immutable; byte arrays are copied on the way in and out, and each {@code bytes} field also has a");
        doc.add("{@code ...Buffer()} accessor: a read-only view of it, without a copy.");
        if (c.generic()) {
            doc.add("");
            doc.add("@param <R> the result type of the wrapped query, which is also this call's result type");
        }
        src.javadoc(doc.toArray(String[]::new));
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
            if (f.type() != null && f.type().kind() == JType.Kind.BYTES && !f.isTrueFlag()) {
                bufferAccessor(f);
            }
        }
    }

    /**
     * The copy-free way to read a {@code bytes} field (a file part, a thumbnail): a read-only view of the
     * array the value holds. Nothing writes into that array once the value exists (decoding adopts the array
     * it read, the public constructor keeps a copy), so the view is as immutable as the value.
     */
    private void bufferAccessor(FieldModel f) {
        String absent = f.isOptionalValue() ? ", or {@code null} when absent (" + f.param().condition() + ")" : "";
        src.javadoc("@return a read-only view of {@code " + f.param().name() + "}, the value's own bytes without a copy (position 0,"
                + " limit the length)" + absent + ": for reading a large field, such as a file part, without allocating");
        src.open("public java.nio.ByteBuffer " + bufferAccessorName(f) + "()");
        String field = "this." + f.javaName();
        String view = "java.nio.ByteBuffer.wrap(" + field + ").asReadOnlyBuffer()";
        src.line("return " + (f.isOptionalValue() ? field + " == null ? null : " + view : view) + ";");
        src.close().blank();
    }

    /**
     * @param f a {@code bytes} field
     * @return the name of its read-only view accessor: the field's name followed by {@code Buffer}
     */
    private static String bufferAccessorName(FieldModel f) {
        return f.javaName() + "Buffer";
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
