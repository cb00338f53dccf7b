package dev.mtproto.tl.generator.schema;

/**
 * The condition of an optional field, {@code flags.N?T}: the field is present when bit {@code bit} of
 * the flags word {@code flagsField} is set.
 *
 * @param flagsField the name of the {@code #} field that holds the bit
 * @param bit the bit number, 0 to 31
 */
public record TlCondition(String flagsField, int bit) {
    @Override
    public String toString() {
        return flagsField + "." + bit;
    }
}
