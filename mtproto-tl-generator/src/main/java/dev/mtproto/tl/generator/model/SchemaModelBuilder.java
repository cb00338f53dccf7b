package dev.mtproto.tl.generator.model;

import dev.mtproto.tl.generator.schema.TlCombinator;
import dev.mtproto.tl.generator.schema.TlParam;
import dev.mtproto.tl.generator.schema.TlSchema;
import dev.mtproto.tl.generator.schema.TlType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a parsed schema into the Java model: names (see {@link JavaNames}), Java types, flag words,
 * recursion and the accessors an interface can declare because all its constructors have them.
 */
public final class SchemaModelBuilder {

    private final TlSchema schema;
    private final String name;
    private final String basePackage;
    private final SecretFields secrets;

    private final Map<String, TypeModel> types = new LinkedHashMap<>();
    private final Map<String, TlCombinator> constructorsByName = new HashMap<>();
    private final Map<String, String> classNames = new HashMap<>(); // "c:" / "f:" + TL name -> qualified
    private final Map<String, Map<String, String>> takenNames = new HashMap<>(); // package -> lower name -> owner
    private final Map<String, Integer> bareSizes = new HashMap<>();

    private SchemaModelBuilder(TlSchema schema, String name, String basePackage, SecretFields secrets) {
        this.schema = schema;
        this.name = name;
        this.basePackage = basePackage;
        this.secrets = secrets;
    }

    /**
     * Builds the model of one schema.
     *
     * @param schema the parsed schema
     * @param name the schema's short name, such as {@code Api}; the registry class is {@code ApiSchema}
     * @param basePackage the base package, such as {@code dev.mtproto.tl.api}
     * @param secrets which fields {@code toString()} must hide
     * @return the model
     * @throws SchemaModelException when names clash after every rule of {@link JavaNames} was applied,
     *     or a type cannot be mapped to Java
     */
    public static SchemaModel build(TlSchema schema, String name, String basePackage, SecretFields secrets) {
        return new SchemaModelBuilder(schema, name, basePackage, secrets).build();
    }

    private SchemaModel build() {
        for (TlCombinator c : schema.constructors()) {
            constructorsByName.put(c.name(), c);
        }
        assignClassNames();
        assignTypeNames();

        List<ClassModel> constructors = new ArrayList<>();
        for (TlCombinator c : schema.constructors()) {
            TypeModel type = types.get(resultName(c));
            ClassModel model = classModel(c, classNames.get("c:" + c.name()), type, null, false);
            constructors.add(model);
            if (type != null) {
                type.constructors().add(model);
            }
        }
        List<ClassModel> functions = new ArrayList<>();
        for (TlCombinator f : schema.functions()) {
            boolean generic = !f.typeParameters().isEmpty();
            JType result = resolve(f.result(), f);
            if (result.kind() == JType.Kind.BARE) {
                throw new SchemaModelException(schema.source() + ":" + f.line() + ": function '" + f.name() + "' returns a bare type, which the generator does not support");
            }
            functions.add(classModel(f, classNames.get("f:" + f.name()), null, result, generic));
        }

        checkSealedPackages();
        markRecursiveTypes();
        findCommonFields();

        List<SchemaModel.BuiltinName> builtins = schema.builtins().stream()
                .filter(b -> b.id() != 0)
                .map(b -> new SchemaModel.BuiltinName(b.id(), b.name()))
                .toList();
        return new SchemaModel(name, basePackage, schema.layer(), List.copyOf(types.values()), constructors, functions, builtins);
    }

    private static String resultName(TlCombinator c) {
        return ((TlType.Named) c.result()).name();
    }

    private void claim(String pkg, String simple, String owner) {
        String clash = takenNames.computeIfAbsent(pkg, k -> new HashMap<>()).putIfAbsent(simple.toLowerCase(Locale.ROOT), owner);
        if (clash != null) {
            throw new SchemaModelException(schema.source() + ": " + owner + " and " + clash + " both map to " + pkg + "." + simple
                    + " (names are compared ignoring case)");
        }
    }

    private boolean isTaken(String pkg, String simple) {
        return takenNames.getOrDefault(pkg, Map.of()).containsKey(simple.toLowerCase(Locale.ROOT));
    }

