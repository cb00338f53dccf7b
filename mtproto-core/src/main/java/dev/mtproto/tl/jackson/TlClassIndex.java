package dev.mtproto.tl.jackson;

import dev.mtproto.tl.TlConstructorInfo;
import dev.mtproto.tl.TlRegistry;
import dev.mtproto.tl.TlSchema;
import java.util.HashMap;
import java.util.Map;

/**
 * What the module looks up when it builds a deserializer or words an error: which schema a generated
 * class belongs to and its TL name, and what a TL name is. Built once per module from the registry's
 * constructor lists, from names only (no class is loaded).
 */
final class TlClassIndex {

    /**
     * A generated class and its schema.
     *
     * @param schema the schema that declares it
     * @param info its entry in that schema
     */
    record Entry(TlSchema schema, TlConstructorInfo info) {
    }

    private final TlRegistry registry;
    private final Map<String, Entry> byClassName = new HashMap<>();
    private final Map<String, TlConstructorInfo> byTlName = new HashMap<>();

    /** @param registry the schemas to index */
    TlClassIndex(TlRegistry registry) {
        this.registry = registry;
        for (TlSchema schema : registry.schemas()) {
            for (TlConstructorInfo info : schema.constructors()) {
                if (info.javaClassName() != null) {
                    byClassName.putIfAbsent(info.javaClassName(), new Entry(schema, info));
                    byTlName.putIfAbsent(info.name(), info);
                }
            }
        }
    }

    /** @return the registry the index was built from */
    TlRegistry registry() {
        return registry;
    }

    /**
     * @param javaClass a class
     * @return its schema and entry, or {@code null} if it is not a generated constructor or function class
     */
    Entry entry(Class<?> javaClass) {
        return byClassName.get(javaClass.getName());
    }

    /**
     * @param tlName a TL name
     * @return what the first schema that has it declares, or {@code null}
     */
    TlConstructorInfo info(String tlName) {
        return byTlName.get(tlName);
    }
}
