package dev.mtproto.tl.generator.model;

import java.util.Set;

/**
 * The naming rule that turns TL names into Java names.
 *
 * <ul>
 *   <li>Namespaces become packages: {@code messages.getHistory} lives in {@code <base>.messages}.
 *   <li>Constructors and functions become PascalCase classes: {@code p_q_inner_data_dc} ->
 *       {@code PQInnerDataDc}, {@code messages.getHistory} -> {@code GetHistory}.
 *   <li>A type becomes a sealed interface with its PascalCase name, unless a class of the same package
 *       already has that name (compared ignoring case, so that sources also compile on case-insensitive
 *       file systems); then it gets the suffix {@code Type}: type {@code Message} with constructor
 *       {@code message} -> interface {@code MessageType}, class {@code Message}. Should that be taken too (TL
 *       has a type {@code SecureValue} with constructor {@code secureValue} and also a type named
 *       {@code SecureValueType}), the suffix is {@code TlType}: {@code SecureValueTlType}.
 *   <li>A function whose class name is taken by a constructor gets the suffix {@code Request}.
 *   <li>Fields become camelCase: {@code peer_id} -> {@code peerId}, {@code srp_B} -> {@code srpB};
 *       Java keywords and literals, and names of members every generated class has
 *       ({@code write}, {@code constructorId}, {@code toBuilder}, ...), get a trailing {@code _}.
 * </ul>
 */
public final class JavaNames {

    private static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "_", "var", "yield", "record", "sealed", "permits");

    /** Members of every generated class; a TL field with one of these names is renamed. */
    private static final Set<String> RESERVED_MEMBERS = Set.of(
            "constructorId", "tlName", "write", "writeBare", "toString", "hashCode", "equals", "getClass",
            "notify", "notifyAll", "wait", "clone", "finalize", "toBuilder", "builder", "readResult", "read",
            "readBare", "resultType", "writeJson", "readJson", "readJsonFields");

    private JavaNames() {
    }

    /**
     * @param tlName a TL name with or without namespace ({@code messages.messagesSlice})
     * @return the PascalCase class name of its last segment ({@code MessagesSlice})
     */
    public static String className(String tlName) {
        String simple = tlName.substring(tlName.lastIndexOf('.') + 1);
        StringBuilder sb = new StringBuilder(simple.length());
        for (String part : simple.split("_")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        return sb.toString();
    }

    /**
     * @param tlField a TL field name ({@code peer_id}, {@code srp_B}, {@code default})
     * @return the Java field and accessor name ({@code peerId}, {@code srpB}, {@code default_})
     */
    public static String fieldName(String tlField) {
        StringBuilder sb = new StringBuilder(tlField.length());
        for (String part : tlField.split("_")) {
            if (part.isEmpty()) {
                continue;
            }
            if (sb.length() == 0) {
                sb.append(Character.toLowerCase(part.charAt(0))).append(part, 1, part.length());
            } else {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        String name = sb.length() == 0 ? "field" : sb.toString();
        return KEYWORDS.contains(name) || RESERVED_MEMBERS.contains(name) ? name + "_" : name;
    }

    /**
     * @param basePackage the schema's base package ({@code dev.mtproto.tl.api})
     * @param tlName a TL name ({@code messages.getHistory})
     * @return the package of its class ({@code dev.mtproto.tl.api.messages})
     */
    public static String packageName(String basePackage, String tlName) {
        int dot = tlName.lastIndexOf('.');
        if (dot < 0) {
            return basePackage;
        }
        StringBuilder sb = new StringBuilder(basePackage);
        for (String segment : tlName.substring(0, dot).split("\\.")) {
            String lower = segment.toLowerCase(java.util.Locale.ROOT);
            sb.append('.').append(KEYWORDS.contains(lower) ? lower + "_" : lower);
        }
        return sb.toString();
    }
}
