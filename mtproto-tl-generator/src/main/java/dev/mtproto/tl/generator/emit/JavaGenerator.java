package dev.mtproto.tl.generator.emit;

import dev.mtproto.tl.generator.model.ClassModel;
import dev.mtproto.tl.generator.model.SchemaModel;
import dev.mtproto.tl.generator.model.SchemaModelException;
import dev.mtproto.tl.generator.model.TypeModel;
import java.util.List;
import java.util.Map;

/** Turns schema models into Java sources: the API, the registry entries, and the test fixtures. */
public final class JavaGenerator {

    private JavaGenerator() {
    }

    /**
     * @param models the schemas
     * @param schemaFiles the file name of each schema, for the header comment of generated files
     * @return the main sources, the {@code META-INF/services/dev.mtproto.tl.TlSchema} registration, and the
     *     test fixtures
     * @throws SchemaModelException if a generated class would shadow a runtime class (a schema declaring
     *     {@code tlToString = TlToString}, say)
     */
    public static Generated generate(List<SchemaModel> models, List<String> schemaFiles) {
        SourceSet sources = new SourceSet();
        SourceSet resources = new SourceSet();
        SourceSet fixtures = new SourceSet();
        StringBuilder services = new StringBuilder();
        fixtures.addJava("dev.mtproto.tl", "TlRandomSource", FixtureEmitter.sourceInterface());
        for (int i = 0; i < models.size(); i++) {
            SchemaModel model = models.get(i);
            String file = schemaFiles.get(i);
            for (TypeModel type : model.types()) {
                checkName(file, type.simpleName(), type.qualifiedName());
                sources.addJava(type.packageName(), type.simpleName(), TypeEmitter.emit(type, file));
            }
            for (ClassModel c : model.constructors()) {
                checkName(file, c.simpleName(), c.qualifiedName());
                sources.addJava(c.packageName(), c.simpleName(), ClassEmitter.emit(c, file));
            }
            for (ClassModel c : model.functions()) {
                checkName(file, c.simpleName(), c.qualifiedName());
                sources.addJava(c.packageName(), c.simpleName(), ClassEmitter.emit(c, file));
            }
            sources.addJava(model.basePackage(), model.name() + "Schema", SchemaEmitter.emit(model, file));
            services.append(model.schemaClassName()).append('\n');
            for (Map.Entry<String, String> e : FixtureEmitter.emit(model, file).entrySet()) {
                fixtures.addJava(model.basePackage(), e.getKey(), e.getValue());
            }
        }
        resources.add("META-INF/services/dev.mtproto.tl.TlSchema", services.toString());
        return new Generated(sources, resources, fixtures);
    }

    private static void checkName(String file, String simple, String qualified) {
        if (Headers.RUNTIME.contains(simple)) { // generated sources import these by simple name
            throw new SchemaModelException(file + ": " + qualified + " would shadow the runtime class " + simple + " that generated code imports");
        }
    }

    /**
     * What one run produces.
     *
     * @param sources Java sources of the API and registry
     * @param resources the service registration
     * @param fixtures test sources: random-instance factories
     */
    public record Generated(SourceSet sources, SourceSet resources, SourceSet fixtures) {
    }
}
