package dev.mtproto.tl.generator.schema;

/**
 * One field of a combinator.
 *
 * @param name the field's name as written in the schema ({@code peer_id})
 * @param type its type; {@link TlType.FlagsWord} for a {@code #} field
 * @param condition the flag bit that makes it optional, or {@code null} for a field that is always present
 */
public record TlParam(String name, TlType type, TlCondition condition) {

    /** @return whether this is a {@code #} flags word */
    public boolean isFlagsWord() {
        return type instanceof TlType.FlagsWord;
    }

    /** @return whether this field is only present when its flag bit is set */
    public boolean isOptional() {
        return condition != null;
    }

    /** @return whether this is a {@code flags.N?true} field: a boolean carried by the flag bit alone */
    public boolean isTrueFlag() {
        return condition != null && type instanceof TlType.Named n && n.name().equals("true");
    }

    @Override
    public String toString() {
        return name + ":" + (condition == null ? "" : condition + "?") + type;
    }
}
