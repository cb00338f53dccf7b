package dev.mtproto.tl.jackson;

import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlRegistry;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.Deserializers;

/**
 * Gives Jackson a {@link TlObjectDeserializer} for {@link TlObject}, {@link TlMethod}, every generated
 * interface (a TL type: its permitted classes are its constructors) and every generated class. The
 * schemas are indexed on first use, not when the mapper is built.
 */
final class TlDeserializers implements Deserializers {
    private final TlRegistry configured;
    private final ConcurrentHashMap<Class<?>, TlObjectDeserializer> cache = new ConcurrentHashMap<>();
    private volatile TlClassIndex index;

    /** @param registry the schemas, or {@code null} for {@link TlRegistry#standard()} */
    TlDeserializers(TlRegistry registry) {
        this.configured = registry;
    }

    @Override
    public ValueDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config, BeanDescription.Supplier beanDescRef) {
        Class<?> raw = type.getRawClass();
        if (!TlObject.class.isAssignableFrom(raw)) {
            return null;
        }
        TlObjectDeserializer known = cache.get(raw);
        if (known != null) {
            return known;
        }
        TlObjectDeserializer created = create(raw);
        if (created != null) {
            cache.putIfAbsent(raw, created);
        }
        return created;
    }

    @Override
    public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
        return TlObject.class.isAssignableFrom(valueType);
    }

    private TlObjectDeserializer create(Class<?> raw) {
        TlClassIndex idx = index();
        if (raw == TlObject.class || raw == TlMethod.class) {
            return TlObjectDeserializer.any(raw, idx, raw == TlMethod.class);
        }
        TlClassIndex.Entry entry = idx.entry(raw);
        if (entry != null) {
            return TlObjectDeserializer.named(raw, idx, entry.schema(), Set.of(entry.info().name()), "'" + entry.info().name() + "'");
        }
        if (!raw.isInterface() || !raw.isSealed()) {
            return null; // not generated: leave it to Jackson
        }
        Set<String> names = new LinkedHashSet<>();
        TlClassIndex.Entry first = null;
        for (Class<?> constructor : raw.getPermittedSubclasses()) {
            TlClassIndex.Entry e = idx.entry(constructor);
            if (e == null) {
                return null;
            }
            first = first == null ? e : first;
            names.add(e.info().name());
        }
        return first == null ? null : TlObjectDeserializer.named(raw, idx, first.schema(), names, "a constructor of " + first.info().type());
    }

    private TlClassIndex index() {
        TlClassIndex i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    index = i = new TlClassIndex(configured != null ? configured : TlRegistry.standard());
                }
            }
        }
        return i;
    }
}
