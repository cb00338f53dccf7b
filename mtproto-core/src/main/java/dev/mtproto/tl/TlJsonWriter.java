package dev.mtproto.tl;

import java.util.List;

/**
 * Where generated classes write their JSON form (see {@code docs/tl.md}, "TL and JSON"). Implemented over
 * a JSON library's streaming writer, such as Jackson's in {@code dev.mtproto.tl.jackson}; this interface
 * itself needs no JSON library.
 *
 * <p>Generated {@link TlObject#writeJson(TlJsonWriter)} calls {@link #startObject(String)} (which writes
 * {@code "_"} and the TL name), then {@link #name(String)} and one value per field in the schema's order
 * and with the schema's field names, then {@link #endObject()}. How each TL value is spelled is fixed
 * by the implementation of each method below; every implementation must keep it.
 */
public interface TlJsonWriter {

    /**
     * Starts an object: writes <code>{</code> and the member {@code "_"} with the TL name.
     *
     * @param tlName the constructor's or function's TL name, such as {@code messages.sendMessage}
     */
    void startObject(String tlName);

    /** Ends the current object. */
    void endObject();

    /**
     * Writes a member name; a value follows.
     *
     * @param field the TL field name, such as {@code random_id}
     */
    void name(String field);

    /** @param value a TL {@code int}, written as a JSON number */
    void writeInt(int value);

    /** @param value a TL {@code long}, written as a JSON string of its signed decimal digits (exact beyond 2^53) */
    void writeLong(long value);

    /**
     * @param value a TL {@code double}: a JSON number when finite, else the string {@code "NaN"},
     *     {@code "Infinity"} or {@code "-Infinity"}
     */
    void writeDouble(double value);

    /** @param value a TL {@code Bool} or a set {@code true} flag, written as a JSON boolean */
    void writeBool(boolean value);

    /** @param value a TL {@code string}, written as a JSON string */
    void writeString(String value);

    /**
     * @param value TL {@code bytes}, {@code int128} or {@code int256}, written as a JSON string in standard
     *     base64 (RFC 4648 section 4: {@code A-Z a-z 0-9 + /}, padded with {@code =})
     */
    void writeBytes(byte[] value);

    /**
     * Starts an array.
     *
     * @param size how many elements follow
     */
    void startArray(int size);

    /** Ends the current array. */
    void endArray();

    /**
     * Writes a TL object as a nested JSON object.
     *
     * @param value the object
     */
    default void writeObject(TlObject value) {
        value.writeJson(this);
    }

    /**
     * Writes a {@code Vector<int>} as an array of numbers.
     *
     * @param values the elements
     */
    default void writeIntList(List<Integer> values) {
        startArray(values.size());
        if (values instanceof TlIntList ints) {
            for (int i = 0; i < ints.size(); i++) {
                writeInt(ints.getInt(i));
            }
        } else {
            for (Integer v : values) {
                writeInt(v);
            }
        }
        endArray();
    }

    /**
     * Writes a {@code Vector<long>} as an array of decimal strings.
     *
     * @param values the elements
     */
    default void writeLongList(List<Long> values) {
        startArray(values.size());
        if (values instanceof TlLongList longs) {
            for (int i = 0; i < longs.size(); i++) {
                writeLong(longs.getLong(i));
            }
        } else {
            for (Long v : values) {
                writeLong(v);
            }
        }
        endArray();
    }

    /**
     * Writes any other vector as an array.
     *
     * @param values the elements
     * @param element writes one element
     * @param <T> the element type
     */
    default <T> void writeList(List<? extends T> values, TlJsonEncoder<T> element) {
        startArray(values.size());
        for (int i = 0; i < values.size(); i++) {
            element.write(this, values.get(i));
        }
        endArray();
    }
}
