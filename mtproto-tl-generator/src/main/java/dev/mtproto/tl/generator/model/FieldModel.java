package dev.mtproto.tl.generator.model;

import dev.mtproto.tl.generator.schema.TlParam;

/**
 * One field of a generated class.
 *
 * @param param the TL field
 * @param javaName the Java field and accessor name
 * @param type the Java type; {@code null} for flags words and {@code true} flags, which store no value
 * @param flagsWord the Java name of the flags word that carries this field's bit, or {@code null} when
 *     the field is always present
 * @param bit the bit number within {@code flagsWord}
 * @param secret whether {@code toString()} must hide the value (API hashes, passwords, tokens, ...)
 */
public record FieldModel(TlParam param, String javaName, JType type, String flagsWord, int bit, boolean secret) {

    /** @return whether this is a {@code #} word, computed from the other fields and never exposed */
    public boolean isFlagsWord() {
        return param.isFlagsWord();
    }

    /** @return whether this is a {@code flags.N?true} field: a boolean that is the flag bit itself */
    public boolean isTrueFlag() {
        return param.isTrueFlag();
    }

    /** @return whether this field holds a value only when its flag bit is set */
    public boolean isOptionalValue() {
        return flagsWord != null && !isTrueFlag();
    }

    /** @return whether this field holds a value on every object */
    public boolean isRequiredValue() {
        return flagsWord == null && !isFlagsWord();
    }

    /** @return the mask of this field's flag bit, as Java source ({@code 0x400}) */
    public String mask() {
        return "0x" + Integer.toHexString(1 << bit);
    }

    /** @return the type constructor parameters and builder setters take (lists accept subtypes) */
    public String parameterType() {
        if (isTrueFlag()) {
            return "boolean";
        }
        return isOptionalValue() && type.isPrimitive() ? type.boxed() : type.paramDecl();
    }

    /** @return the type accessors return */
    public String accessorType() {
        if (isTrueFlag()) {
            return "boolean";
        }
        return isOptionalValue() ? type.boxed() : type.decl();
    }
}
