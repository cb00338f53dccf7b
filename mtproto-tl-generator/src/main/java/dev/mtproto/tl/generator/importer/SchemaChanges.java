package dev.mtproto.tl.generator.importer;

import dev.mtproto.tl.generator.schema.TlCombinator;
import dev.mtproto.tl.generator.schema.TlSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two versions of a schema, declaration by declaration: constructors and functions
 * added, removed, and changed (a new id, or the same id with other fields, as Telegram sometimes does when
 * it only adds a {@code true} flag).
 *
 * @param added declarations only the new schema has
 * @param removed declarations only the old schema has
 * @param changed declarations of the same name that differ
 */
record SchemaChanges(List<TlCombinator> added, List<TlCombinator> removed, List<Change> changed) {

    /**
     * One declaration in both schemas, declared differently.
     *
     * @param before the old declaration
     * @param after the new one
     */
    record Change(TlCombinator before, TlCombinator after) {
    }

    /**
     * @param before the old schema
     * @param after the new schema
     * @return the changes, each list in the new (for removals, the old) schema's order
     */
    static SchemaChanges between(TlSchema before, TlSchema after) {
        Map<String, TlCombinator> old = byKey(before);
        Map<String, TlCombinator> now = byKey(after);
        List<TlCombinator> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (Map.Entry<String, TlCombinator> e : now.entrySet()) {
            TlCombinator was = old.get(e.getKey());
            if (was == null) {
                added.add(e.getValue());
            } else if (!was.toString().equals(e.getValue().toString())) {
                changed.add(new Change(was, e.getValue()));
            }
        }
        List<TlCombinator> removed = new ArrayList<>();
        for (Map.Entry<String, TlCombinator> e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                removed.add(e.getValue());
            }
        }
        return new SchemaChanges(added, removed, changed);
    }

    private static Map<String, TlCombinator> byKey(TlSchema schema) {
        Map<String, TlCombinator> map = new LinkedHashMap<>();
        for (TlCombinator c : schema.constructors()) {
            map.put("constructor " + c.name(), c);
        }
        for (TlCombinator f : schema.functions()) {
            map.put("function " + f.name(), f);
        }
        return map;
    }

    /** @return one line per change: {@code + name#id}, {@code - name#id}, {@code ~ name#old -> #new} */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (TlCombinator c : added) {
            lines.add("+ " + kind(c) + c.name() + "#" + c.hexId());
        }
        for (TlCombinator c : removed) {
            lines.add("- " + kind(c) + c.name() + "#" + c.hexId());
        }
        for (Change c : changed) {
            String ids = c.before().id() == c.after().id()
                    ? "#" + c.after().hexId() + ", same id, other fields"
                    : "#" + c.before().hexId() + " -> #" + c.after().hexId();
            lines.add("~ " + kind(c.after()) + c.after().name() + " " + ids);
        }
        return lines;
    }

    private static String kind(TlCombinator c) {
        return c.function() ? "function " : "";
    }
}
