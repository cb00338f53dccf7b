package dev.mtproto.tl.generator.emit;

import dev.mtproto.tl.generator.model.ClassModel;
import dev.mtproto.tl.generator.model.FieldModel;
import dev.mtproto.tl.generator.model.JType;

/**
 * Writes the binary TL codec of a generated class: the reading constructor, {@code readBare},
 * {@code write}/{@code writeBare}, and for functions {@code readResult}.
 */
final class WireEmitter {
    private final ClassModel c;
    private final JavaSource src;

    /**
     * @param c the class being written
     * @param src the source it is written into
     */
    WireEmitter(ClassModel c, JavaSource src) {
        this.c = c;
        this.src = src;
    }

    /** Writes the private constructor that reads every field straight from a {@code TlReader}. */
    void readingConstructor() {
        src.open("private " + c.simpleName() + "(TlReader r)");
        for (FieldModel f : c.storedFields()) {
            if (f.isFlagsWord()) {
                src.line("this." + f.javaName() + " = r.readInt();");
            } else if (f.isOptionalValue()) {
                String otherwise = f.type().isPrimitive() ? f.type().zeroLiteral() : "null";
                src.line("this." + f.javaName() + " = (this." + f.flagsWord() + " & " + f.mask() + ") != 0 ? " + f.type().read("r") + " : " + otherwise + ";");
            } else {
                src.line("this." + f.javaName() + " = " + f.type().read("r") + ";");
            }
        }
        src.close().blank();
    }

    /** Writes {@code readBare(TlReader)}. */
    void staticReadBare() {
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

    /** Writes {@code write} (boxed) and {@code writeBare}. */
    void writeMethods() {
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

    /** Writes a function's {@code readResult(TlReader)}. */
    void readResult() {
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
}
