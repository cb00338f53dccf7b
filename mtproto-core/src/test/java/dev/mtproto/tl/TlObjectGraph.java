package dev.mtproto.tl;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** Walks a decoded object graph through the public accessors of generated classes (tests only). */
final class TlObjectGraph {
    private TlObjectGraph() {
    }

    /** @return every TL object reachable from {@code root}, root included, in depth-first order */
    static List<TlObject> objects(TlObject root) {
        List<TlObject> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    private static void walk(Object value, List<TlObject> out) {
        if (value instanceof TlObject o) {
            out.add(o);
            for (Method m : o.getClass().getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                        && (TlObject.class.isAssignableFrom(m.getReturnType()) || List.class.isAssignableFrom(m.getReturnType()))
                        && !m.getName().equals("toBuilder")) {
                    try {
                        walk(m.invoke(o), out);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object e : list) {
                walk(e, out);
            }
        }
    }
}
