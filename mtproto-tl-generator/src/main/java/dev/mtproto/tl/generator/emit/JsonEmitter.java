package dev.mtproto.tl.generator.emit;

import dev.mtproto.tl.generator.model.ClassModel;
import dev.mtproto.tl.generator.model.FieldModel;
import dev.mtproto.tl.generator.model.JType;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the JSON codec of a generated class: {@code writeJson(TlJsonWriter)}, which writes {@code "_"}
 * and the fields under their schema names (absent optional fields and unset {@code true} flags left out,
 * flags words never written), and {@code readJsonFields(TlJsonReader)}, which reads the members after
 * {@code "_"} in any order and builds the object through the validating public constructor.
 */
final class JsonEmitter {
    private static final String R = "r$";

    private final ClassModel c;
    private final JavaSource src;

    /**
     * @param c the class being written
     * @param src the source it is written into
     */
    JsonEmitter(ClassModel c, JavaSource src) {
        this.c = c;
        this.src = src;
    }

    /** Writes {@code writeJson}. */
    void writeMethod() {
        src.line("@Override");
        src.open("public void writeJson(TlJsonWriter w)");
        src.line("w.startObject(TL_NAME);");
        for (FieldModel f : c.userFields()) {
            String name = "w.name(\"" + f.param().name() + "\");";
            String present = "(this." + f.flagsWord() + " & " + f.mask() + ") != 0";
            if (f.isTrueFlag()) {
                src.open("if (" + present + ")");
                src.line(name);
                src.line("w.writeBool(true);");
                src.close();
            } else if (f.isOptionalValue()) {
                src.open("if (" + present + ")");
                src.line(name);
                src.line(JsonExpressions.write(f.type(), "w", "this." + f.javaName()) + ";");
                src.close();
            } else {
                src.line(name);
                src.line(JsonExpressions.write(f.type(), "w", "this." + f.javaName()) + ";");
            }
        }
        src.line("w.endObject();");
        src.close().blank();
    }

    /** Writes {@code readJsonFields}. */
    void readMethod() {
        String type = c.generic() ? c.simpleName() + "<?>" : c.simpleName();
        src.javadoc("Reads the members of {@code " + c.combinator().name() + "} from JSON: everything after {@code \"_\"}, in any order.",
                "",
                "@param " + R + " the reader, inside the object",
                "@return the object",
                "@throws dev.mtproto.tl.TlJsonException if a member is unknown, missing, of the wrong type, or the values are",
                "    not consistent");
        src.open("public static " + type + " readJsonFields(TlJsonReader " + R + ")");
        if (c.userFields().isEmpty()) {
            emptyBody();
        } else {
            locals();
            memberLoop();
            requiredChecks();
            construction();
        }
        src.close().blank();
    }

    private void emptyBody() {
        src.line("String field$ = " + R + ".nextField();");
        for (FieldModel word : c.flagsWords()) {
            src.open("if (\"" + word.param().name() + "\".equals(field$))");
            src.line(R + ".skipFlagsWord();");
            src.line("field$ = " + R + ".nextField();");
            src.close();
        }
        src.open("if (field$ != null)");
        src.line("throw " + R + ".unknownField(field$, TL_NAME);");
        src.close();
        src.line(c.storedFields().isEmpty() && !c.generic() ? "return INSTANCE;" : "return new " + c.simpleName() + "();");
    }

    private void locals() {
        for (FieldModel f : c.userFields()) {
            if (f.isTrueFlag()) {
                src.line("boolean " + f.javaName() + " = false;");
            } else if (f.isRequiredValue() && f.type().isPrimitive()) {
                src.line(f.type().decl() + " " + f.javaName() + " = " + f.type().zeroLiteral() + ";");
                src.line("boolean " + f.javaName() + "$ = false;");
            } else {
                src.line(localType(f) + " " + f.javaName() + " = null;");
            }
        }
    }

    private static String localType(FieldModel f) {
        if (f.type().kind() == JType.Kind.METHOD_VARIABLE) {
            return "TlMethod<?>";
        }
        return f.parameterType();
    }

    private void memberLoop() {
        src.open("for (String field$ = " + R + ".nextField(); field$ != null; field$ = " + R + ".nextField())");
        src.open("switch (field$)");
        for (FieldModel f : c.userFields()) {
            String label = "case \"" + f.param().name() + "\": ";
            if (f.isTrueFlag()) {
                src.line(label + f.javaName() + " = " + R + ".readFlag(); break;");
            } else if (f.isOptionalValue()) {
                src.line(label + f.javaName() + " = " + R + ".isNull() ? null : " + JsonExpressions.read(f.type(), R) + "; break;");
            } else if (f.type().isPrimitive()) {
                src.line(label + f.javaName() + " = " + JsonExpressions.read(f.type(), R) + "; " + f.javaName() + "$ = true; break;");
            } else {
                src.line(label + f.javaName() + " = " + JsonExpressions.read(f.type(), R) + "; break;");
            }
        }
        for (FieldModel word : c.flagsWords()) {
            src.line("case \"" + word.param().name() + "\": " + R + ".skipFlagsWord(); break;");
        }
        src.line("default: throw " + R + ".unknownField(field$, TL_NAME);");
        src.close();
        src.close();
    }

    private void requiredChecks() {
        for (FieldModel f : c.userFields()) {
            if (!f.isRequiredValue()) {
                continue;
            }
            String missing = f.type().isPrimitive() ? "!" + f.javaName() + "$" : f.javaName() + " == null";
            src.open("if (" + missing + ")");
            src.line("throw " + R + ".missingField(\"" + f.param().name() + "\", TL_NAME);");
            src.close();
        }
    }

    private void construction() {
        List<String> args = new ArrayList<>();
        for (FieldModel f : c.userFields()) {
            args.add(f.javaName());
        }
        src.open("try");
        src.line("return new " + c.simpleName() + (c.generic() ? "<>" : "") + "(" + String.join(", ", args) + ");");
        src.reopen("catch (IllegalArgumentException | NullPointerException e$)");
        src.line("throw " + R + ".invalidObject(TL_NAME, e$);");
        src.close();
    }
}
