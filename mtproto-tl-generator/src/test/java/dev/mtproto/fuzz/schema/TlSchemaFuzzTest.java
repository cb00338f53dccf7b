package dev.mtproto.fuzz.schema;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mtproto.tl.generator.emit.JavaGenerator;
import dev.mtproto.tl.generator.model.SchemaModel;
import dev.mtproto.tl.generator.model.SchemaModelBuilder;
import dev.mtproto.tl.generator.model.SchemaModelException;
import dev.mtproto.tl.generator.model.SecretFields;
import dev.mtproto.tl.generator.schema.TlSchema;
import dev.mtproto.tl.generator.schema.TlSchemaParseException;
import dev.mtproto.tl.generator.schema.TlSchemaParser;
import java.util.List;

/**
 * The TL schema parser (https://core.telegram.org/mtproto/TL) on arbitrary text, and what follows it in the
 * build: the Java model and the code generator, for every text the parser accepts. The testkit parses
 * schemas of other layers at run time, so this is input from outside the build too.
 *
 * <p>Allowed out: {@link TlSchemaParseException} from parsing, {@link SchemaModelException} from building
 * the model or generating (a class that would shadow a runtime class).
 */
class TlSchemaFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void parseAndGenerate(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            TlSchema schema = TlSchemaParser.parse("fuzz.tl", text);
            SchemaModel model = SchemaModelBuilder.build(schema, "Fuzz", "dev.fuzz", SecretFields.TELEGRAM);
            JavaGenerator.generate(List.of(model), List.of("fuzz.tl"));
        } catch (TlSchemaParseException | SchemaModelException expected) {
            // refused, with the file, line and problem
        }
    }
}
