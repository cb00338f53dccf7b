package dev.mtproto.tl.generator.emit;

import dev.mtproto.tl.generator.model.ClassModel;
import dev.mtproto.tl.generator.model.FieldModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the builder of a generated class with optional fields: {@code builder()}, {@code toBuilder()} and
 * the nested {@code Builder}, whose {@code build()} goes through the validating public constructor.
 */
final class BuilderEmitter {
    private final ClassModel c;
    private final JavaSource src;

    /**
     * @param c the class being written
     * @param src the source it is written into
     */
    BuilderEmitter(ClassModel c, JavaSource src) {
        this.c = c;
        this.src = src;
    }

    /** Writes {@code builder()} and {@code toBuilder()}. */
    void builderMethods() {
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

    /** Writes the nested {@code Builder} class. */
    void builderClass() {
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
            src.javadoc("@param " + f.javaName() + " " + ClassEmitter.fieldDescription(f), "@return this builder");
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
                args.add("java.util.Objects.requireNonNull(" + f.javaName() + ", \"" + ClassEmitter.label(c, f) + " is required\")");
            } else {
                args.add(f.javaName());
            }
        }
        src.line("return new " + c.simpleName() + (c.generic() ? "<>" : "") + "(" + String.join(", ", args) + ");");
        src.close();
        src.close().blank();
    }
}
