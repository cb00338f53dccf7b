package dev.mtproto.tl.generator.schema;

import java.util.List;
import java.util.OptionalInt;

/**
 * A parsed TL schema file.
 *
 * @param source the file name, for messages
 * @param layer the layer from a {@code // LAYER N} marker, if the file has one
 * @param constructors the constructors, in file order (built-ins such as {@code vector} excluded)
 * @param functions the functions, in file order
 * @param builtins the built-in declarations that were recognised and set aside
 *     ({@code boolFalse}, {@code boolTrue}, {@code true}, {@code vector} and {@code int ? = Int} forms)
 */
public record TlSchema(
        String source, OptionalInt layer, List<TlCombinator> constructors, List<TlCombinator> functions,
        List<TlCombinator> builtins) {

    public TlSchema {
        constructors = List.copyOf(constructors);
        functions = List.copyOf(functions);
        builtins = List.copyOf(builtins);
    }
}
