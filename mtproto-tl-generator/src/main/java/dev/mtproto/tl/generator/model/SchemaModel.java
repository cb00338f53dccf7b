package dev.mtproto.tl.generator.model;

import java.util.List;
import java.util.OptionalInt;

/**
 * Everything generated for one TL schema file.
 *
 * @param name the schema's short name ({@code Api}); the registry class is {@code <name>Schema}
 * @param basePackage the base package ({@code dev.mtproto.tl.api})
 * @param layer the layer from the file's marker, if any
 * @param types the abstract types
 * @param constructors the constructor classes, in schema order
 * @param functions the function classes, in schema order
 * @param builtinNames ids and names of built-ins that have no class ({@code vector}, {@code boolTrue}, ...)
 */
public record SchemaModel(
        String name, String basePackage, OptionalInt layer, List<TypeModel> types, List<ClassModel> constructors,
        List<ClassModel> functions, List<BuiltinName> builtinNames) {

    /** A built-in's id and name, kept so that the registry can name every id the schema declares. */
    public record BuiltinName(int id, String name) {
    }

    /** @return the qualified name of the generated registry class */
    public String schemaClassName() {
        return basePackage + "." + name + "Schema";
    }
}
