package dev.mtproto.tl.generator.maven;

import dev.mtproto.tl.generator.emit.JavaGenerator;
import dev.mtproto.tl.generator.model.SchemaModel;
import dev.mtproto.tl.generator.model.SchemaModelBuilder;
import dev.mtproto.tl.generator.model.SchemaModelException;
import dev.mtproto.tl.generator.model.SecretFields;
import dev.mtproto.tl.generator.schema.TlSchema;
import dev.mtproto.tl.generator.schema.TlSchemaParseException;
import dev.mtproto.tl.generator.schema.TlSchemaParser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates Java classes from TL schemas: the API and its registry into
 * {@code target/generated-sources/tl} (added as a source root), the {@code ServiceLoader} registration into
 * {@code target/generated-resources/tl}, and random-instance test fixtures into
 * {@code target/generated-test-sources/tl} (added as a test source root).
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The schemas, generated together. */
    @Parameter(required = true)
    private List<SchemaSource> schemas;

    @Parameter(defaultValue = "${project.build.directory}/generated-sources/tl", required = true)
    private File outputDirectory;

    @Parameter(defaultValue = "${project.build.directory}/generated-resources/tl", required = true)
    private File resourceDirectory;

    @Parameter(defaultValue = "${project.build.directory}/generated-test-sources/tl", required = true)
    private File testOutputDirectory;

    /** Whether to generate the random-instance test fixtures. */
    @Parameter(defaultValue = "true")
    private boolean generateTestFixtures;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        long start = System.nanoTime();
        List<SchemaModel> models = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (SchemaSource s : schemas) {
            if (s.file == null || s.name == null || s.packageName == null) {
                throw new MojoExecutionException("each <schema> needs <file>, <name> and <packageName>");
            }
            String text;
            try {
                text = Files.readString(s.file.toPath(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MojoExecutionException("cannot read schema " + s.file + ": " + e.getMessage(), e);
            }
            try {
                TlSchema schema = TlSchemaParser.parse(s.file.getName(), text);
                if (s.expectedLayer != null && (schema.layer().isEmpty() || schema.layer().getAsInt() != s.expectedLayer)) {
                    throw new MojoFailureException(s.file + " says " + (schema.layer().isEmpty() ? "no LAYER" : "LAYER " + schema.layer().getAsInt())
                            + " but the build expects layer " + s.expectedLayer + " (property mtproto.layer); update one of them");
                }
                models.add(SchemaModelBuilder.build(schema, s.name, s.packageName, SecretFields.TELEGRAM));
                names.add(s.file.getName());
            } catch (TlSchemaParseException | SchemaModelException e) {
                throw new MojoFailureException(e.getMessage(), e);
            }
        }
        JavaGenerator.Generated generated;
        try {
            generated = JavaGenerator.generate(models, names);
        } catch (SchemaModelException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        int changed = generated.sources().writeTo(outputDirectory.toPath());
        changed += generated.resources().writeTo(resourceDirectory.toPath());
        project.addCompileSourceRoot(outputDirectory.getPath());
        Resource resource = new Resource();
        resource.setDirectory(resourceDirectory.getPath());
        project.addResource(resource);
        if (generateTestFixtures) {
            changed += generated.fixtures().writeTo(testOutputDirectory.toPath());
            project.addTestCompileSourceRoot(testOutputDirectory.getPath());
        }
        getLog().info(String.format("TL: %d schema(s), %d files (%d changed) in %d ms", models.size(),
                generated.sources().size() + generated.resources().size() + (generateTestFixtures ? generated.fixtures().size() : 0),
                changed, (System.nanoTime() - start) / 1_000_000));
    }
}
