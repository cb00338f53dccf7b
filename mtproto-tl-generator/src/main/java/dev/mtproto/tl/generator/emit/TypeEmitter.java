package dev.mtproto.tl.generator.emit;

import dev.mtproto.tl.generator.model.ClassModel;
import dev.mtproto.tl.generator.model.FieldModel;
import dev.mtproto.tl.generator.model.TypeModel;
import java.util.List;

/**
 * Writes the sealed interface of one TL type: the accessors all its constructors share, and the static
 * {@code read} that dispatches on the constructor id.
 */
final class TypeEmitter {
    private TypeEmitter() {
    }

    /**
     * @param type the type to write
     * @param schemaFile the schema file name, for the header comment
     * @return the Java source
     */
    static String emit(TypeModel type, String schemaFile) {
        JavaSource src = new JavaSource(type.packageName());

        List<ClassModel> ctors = type.constructors();
        String links = String.join(", ", ctors.stream().map(c -> "{@link " + c.simpleName() + "}").toList());
        src.javadoc("TL type {@code " + type.tlName() + "}: " + (ctors.size() == 1 ? "its only constructor is " : "one of ") + links + ".",
                "",
                "A {@code switch} or {@code instanceof} over the permitted classes covers every value the server can send",
                "at this layer.");
        String permits = String.join(", ", ctors.stream().map(ClassModel::simpleName).toList());
        src.open("public sealed interface " + type.simpleName() + " extends TlObject permits " + permits);

        for (FieldModel f : type.commonFields()) {
            src.javadoc("@return " + ClassEmitter.fieldDescription(f) + ", which every constructor of this type has");
            src.line(f.accessorType() + " " + f.javaName() + "();");
            src.blank();
        }

        src.javadoc("Reads a boxed {@code " + type.tlName() + "}: a constructor id, then that constructor's fields.",
                "",
                "@param r the reader",
                "@return the decoded value",
                "@throws dev.mtproto.tl.TlDecodeException if the id is not a constructor of this type, or the bytes are",
                "    truncated or malformed" + (type.recursive() ? ", or values of this type are nested too deeply" : ""));
        src.open("static " + type.simpleName() + " read(TlReader r)");
        if (type.recursive()) {
            src.line("r.enterNested();");
        }
        src.line("int id = r.readInt();");
        src.line(type.simpleName() + " value;");
        src.open("switch (id)");
        for (ClassModel c : ctors) {
            src.line("case " + c.simpleName() + ".CONSTRUCTOR_ID: value = " + c.simpleName() + ".readBare(r); break;");
        }
        src.line("default: throw r.unexpectedConstructor(id, \"" + type.tlName() + "\");");
        src.close();
        if (type.recursive()) {
            src.line("r.exitNested();");
        }
        src.line("return value;");
        src.close().blank();
        readJson(src, type);
        src.close();
        return src.withImports(Headers.fileHeader(schemaFile, type.packageName()), Headers.RUNTIME);
    }

    private static void readJson(JavaSource src, TypeModel type) {
        List<ClassModel> ctors = type.constructors();
        src.javadoc("Reads a {@code " + type.tlName() + "} from JSON: an object whose {@code \"_\"} names one of its constructors.",
                "",
                "@param r the reader, positioned on the object",
                "@return the decoded value",
                "@throws dev.mtproto.tl.TlJsonException if the value is not such an object, or its members are not valid for",
                "    the constructor" + (type.recursive() ? ", or values of this type are nested too deeply" : ""));
        src.open("static " + type.simpleName() + " readJson(TlJsonReader r)");
        if (type.recursive()) {
            src.line("r.enterNested();");
        }
        src.line("String name = r.startObject();");
        src.line(type.simpleName() + " value = readJsonNamed(name, r);");
        src.open("if (value == null)");
        src.line("throw r.unexpectedConstructor(name, \"" + type.tlName() + "\");");
        src.close();
        if (type.recursive()) {
            src.line("r.exitNested();");
        }
        src.line("return value;");
        src.close().blank();
        String signature = "private static " + type.simpleName() + " %s(String name, TlJsonReader r)";
        src.open(String.format(signature, "readJsonNamed"));
        List<Runnable> helpers = NameDispatch.body(src, signature, "readJsonNamed", "name, r",
                ctors.stream().map(c -> new NameDispatch.Case(c.combinator().name(), c.simpleName() + ".readJsonFields(r)")).toList(), "null");
        src.close();
        helpers.forEach(Runnable::run);
    }
}
