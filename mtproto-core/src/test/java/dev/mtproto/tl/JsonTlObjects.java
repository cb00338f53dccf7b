package dev.mtproto.tl;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Builds TL objects from the JSON form of {@code tl_serialization.json} ({@code {"_": "name", "camelField": ...}},
 * bytes as {@code {hex, length}}, longs as {@code {long: "decimal"}}) through the generated classes' public
 * constructors, so that encoding can be checked without going through our decoder.
 */
final class JsonTlObjects {
    private static final Set<String> KEYWORDS = Set.of("long", "int", "default", "private", "public", "static", "final", "class");

    private JsonTlObjects() {
    }

    /** mtcute names service constructors {@code mt_<name>}. */
    static String tlName(JsonNode node) {
        String name = node.get("_").asString();
        return name.startsWith("mt_") ? name.substring(3) : name;
    }

    static TlObject build(JsonNode node) throws ReflectiveOperationException {
        String name = tlName(node);
        TlConstructorInfo info = TlRegistry.standard().schemas().stream()
                .flatMap(s -> s.constructors().stream())
                .filter(i -> i.name().equals(name) && i.kind() != TlConstructorInfo.Kind.BUILTIN)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no class for " + name));
        Class<? extends TlObject> cls = info.javaClass();
        Constructor<?> ctor = null;
        for (Constructor<?> c : cls.getDeclaredConstructors()) {
            if (Modifier.isPublic(c.getModifiers())) {
                ctor = c;
            }
        }
        if (ctor == null) {
            throw new IllegalStateException(cls + " has no public constructor");
        }
        Parameter[] params = ctor.getParameters();
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            JsonNode value = findField(node, params[i].getName());
            args[i] = value == null ? absent(params[i].getType()) : convert(value, params[i].getParameterizedType());
        }
        return (TlObject) ctor.newInstance(args);
    }

    private static JsonNode findField(JsonNode node, String javaName) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (javaName(e.getKey()).equals(javaName)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Our rule for field names: lower-case first letter; keywords get a trailing underscore. */
    static String javaName(String camel) {
        String n = Character.toLowerCase(camel.charAt(0)) + camel.substring(1);
        return KEYWORDS.contains(n) ? n + "_" : n;
    }

    private static Object absent(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type.isPrimitive()) {
            throw new IllegalArgumentException("required " + type + " missing in JSON");
        }
        return null;
    }

    private static Object convert(JsonNode v, Type type) throws ReflectiveOperationException {
        if (type instanceof java.lang.reflect.WildcardType w) { // List<? extends MessageEntity> parameters
            return convert(v, w.getUpperBounds()[0]);
        }
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == int.class || raw == Integer.class) {
            return v.asInt();
        }
        if (raw == long.class || raw == Long.class) {
            return v.isObject() ? Long.parseLong(v.get("long").asString()) : v.asLong();
        }
        if (raw == double.class || raw == Double.class) {
            return v.asDouble();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return v.asBoolean();
        }
        if (raw == String.class) {
            return v.asString();
        }
        if (raw == byte[].class) {
            return HexFormat.of().parseHex(v.get("hex").asString());
        }
        if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>();
            for (JsonNode e : v) {
                list.add(convert(e, element));
            }
            return list;
        }
        return build(v); // a TL object: interface, class or TlMethod
    }
}
