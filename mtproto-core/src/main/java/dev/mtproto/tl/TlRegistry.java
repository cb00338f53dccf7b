package dev.mtproto.tl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Finds the schema of a constructor id: decodes untyped values ({@code Object}, {@code !X}) and names ids
 * in messages. {@link #standard()} holds every schema on the class path (registered with
 * {@link ServiceLoader} under {@link TlSchema}); the generated API and MTProto schemas are always there.
 */
public final class TlRegistry {
    private static volatile TlRegistry standard;

    private final TlSchema[] schemas;

    private TlRegistry(List<TlSchema> schemas) {
        this.schemas = schemas.toArray(TlSchema[]::new);
    }

    /**
     * @param schemas the schemas, searched in this order
     * @return a registry of exactly these schemas
     */
    public static TlRegistry of(TlSchema... schemas) {
        return new TlRegistry(List.of(schemas));
    }

    /**
     * @return the registry of every schema found with {@link ServiceLoader}
     * @throws IllegalStateException if no schema is registered (the generated sources are missing)
     */
    public static TlRegistry standard() {
        TlRegistry r = standard;
        if (r == null) {
            synchronized (TlRegistry.class) {
                r = standard;
                if (r == null) {
                    List<TlSchema> found = new ArrayList<>();
                    ServiceLoader.load(TlSchema.class, TlRegistry.class.getClassLoader()).forEach(found::add);
                    if (found.isEmpty()) {
                        throw new IllegalStateException("no TL schema registered under META-INF/services/" + TlSchema.class.getName());
                    }
                    standard = r = new TlRegistry(found);
                }
            }
        }
        return r;
    }

    /** @return the schemas, in search order */
    public List<TlSchema> schemas() {
        return List.of(schemas);
    }

    /**
     * @param name a schema's short name, such as {@code Api}
     * @return the schema, if registered
     */
    public Optional<TlSchema> schema(String name) {
        for (TlSchema s : schemas) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads the fields of the object with this constructor id.
     *
     * @param constructorId the id, already read
     * @param r the reader, positioned after the id
     * @return the object, or {@code null} if no schema has a class for the id
     * @throws TlDecodeException if the fields are malformed
     */
    public TlObject readBare(int constructorId, TlReader r) {
        for (TlSchema s : schemas) {
            TlObject o = s.readBare(constructorId, r);
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    /**
     * Reads the members, after {@code "_"}, of a JSON object of any of the schemas; the first schema that has
     * the name wins (the API's {@code message} over the MTProto service schema's).
     *
     * @param tlName the name {@code "_"} held
     * @param r the reader, inside the object
     * @return the object, or {@code null} if no schema has a class of that name
     * @throws TlJsonException if the members are not valid
     */
    public TlObject readJson(String tlName, TlJsonReader r) {
        for (TlSchema s : schemas) {
            TlObject o = s.readJson(tlName, r);
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    /**
     * @param constructorId an id
     * @return its TL name, or {@code null} if no schema declares it
     */
    public String nameOf(int constructorId) {
        for (TlSchema s : schemas) {
            String name = s.nameOf(constructorId);
            if (name != null) {
                return name;
            }
        }
        return null;
    }
}
