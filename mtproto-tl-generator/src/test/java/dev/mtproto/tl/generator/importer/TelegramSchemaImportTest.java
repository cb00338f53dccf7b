package dev.mtproto.tl.generator.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.tl.generator.schema.TlSchema;
import dev.mtproto.tl.generator.schema.TlSchemaParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telegram's api.tl, as published, becomes {@code src-schema/api.tl} with no editing by hand. */
class TelegramSchemaImportTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TelegramSchemaImport.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The committed api.tl written back in Telegram's layout: no built-ins block, blank lines, short ids, layer last. */
    private static String inTelegramsLayout(String canonical) {
        List<String> out = new ArrayList<>(List.of("", "boolFalse#bc799737 = Bool;", "", "boolTrue#997275b5 = Bool;", "", "true#3fedd339 = True;", ""));
        Pattern id = Pattern.compile("^([\\w.]+)#0*([0-9a-f]+)( .*)$");
        String layer = null;
        for (String line : canonical.split("\n")) {
            if (line.startsWith("// LAYER")) {
                layer = line;
            } else if (!line.isEmpty() && !line.startsWith("//") && !line.startsWith("boolFalse#") && !line.startsWith("boolTrue#")
                    && !line.startsWith("true#") && !line.startsWith("vector#")) {
                Matcher m = id.matcher(line);
                out.add(m.matches() ? m.group(1) + "#" + m.group(2) + m.group(3) : line);
                out.add("");
            }
        }
        out.add(layer);
        return String.join("\n", out) + "\n";
    }

    private static String body(String canonical) {
        return canonical.substring(canonical.indexOf("\n\n"));
    }

    @Test
    void importingTelegramsLayoutOfTheCommittedSchemaGivesTheCommittedSchemaBack(@TempDir Path dir) throws Exception {
        String committed = Files.readString(Path.of("../src-schema/api.tl"));
        Path telegram = dir.resolve("api.tl");
        Files.writeString(telegram, inTelegramsLayout(committed));
        Path output = dir.resolve("src-schema/api.tl");

        Run run = run(telegram.toString(), output.toString());
        assertThat(run.status()).as(run.err()).isZero();
        String written = Files.readString(output);
        assertThat(body(written)).isEqualTo(body(committed));
        assertThat(written).startsWith("// LAYER 228\n").contains("// Imported from api.tl (SHA-256 ");
        assertThat(run.out()).startsWith("wrote " + output + ": layer 228, 1639 constructors, 806 functions");

        Run again = run(telegram.toString(), output.toString());
        assertThat(again.out()).contains("against the previous file (layer 228): 0 added, 0 removed, 0 changed");
    }

    @Test
    void reportsWhatChangedAndWhetherThePomStillSaysTheOldLayer(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pom.xml"), "<properties><mtproto.layer>7</mtproto.layer></properties>");
        Path output = dir.resolve("src-schema/api.tl");
        Files.createDirectories(output.getParent());
        Files.writeString(output, "// LAYER 7\na#1 x:int = A;\nb#2 = B;\nc#3 = C;\n---functions---\nf#4 = A;\n");
        Path telegram = dir.resolve("telegram.tl");
        Files.writeString(telegram, "a#11 x:int = A;\n\nb#2 flag:flags.0?true flags:# = B;\n\nd#5 = D;\n\n---functions---\n\nf#4 = A;\n\n// LAYER 8\n");

        Run run = run(telegram.toString(), output.toString());
        assertThat(run.status()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).as("the flag refers to a later word").contains("telegram.tl:3:10: field 'flag' depends on 'flags'");

        Files.writeString(telegram, "a#11 x:int = A;\n\nb#2 flags:# flag:flags.0?true = B;\n\nd#5 = D;\n\n---functions---\n\nf#4 = A;\n\n// LAYER 8\n");
        run = run(telegram.toString(), output.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("against the previous file (layer 7): 1 added, 1 removed, 2 changed",
                "  + d#00000005", "  - c#00000003", "  ~ a #00000001 -> #00000011", "  ~ b #00000002, same id, other fields",
                "next: set <mtproto.layer>8</mtproto.layer> in " + dir.resolve("pom.xml").toAbsolutePath());
        TlSchema written = TlSchemaParser.parse("api.tl", Files.readString(output));
        assertThat(written.layer()).hasValue(8);
    }

    @Test
    void refusesAFileWithoutLayerAndNamesThatClashInJava(@TempDir Path dir) throws Exception {
        Path noLayer = dir.resolve("cut.tl");
        Files.writeString(noLayer, "a#1 = A;\n");
        Run run = run(noLayer.toString(), dir.resolve("out.tl").toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("no '// LAYER N' marker");
        assertThat(dir.resolve("out.tl")).doesNotExist();

        Path clash = dir.resolve("clash.tl");
        Files.writeString(clash, "fooBar#1 = A;\nfoo_bar#2 = A;\n// LAYER 1\n");
        run = run(clash.toString(), dir.resolve("out.tl").toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("both map to");
        assertThat(dir.resolve("out.tl")).doesNotExist();

        assertThat(run().status()).isEqualTo(2);
        assertThat(run("--help").err()).startsWith("usage: TelegramSchemaImport");
    }
}
