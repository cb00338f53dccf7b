package dev.mtproto.tl.generator.model;

import dev.mtproto.tl.generator.schema.TlCombinator;
import java.util.List;

/**
 * A generated class: one TL constructor or function.
 *
 * @param combinator the TL declaration
 * @param packageName the Java package
 * @param simpleName the class name
 * @param type the abstract type the constructor belongs to; {@code null} for functions and for
 *     constructors of {@code Object} (such as {@code gzip_packed})
 * @param fields all fields in wire order, flags words included
 * @param result for functions: the Java type of the result
 * @param generic whether the class has the type parameter {@code R} (functions with {@code !X})
 */
public record ClassModel(
        TlCombinator combinator, String packageName, String simpleName, TypeModel type, List<FieldModel> fields,
        JType result, boolean generic) {

    public ClassModel {
        fields = List.copyOf(fields);
    }

    /** @return the qualified class name */
    public String qualifiedName() {
        return packageName + "." + simpleName;
    }

    /** @return whether this is a function */
    public boolean isFunction() {
        return combinator.function();
    }

    /** @return the fields callers set: everything but the flags words */
    public List<FieldModel> userFields() {
        return fields.stream().filter(f -> !f.isFlagsWord()).toList();
    }

    /** @return the flags words */
    public List<FieldModel> flagsWords() {
        return fields.stream().filter(FieldModel::isFlagsWord).toList();
    }

    /** @return whether any field is optional (then the class gets a builder) */
    public boolean hasOptionalFields() {
        return fields.stream().anyMatch(f -> f.flagsWord() != null);
    }

    /** @return the fields that occupy storage: flags words and values (not {@code true} flags) */
    public List<FieldModel> storedFields() {
        return fields.stream().filter(f -> !f.isTrueFlag()).toList();
    }

    /** @return the class name with its type parameter, if any ({@code InvokeWithLayer<R>}) */
    public String declaredName() {
        return generic ? simpleName + "<R>" : simpleName;
    }
}
