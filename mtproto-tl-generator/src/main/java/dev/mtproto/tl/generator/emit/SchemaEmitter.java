package dev.mtproto.tl.generator.emit;

import dev.mtproto.tl.generator.model.ClassModel;
import dev.mtproto.tl.generator.model.SchemaModel;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Writes {@code <Name>Schema}: the schema's entry in the runtime registry. It reads any of the schema's
 * objects by constructor id (a {@code switch} split into 16 buckets by the id's top four bits, so that
 * each method stays small enough for the JIT) and from JSON by TL name ({@link NameDispatch}), names every
 * id, and lists every constructor and function.
 */
final class SchemaEmitter {
    private static final int INFO_CHUNK = 200;

    private SchemaEmitter() {
    }

    static String emit(SchemaModel model, String schemaFile) {
        String pkg = model.basePackage();
        String cls = model.name() + "Schema";
        JavaSource src = new JavaSource(pkg);

        List<ClassModel> all = new ArrayList<>(model.constructors());
        all.addAll(model.functions());

        src.javadoc("The " + schemaFile + " schema" + (model.layer().isPresent() ? " (layer " + model.layer().getAsInt() + ")" : "")
                        + ": " + model.constructors().size() + " constructors and " + model.functions().size() + " functions.",
                "",
                "Registered for {@link java.util.ServiceLoader} under {@link TlSchema}, so that",
                "{@code TlRegistry.standard()} finds it.");
        src.open("public final class " + cls + " implements TlSchema");
        src.javadoc("The shared instance.");
        src.line("public static final " + cls + " INSTANCE = new " + cls + "();");
        src.blank();
        if (model.layer().isPresent()) {
            src.javadoc("The layer of the schema, from its {@code // LAYER} marker.");
            src.line("public static final int LAYER = " + model.layer().getAsInt() + ";");
            src.blank();
        }
        src.javadoc("Creates the schema; {@link java.util.ServiceLoader} needs a public no-argument constructor. Prefer {@link #INSTANCE}.");
        src.open("public " + cls + "()");
        src.close().blank();

        src.line("@Override");
        src.open("public String name()");
        src.line("return \"" + model.name() + "\";");
        src.close().blank();

        src.line("@Override");
        src.open("public OptionalInt layer()");
        src.line(model.layer().isPresent() ? "return OptionalInt.of(LAYER);" : "return OptionalInt.empty();");
        src.close().blank();

        // readBare: bucketed switch
        TreeMap<Integer, List<ClassModel>> buckets = new TreeMap<>();
        for (ClassModel c : all) {
            buckets.computeIfAbsent(c.combinator().id() >>> 28, k -> new ArrayList<>()).add(c);
        }
        src.line("@Override");
        src.open("public TlObject readBare(int constructorId, TlReader r)");
        src.open("switch (constructorId >>> 28)");
        for (int b : buckets.keySet()) {
            src.line("case " + b + ": return readBare" + b + "(constructorId, r);");
        }
        src.line("default: return null;");
        src.close();
        src.close().blank();
        for (var e : buckets.entrySet()) {
            src.open("private static TlObject readBare" + e.getKey() + "(int constructorId, TlReader r)");
            src.open("switch (constructorId)");
            for (ClassModel c : e.getValue()) {
                src.line("case " + c.qualifiedName() + ".CONSTRUCTOR_ID: return " + c.qualifiedName() + ".readBare(r);");
            }
            src.line("default: return null;");
            src.close();
            src.close().blank();
        }

        // readJson: bucketed switch on the TL name
        src.line("@Override");
        src.open("public TlObject readJson(String name, TlJsonReader r)");
        List<Runnable> jsonHelpers = NameDispatch.body(src, "private static TlObject %s(String name, TlJsonReader r)", "readJson", "name, r",
                all.stream().map(c -> new NameDispatch.Case(c.combinator().name(), c.qualifiedName() + ".readJsonFields(r)")).toList(), "null");
        src.close().blank();
        jsonHelpers.forEach(Runnable::run);

        // nameOf: from the info table
        src.line("@Override");
        src.open("public String nameOf(int constructorId)");
        src.line("TlConstructorInfo info = Infos.BY_ID.get(constructorId);");
        src.line("return info == null ? null : info.name();");
        src.close().blank();

        src.line("@Override");
        src.open("public List<TlConstructorInfo> constructors()");
        src.line("return Infos.ALL;");
        src.close().blank();

        // info table, built lazily in chunks so that no method grows large
        src.open("private static final class Infos");
        src.line("static final List<TlConstructorInfo> ALL;");
        src.line("static final java.util.Map<Integer, TlConstructorInfo> BY_ID;");
        src.blank();
        src.open("static");
        src.line("List<TlConstructorInfo> list = new ArrayList<>(" + (all.size() + model.builtinNames().size()) + ");");
        int chunks = (all.size() + INFO_CHUNK - 1) / INFO_CHUNK;
        for (int i = 0; i < chunks; i++) {
            src.line("add" + i + "(list);");
        }
        for (SchemaModel.BuiltinName b : model.builtinNames()) {
            src.line("list.add(new TlConstructorInfo(0x" + String.format("%08x", b.id()) + ", \"" + b.name() + "\", TlConstructorInfo.Kind.BUILTIN, null, null));");
        }
        src.line("ALL = List.copyOf(list);");
        src.line("java.util.Map<Integer, TlConstructorInfo> byId = new java.util.HashMap<>(ALL.size() * 2);");
        src.open("for (TlConstructorInfo info : ALL)");
        src.line("byId.put(info.id(), info);");
        src.close();
        src.line("BY_ID = java.util.Map.copyOf(byId);");
        src.close().blank();
        for (int i = 0; i < chunks; i++) {
            src.open("private static void add" + i + "(List<TlConstructorInfo> list)");
            for (ClassModel c : all.subList(i * INFO_CHUNK, Math.min(all.size(), (i + 1) * INFO_CHUNK))) {
                String kind = c.isFunction() ? "FUNCTION" : "CONSTRUCTOR";
                String type = c.isFunction() ? c.combinator().result().toString() : c.type() == null ? "Object" : c.type().tlName();
                src.line("list.add(new TlConstructorInfo(0x" + c.combinator().hexId() + ", \"" + c.combinator().name() + "\", TlConstructorInfo.Kind."
                        + kind + ", \"" + c.qualifiedName() + "\", \"" + type + "\"));");
            }
            src.close().blank();
        }
        src.close();
        src.close();
        return src.withImports(Headers.fileHeader(schemaFile, pkg) + "import java.util.ArrayList;\nimport java.util.List;\nimport java.util.OptionalInt;\n", Headers.RUNTIME);
    }
}
