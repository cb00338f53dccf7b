package dev.mtproto.testkit.layers;

/**
 * One field of a {@link SchemaCombinator}.
 *
 * @param name the field's schema name ({@code peer_id})
 * @param type how it goes on the wire
 * @param flagsIndex for an optional field ({@code flags.N?T}), the index of the flags word's field in the
 *     combinator; -1 for a field that is always present
 * @param bit the flag bit of an optional field, 0 to 31
 */
record SchemaField(String name, WireType type, int flagsIndex, int bit) {

    /** @return whether the field is present only when its flag bit is set */
    boolean optional() {
        return flagsIndex >= 0;
    }

    /** @return whether this is a {@code flags.N?true} field, carried by the bit alone */
    boolean trueFlag() {
        return optional() && type == WireType.Scalar.TRUE;
    }

    /** @return whether this is a {@code #} flags word */
    boolean flagsWord() {
        return type == WireType.Scalar.FLAGS;
    }
}
