package dev.mtproto.tl;

import java.util.List;
import java.util.OptionalInt;

/**
 * A generated schema as the registry sees it. Implementations are generated ({@code ApiSchema},
 * {@code MtprotoSchema}) and registered for {@link java.util.ServiceLoader}.
 */
public interface TlSchema {

    /** @return the schema's short name, such as {@code Api} */
    String name();

    /** @return the API layer, for schemas that have one */
    OptionalInt layer();

    /**
     * Reads the fields of the object with the given constructor id.
     *
     * @param constructorId an id already read from {@code r}
     * @param r the reader, positioned after the id
     * @return the object, or {@code null} when the id is not one of this schema's constructors or functions
     * @throws TlDecodeException if the id is known but its fields are malformed
     */
    TlObject readBare(int constructorId, TlReader r);

    /**
     * Reads the members, after {@code "_"}, of the JSON object of the constructor or function with the given
     * TL name.
     *
     * @param tlName the name {@code "_"} held
     * @param r the reader, inside the object
     * @return the object, or {@code null} when the name is not one of this schema's constructors or functions
     * @throws TlJsonException if the name is known but its members are not valid
     */
    TlObject readJson(String tlName, TlJsonReader r);

    /**
     * @param constructorId an id
     * @return the TL name of the id, built-ins included, or {@code null} when the schema does not declare it
     */
    String nameOf(int constructorId);

    /** @return every constructor, function and built-in the schema declares */
    List<TlConstructorInfo> constructors();
}
