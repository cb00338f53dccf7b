package dev.mtproto.tl.generator.importer;

import dev.mtproto.tl.generator.schema.TlCombinator;
import dev.mtproto.tl.generator.schema.TlSchema;
import dev.mtproto.tl.generator.schema.TlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The form {@code src-schema/api.tl} is kept in, whatever the route it came by: the {@code // LAYER N}
 * marker on the first line, a header saying where the schema came from, the built-ins, then one
 * declaration per line (ids as eight lower-case hex digits, single spaces), constructors first, then
 * {@code ---functions---} and the functions, each in the order of the source. {@code make-api-tl.mjs}
 * writes the same layout from mtcute's JSON.
 */
final class CanonicalSchemaText {
    private CanonicalSchemaText() {
    }

    /**
     * @param schema the parsed schema, which must have a layer
     * @param origin where it came from, for the header (a file name and its SHA-256)
     * @return the text, ending with a line break
     * @throws IllegalArgumentException if the schema has no layer
     */
    static String render(TlSchema schema, String origin) {
        int layer = schema.layer().orElseThrow(() -> new IllegalArgumentException(schema.source() + " has no // LAYER marker"));
        List<String> lines = new ArrayList<>();
        lines.add("// LAYER " + layer);
        lines.add("// Telegram API schema, layer " + layer + ": ids, names and types only.");
        lines.add("// Imported from " + origin + " by mtproto-tl-generator (TelegramSchemaImport); do not edit by hand.");
        lines.add("");
        lines.add("// Built-in types.");
        for (TlCombinator b : schema.builtins()) {
            lines.add(builtin(b));
        }
        lines.add("");
        for (TlCombinator c : schema.constructors()) {
            lines.add(c.toString());
        }
        lines.add("");
        lines.add("---functions---");
        lines.add("");
        for (TlCombinator f : schema.functions()) {
            lines.add(f.toString());
        }
        lines.add("");
        return String.join("\n", lines);
    }

    /** Built-ins are written in TL's own notation, which {@link TlCombinator#toString()} does not produce. */
    private static String builtin(TlCombinator b) {
        if (b.name().equals("vector")) {
            return "vector#" + b.hexId() + " {t:Type} # [ t ] = Vector t;";
        }
        if (b.id() == 0 && b.params().isEmpty() && b.result() instanceof TlType.Named type) {
            return b.name() + " ? = " + type.name() + ";";
        }
        return b.toString();
    }
}
