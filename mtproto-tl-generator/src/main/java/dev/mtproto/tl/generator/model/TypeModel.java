package dev.mtproto.tl.generator.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated sealed interface: one TL abstract type and its constructors.
 *
 * <p>Mutable only while {@link SchemaModelBuilder} fills it in.
 */
public final class TypeModel {
    private final String tlName;
    private final String packageName;
    private final String simpleName;
    private final List<ClassModel> constructors = new ArrayList<>();
    private final List<FieldModel> commonFields = new ArrayList<>();
    private boolean recursive;

    TypeModel(String tlName, String packageName, String simpleName) {
        this.tlName = tlName;
        this.packageName = packageName;
        this.simpleName = simpleName;
    }

    /** @return the TL type name ({@code messages.Messages}) */
    public String tlName() {
        return tlName;
    }

    /** @return the Java package */
    public String packageName() {
        return packageName;
    }

    /** @return the interface name */
    public String simpleName() {
        return simpleName;
    }

    /** @return the qualified interface name */
    public String qualifiedName() {
        return packageName + "." + simpleName;
    }

    /** @return the constructors, in schema order */
    public List<ClassModel> constructors() {
        return constructors;
    }

    /**
     * @return fields every constructor has with the same name and accessor type; the interface declares
     *     their accessors (taken from the first constructor)
     */
    public List<FieldModel> commonFields() {
        return commonFields;
    }

    /** @return whether a value of this type can contain another value of this type (reads are depth-guarded) */
    public boolean recursive() {
        return recursive;
    }

    void markRecursive() {
        recursive = true;
    }
}
