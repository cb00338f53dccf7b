package dev.mtproto.tl.generator.importer;

import dev.mtproto.tl.generator.model.SchemaModelBuilder;
import dev.mtproto.tl.generator.model.SchemaModelException;
import dev.mtproto.tl.generator.model.SecretFields;
import dev.mtproto.tl.generator.schema.TlCombinator;
import dev.mtproto.tl.generator.schema.TlSchema;
import dev.mtproto.tl.generator.schema.TlSchemaParseException;
import dev.mtproto.tl.generator.schema.TlSchemaParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes Telegram's own {@code api.tl} (as Telegram Desktop publishes it, {@code
 * Telegram/SourceFiles/mtproto/scheme/api.tl}) the project's {@code src-schema/api.tl}, the first step of
 * a layer upgrade ({@code docs/layer-upgrade.md}).
 *
 * <pre>
 * java -cp mtproto-tl-generator/target/classes dev.mtproto.tl.generator.importer.TelegramSchemaImport \
 *     path/to/api.tl [src-schema/api.tl]
 * </pre>
 *
 * <p>It reads the file with the generator's own parser (which accepts the file as published: blank lines,
 * short ids, the trailing {@code // LAYER N}, no {@code vector} declaration), checks that it has a layer
 * and that every name maps to Java without a clash, writes it in the project's canonical layout
 * ({@link CanonicalSchemaText}; the header records the source file's SHA-256), checks that the written
 * file parses back to the same declarations, and prints what changed against the file it replaces and
 * whether the root {@code pom.xml}'s {@code mtproto.layer} still has to be set. Nothing is edited by hand.
 */
public final class TelegramSchemaImport {
    private static final Pattern POM_LAYER = Pattern.compile("<mtproto\\.layer>(\\d+)</mtproto\\.layer>");

    private TelegramSchemaImport() {
    }

    /**
     * @param args the Telegram file, and optionally the output (default {@code src-schema/api.tl})
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the import.
     *
     * @param args the Telegram file, and optionally the output (default {@code src-schema/api.tl}, next to
     *     which the root {@code pom.xml} is looked for)
     * @param out where the report goes
     * @param err where problems go
     * @return 0 when the output was written, 1 when the input is not usable, 2 for a usage error
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 1 || args.length > 2 || args[0].startsWith("-")) {
            err.println("usage: TelegramSchemaImport <telegram api.tl> [<output, default src-schema/api.tl>]");
            return 2;
        }
        Path input = Path.of(args[0]);
        Path output = Path.of(args.length == 2 ? args[1] : "src-schema/api.tl");
        try {
            byte[] bytes = Files.readAllBytes(input);
            TlSchema schema = TlSchemaParser.parse(input.getFileName().toString(), new String(bytes, StandardCharsets.UTF_8));
            if (schema.layer().isEmpty()) {
                err.println(input + ": no '// LAYER N' marker; Telegram's api.tl ends with one, so this is not such a file or it was cut short");
                return 1;
            }
            SchemaModelBuilder.build(schema, "Api", "dev.mtproto.tl.api", SecretFields.TELEGRAM);
            String text = CanonicalSchemaText.render(schema, input.getFileName() + " (SHA-256 " + sha256(bytes) + ")");
            checkSameDeclarations(schema, TlSchemaParser.parse(output.getFileName().toString(), text));

            TlSchema previous = Files.exists(output)
                    ? TlSchemaParser.parse(output.getFileName().toString(), Files.readString(output, StandardCharsets.UTF_8))
                    : null;
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.writeString(output, text, StandardCharsets.UTF_8);
            report(schema, previous, output, out);
            return 0;
        } catch (TlSchemaParseException | SchemaModelException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("cannot import " + input + " into " + output + ": " + e);
            return 1;
        }
    }

    private static void report(TlSchema schema, TlSchema previous, Path output, PrintStream out) throws IOException {
        int layer = schema.layer().getAsInt();
        out.println("wrote " + output + ": layer " + layer + ", " + schema.constructors().size() + " constructors, "
                + schema.functions().size() + " functions");
        if (previous != null) {
            SchemaChanges changes = SchemaChanges.between(previous, schema);
            out.println("against the previous file (layer " + (previous.layer().isPresent() ? previous.layer().getAsInt() : "none") + "): "
                    + changes.added().size() + " added, " + changes.removed().size() + " removed, " + changes.changed().size() + " changed");
            changes.describe().forEach(line -> out.println("  " + line));
        }
        Path pom = output.toAbsolutePath().getParent().resolveSibling("pom.xml");
        if (Files.exists(pom)) {
            Matcher m = POM_LAYER.matcher(Files.readString(pom, StandardCharsets.UTF_8));
            if (m.find() && Integer.parseInt(m.group(1)) == layer) {
                out.println(pom + " already says <mtproto.layer>" + layer + "</mtproto.layer>");
            } else {
                out.println("next: set <mtproto.layer>" + layer + "</mtproto.layer> in " + pom + ", then build");
            }
        }
    }

    /** The written text must mean exactly what was read; anything else is a bug of the renderer. */
    private static void checkSameDeclarations(TlSchema read, TlSchema written) {
        if (!read.layer().equals(written.layer())
                || !texts(read.constructors()).equals(texts(written.constructors()))
                || !texts(read.functions()).equals(texts(written.functions()))
                || !texts(read.builtins()).equals(texts(written.builtins()))) {
            throw new IllegalStateException("the canonical text of " + read.source() + " does not parse back to the same declarations");
        }
    }

    private static List<String> texts(List<TlCombinator> combinators) {
        return combinators.stream().map(TlCombinator::toString).toList();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the runtime has no SHA-256", e);
        }
    }
}
