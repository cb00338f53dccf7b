package dev.mtproto.tl;

/**
 * A value of a TL schema: every generated constructor and function class implements it.
 *
 * <p>Implementations are immutable. Equality is structural: two objects are equal when they were made by
 * the same constructor with equal fields, which is also when they serialize to the same bytes.
 */
public interface TlObject {

    /** @return the 32-bit constructor id this object is serialized with */
    int constructorId();

    /** @return the TL name of the constructor or function, such as {@code messages.getHistory} */
    String tlName();

    /**
     * Writes the object boxed: its constructor id, then its fields.
     *
     * @param w the writer
     */
    void write(TlWriter w);

    /**
     * Writes only the object's fields, as a bare value.
     *
     * @param w the writer
     */
    void writeBare(TlWriter w);

    /**
     * Writes the object as JSON: an object with {@code "_"} (the TL name) and the fields under their schema
     * names (see {@code docs/tl.md}, "TL and JSON").
     *
     * @param w the writer
     */
    void writeJson(TlJsonWriter w);

    /**
     * Hands every TL object directly inside this one to {@code visitor}: the value of each field that holds
     * one and the elements of vectors of them (at any nesting of vectors), in field order; absent optional
     * fields are skipped. Not recursive: {@link TlObjects#walk} visits a whole tree. Objects without such
     * fields visit nothing.
     *
     * @param visitor receives each child
     */
    default void forEachChild(java.util.function.Consumer<? super TlObject> visitor) {
    }

    /** @return the boxed serialization of this object in a new array */
    default byte[] toByteArray() {
        TlWriter w = new TlWriter();
        write(w);
        return w.toByteArray();
    }
}