    private void assignClassNames() {
        for (TlCombinator c : schema.constructors()) {
            String pkg = JavaNames.packageName(basePackage, c.name());
            String simple = JavaNames.className(c.name());
            claim(pkg, simple, "constructor " + c.name());
            classNames.put("c:" + c.name(), pkg + "." + simple);
        }
        for (TlCombinator f : schema.functions()) {
            String pkg = JavaNames.packageName(basePackage, f.name());
            String simple = JavaNames.className(f.name());
            if (isTaken(pkg, simple)) {
                simple += "Request";
            }
            claim(pkg, simple, "function " + f.name());
            classNames.put("f:" + f.name(), pkg + "." + simple);
        }
    }

    /**
     * Types whose natural name is free claim it first; the others then take the first free of
     * {@code <Name>Type} and {@code <Name>TlType} (TL has both {@code SecureValue} and a type literally
     * named {@code SecureValueType}).
     */
    private void assignTypeNames() {
        Map<String, String> pending = new LinkedHashMap<>(); // TL type -> package
        for (TlCombinator c : schema.constructors()) {
            String type = resultName(c);
            if (!type.equals("Object")) {
                pending.putIfAbsent(type, JavaNames.packageName(basePackage, type));
            }
        }
        List<String> suffixed = new ArrayList<>();
        for (Map.Entry<String, String> e : pending.entrySet()) {
            String simple = JavaNames.className(e.getKey());
            if (isTaken(e.getValue(), simple)) {
                suffixed.add(e.getKey());
            } else {
                claim(e.getValue(), simple, "type " + e.getKey());
                types.put(e.getKey(), new TypeModel(e.getKey(), e.getValue(), simple));
            }
        }
        for (String type : suffixed) {
            String pkg = pending.get(type);
            String simple = JavaNames.className(type) + "Type";
            if (isTaken(pkg, simple)) {
                simple = JavaNames.className(type) + "TlType";
            }
            claim(pkg, simple, "type " + type);
            types.put(type, new TypeModel(type, pkg, simple));
        }
        // keep the schema's order of first appearance
        Map<String, TypeModel> ordered = new LinkedHashMap<>();
        for (String type : pending.keySet()) {
            ordered.put(type, types.get(type));
        }
        types.clear();
        types.putAll(ordered);
    }

    private ClassModel classModel(TlCombinator c, String qualified, TypeModel type, JType result, boolean generic) {
        String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
        String pkg = qualified.substring(0, qualified.lastIndexOf('.'));
        List<FieldModel> fields = new ArrayList<>();
        Set<String> javaNames = new HashSet<>();
        for (TlParam p : c.params()) {
            String javaName = JavaNames.fieldName(p.name());
            if (!javaNames.add(javaName)) {
                throw new SchemaModelException(schema.source() + ":" + c.line() + ": two fields of '" + c.name() + "' map to the Java name '" + javaName + "'");
            }
            String flagsWord = p.condition() == null ? null : JavaNames.fieldName(p.condition().flagsField());
            int bit = p.condition() == null ? 0 : p.condition().bit();
            JType jt = p.isFlagsWord() || p.isTrueFlag() ? null : resolve(p.type(), c);
            fields.add(new FieldModel(p, javaName, jt, flagsWord, bit, secrets.isSecret(c.name(), p.name())));
        }
        return new ClassModel(c, pkg, simple, type, fields, result, generic);
    }

