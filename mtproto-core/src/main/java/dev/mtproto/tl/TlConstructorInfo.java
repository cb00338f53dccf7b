package dev.mtproto.tl;

/**
 * What a schema declares under one id.
 *
 * @param id the constructor id
 * @param name the TL name
 * @param kind constructor, function or built-in
 * @param javaClassName the generated class, or {@code null} for built-ins ({@code vector}, {@code boolTrue}, ...)
 * @param type the TL type a constructor builds or a function returns, or {@code null} for built-ins
 */
public record TlConstructorInfo(int id, String name, Kind kind, String javaClassName, String type) {

    /** What the id declares. */
    public enum Kind {
        CONSTRUCTOR, FUNCTION, BUILTIN
    }

    /**
     * Loads the generated class (tests and tools use this; decoding never does).
     *
     * @return the class
     * @throws IllegalStateException for built-ins, which have no class, or if the class cannot be loaded
     */
    public Class<? extends TlObject> javaClass() {
        if (javaClassName == null) {
            throw new IllegalStateException(name + " is a built-in and has no generated class");
        }
        try {
            return Class.forName(javaClassName, false, TlConstructorInfo.class.getClassLoader()).asSubclass(TlObject.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("generated class " + javaClassName + " is missing", e);
        }
    }
}
