package dev.mtproto.fuzz.tl;

import dev.mtproto.tl.TlConstructorInfo;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.TlRegistry;
import dev.mtproto.tl.TlSchema;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every boxed TL type of the generated schemas, in a fixed order (by Java interface name), each with its
 * generated {@code static read(TlReader)}: the sealed interface that every constructor of the type
 * implements.
 */
final class BoxedTypes {
    /** One boxed type and its reader. */
    record Type(String name, MethodHandle read) {
        TlObject decode(TlReader r) {
            try {
                return (TlObject) read.invokeExact(r);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static final List<Type> ALL = find();

    private BoxedTypes() {
    }

    private static List<Type> find() {
        Map<String, Type> byName = new TreeMap<>();
        for (TlSchema schema : TlRegistry.standard().schemas()) {
            for (TlConstructorInfo info : schema.constructors()) {
                if (info.kind() != TlConstructorInfo.Kind.CONSTRUCTOR) {
                    continue;
                }
                for (Class<?> type : info.javaClass().getInterfaces()) {
                    MethodHandle read = reader(type);
                    if (read != null) {
                        byName.putIfAbsent(type.getName(), new Type(type.getName(), read));
                    }
                }
            }
        }
        if (byName.isEmpty()) {
            throw new IllegalStateException("no boxed TL type found");
        }
        return List.copyOf(byName.values());
    }

    private static MethodHandle reader(Class<?> type) {
        try {
            Method m = type.getMethod("read", TlReader.class);
            if (!Modifier.isStatic(m.getModifiers())) {
                return null;
            }
            return MethodHandles.publicLookup().unreflect(m).asType(MethodType.methodType(TlObject.class, TlReader.class));
        } catch (NoSuchMethodException e) {
            return null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