    private JType resolve(TlType t, TlCombinator owner) {
        if (t instanceof TlType.Vector v) {
            JType element = resolve(v.element(), owner);
            if (element.kind() == JType.Kind.METHOD_VARIABLE || element.kind() == JType.Kind.RESULT_VARIABLE) {
                throw new SchemaModelException(schema.source() + ":" + owner.line() + ": vectors of type variables are not supported ('" + owner.name() + "')");
            }
            return JType.vector(element, v.bare());
        }
        if (t instanceof TlType.TypeVariable tv) {
            return JType.of(tv.bang() ? JType.Kind.METHOD_VARIABLE : JType.Kind.RESULT_VARIABLE);
        }
        if (t instanceof TlType.FlagsWord) {
            throw new SchemaModelException(schema.source() + ":" + owner.line() + ": '#' used as a value type in '" + owner.name() + "'");
        }
        TlType.Named n = (TlType.Named) t;
        switch (n.name()) {
            case "int": return JType.of(JType.Kind.INT);
            case "long": return JType.of(JType.Kind.LONG);
            case "double": return JType.of(JType.Kind.DOUBLE);
            case "string": return JType.of(JType.Kind.STRING);
            case "bytes": return JType.of(JType.Kind.BYTES);
            case "int128": return JType.of(JType.Kind.INT128);
            case "int256": return JType.of(JType.Kind.INT256);
            case "Bool": return JType.of(JType.Kind.BOOL);
            case "Object": return JType.of(JType.Kind.ANY_OBJECT);
            default: break;
        }
        if (!n.bare()) {
            TypeModel type = types.get(n.name());
            if (type == null) {
                throw new SchemaModelException(schema.source() + ":" + owner.line() + ": type '" + n.name() + "' used by '" + owner.name() + "' has no constructors");
            }
            return JType.boxed(type.qualifiedName());
        }
        TlCombinator ctor = constructorsByName.get(n.name());
        if (ctor == null) { // %Type: the bare form of the type's only constructor
            ctor = schema.constructors().stream().filter(c -> resultName(c).equals(n.name())).findFirst()
                    .orElseThrow(() -> new SchemaModelException(schema.source() + ": no constructor for bare type '" + n + "'"));
        }
        return JType.bare(classNames.get("c:" + ctor.name()), bareSize(ctor));
    }

    private int bareSize(TlCombinator c) {
        Integer known = bareSizes.get(c.name());
        if (known != null) {
            return known;
        }
        int size = 0;
        for (TlParam p : c.params()) {
            if (p.isFlagsWord()) {
                size += 4;
            } else if (p.condition() == null) {
                size += resolve(p.type(), c).minSize();
            }
        }
        bareSizes.put(c.name(), size);
        return size;
    }

    /** Sealed interfaces outside a named module may only permit classes of their own package. */
    private void checkSealedPackages() {
        for (TypeModel type : types.values()) {
            for (ClassModel c : type.constructors()) {
                if (!c.packageName().equals(type.packageName())) {
                    throw new SchemaModelException(schema.source() + ":" + c.combinator().line() + ": constructor '" + c.combinator().name()
                            + "' is in namespace package " + c.packageName() + " but its type '" + type.tlName() + "' is in "
                            + type.packageName() + "; a sealed interface needs its constructors in its own package");
                }
            }
        }
    }

    private void markRecursiveTypes() {
        Map<String, Set<String>> edges = new HashMap<>();
        for (TypeModel type : types.values()) {
            Set<String> out = new HashSet<>();
            for (ClassModel c : type.constructors()) {
                for (FieldModel f : c.fields()) {
                    if (f.type() != null) {
                        collectTypes(f.type(), out);
                    }
                }
            }
            edges.put(type.qualifiedName(), out);
        }
        for (TypeModel type : types.values()) {
            Deque<String> todo = new ArrayDeque<>(edges.get(type.qualifiedName()));
            Set<String> visited = new HashSet<>();
            while (!todo.isEmpty()) {
                String next = todo.pop();
                if (next.equals(type.qualifiedName())) {
                    type.markRecursive();
                    break;
                }
                if (visited.add(next)) {
                    todo.addAll(edges.getOrDefault(next, Set.of()));
                }
            }
        }
    }

    private void collectTypes(JType t, Set<String> out) {
        switch (t.kind()) {
            case BOXED -> out.add(t.javaClass());
            case VECTOR -> collectTypes(t.element(), out);
            case BARE -> {
                // a bare value is its constructor's fields, inlined
                for (TypeModel type : types.values()) {
                    for (ClassModel c : type.constructors()) {
                        if (c.qualifiedName().equals(t.javaClass())) {
                            for (FieldModel f : c.fields()) {
                                if (f.type() != null && f.type().kind() != JType.Kind.BARE) {
                                    collectTypes(f.type(), out);
                                }
                            }
                        }
                    }
                }
            }
            default -> {
            }
        }
    }

    private void findCommonFields() {
        for (TypeModel type : types.values()) {
            List<ClassModel> ctors = type.constructors();
            for (FieldModel candidate : ctors.get(0).userFields()) {
                boolean everywhere = ctors.stream().allMatch(c -> c.userFields().stream().anyMatch(f ->
                        f.javaName().equals(candidate.javaName())
                                && f.accessorType().equals(candidate.accessorType())
                                && f.isTrueFlag() == candidate.isTrueFlag()));
                if (everywhere) {
                    type.commonFields().add(candidate);
                }
            }
        }
    }
}
