package dev.mtproto.tl.generator.maven;

import java.io.File;

/**
 * One schema to generate, as configured in the POM:
 *
 * <pre>{@code
 * <schema>
 *   <file>${project.basedir}/../src-schema/api.tl</file>
 *   <name>Api</name>
 *   <packageName>dev.mtproto.tl.api</packageName>
 * </schema>
 * }</pre>
 */
public class SchemaSource {
    /** The {@code .tl} file. */
    File file;
    /** Short name; the registry class is {@code <name>Schema}. */
    String name;
    /** Base package of the generated classes. */
    String packageName;
    /** When set, the file's {@code // LAYER} marker must equal it. */
    Integer expectedLayer;
}
