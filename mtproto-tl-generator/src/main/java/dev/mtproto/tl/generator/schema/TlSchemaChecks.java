package dev.mtproto.tl.generator.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks a parsed schema must pass as a whole: every type a field names exists (and {@code %T} names a
 * type with exactly one constructor), and no id or name is declared twice.
 */
final class TlSchemaChecks {

    /**
     * A type named by a field, to be checked once every declaration is known.
     *
     * @param type the type as written
     * @param percent whether it was written {@code %T}
     * @param at where, for messages
     */
    record Reference(TlType.Named type, boolean percent, TlToken at) {
    }

    private final String source;
    private final List<TlCombinator> constructors;
    private final List<TlCombinator> functions;
    private final List<TlCombinator> builtins;

    /**
     * @param source the file name used in messages
     * @param constructors the constructors
     * @param functions the functions
     * @param builtins the built-in declarations
     */
    TlSchemaChecks(String source, List<TlCombinator> constructors, List<TlCombinator> functions, List<TlCombinator> builtins) {
        this.source = source;
        this.constructors = constructors;
        this.functions = functions;
        this.builtins = builtins;
    }

    /**
     * @param references the types that fields name
     * @throws TlSchemaParseException for the first reference to a type, bare type or constructor that the
     *     schema does not declare
     */
    void checkReferences(List<Reference> references) {
        Map<String, List<TlCombinator>> byType = new HashMap<>();
        Set<String> constructorNames = new HashSet<>();
        for (TlCombinator c : constructors) {
            byType.computeIfAbsent(((TlType.Named) c.result()).name(), k -> new ArrayList<>()).add(c);
            constructorNames.add(c.name());
        }
        for (TlCombinator c : builtins) {
            if (c.result() instanceof TlType.Named named) {
                byType.computeIfAbsent(named.name(), k -> new ArrayList<>());
            }
        }
        for (Reference ref : references) {
            String name = ref.type().name();
            if (ref.percent()) {
                List<TlCombinator> ctors = byType.get(name);
                if (ctors == null) {
                    throw error(ref.at(), "unknown type '%" + name + "'");
                }
                if (ctors.size() != 1) {
                    throw error(ref.at(), "'%" + name + "' is bare, so type '" + name + "' must have exactly one constructor, but it has " + ctors.size());
                }
            } else if (ref.type().bare()) {
                if (!constructorNames.contains(name)) {
                    throw error(ref.at(), "unknown constructor '" + name + "' used as a bare type");
                }
            } else if (!byType.containsKey(name) && !TlSchemaParser.IMPLICIT_BOXED.contains(name)) {
                throw error(ref.at(), "unknown type '" + name + "'");
            }
        }
    }

    /** @throws TlSchemaParseException for the first id used twice, or name declared twice */
    void checkUniqueness() {
        Map<Integer, TlCombinator> ids = new HashMap<>();
        Map<String, TlCombinator> names = new HashMap<>();
        List<TlCombinator> all = new ArrayList<>(builtins);
        all.addAll(constructors);
        all.addAll(functions);
        for (TlCombinator c : all) {
            if (c.params().isEmpty() && c.id() == 0 && builtins.contains(c)) {
                continue; // "int ? = Int;" forms carry no id
            }
            TlCombinator clash = ids.putIfAbsent(c.id(), c);
            if (clash != null) {
                throw new TlSchemaParseException(source, c.line(), 1,
                        "id #" + c.hexId() + " of '" + c.name() + "' is already used by '" + clash.name() + "' on line " + clash.line());
            }
            String key = (c.function() ? "function " : "constructor ") + c.name();
            TlCombinator twin = names.putIfAbsent(key, c);
            if (twin != null) {
                throw new TlSchemaParseException(source, c.line(), 1, key + " is declared twice (first on line " + twin.line() + ")");
            }
        }
    }

    private TlSchemaParseException error(TlToken at, String problem) {
        return new TlSchemaParseException(source, at.line(), at.column(), problem);
    }
}
