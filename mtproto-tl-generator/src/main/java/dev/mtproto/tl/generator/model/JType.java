package dev.mtproto.tl.generator.model;

/**
 * The Java side of a TL type: how a value is declared, stored, read, written, compared and copied in
 * generated code. Generated sources refer to runtime classes ({@code TlReader}, {@code TlList}, ...) by
 * their simple names (they are imported) and to generated classes by their qualified names, which the
 * emitter shortens for the current package.
 *
 * @param kind what the value is
 * @param javaClass the qualified class or interface name for {@link Kind#BOXED} and {@link Kind#BARE}
 * @param element the element type for {@link Kind#VECTOR}
 * @param bareVector for {@link Kind#VECTOR}: whether the vector is bare (no {@code vector} id)
 * @param bareMinSize for {@link Kind#BARE}: the fewest bytes one value can take on the wire
 */
public record JType(Kind kind, String javaClass, JType element, boolean bareVector, int bareMinSize) {

    /** The closed set of value shapes. */
    public enum Kind {
        INT, LONG, DOUBLE, BOOL, STRING, BYTES, INT128, INT256,
        /** A boxed value of an abstract type: read with {@code Type.read(r)}. */
        BOXED,
        /** A bare value of one constructor: read with {@code Ctor.readBare(r)}. */
        BARE,
        /** Any TL object ({@code Object}): read through the registry. */
        ANY_OBJECT,
        /** {@code !X}: any serialized function whose result type is the class's type variable. */
        METHOD_VARIABLE,
        /** {@code X} as a function's result: the wrapped function's result. */
        RESULT_VARIABLE,
        VECTOR
    }

    public static JType of(Kind kind) {
        return new JType(kind, null, null, false, 0);
    }

    public static JType boxed(String javaClass) {
        return new JType(Kind.BOXED, javaClass, null, false, 0);
    }

    public static JType bare(String javaClass, int minSize) {
        return new JType(Kind.BARE, javaClass, null, false, minSize);
    }

    public static JType vector(JType element, boolean bare) {
        return new JType(Kind.VECTOR, null, element, bare, 0);
    }

    /** @return whether values are Java primitives (stored unboxed, boxed only in accessors of optional fields) */
    public boolean isPrimitive() {
        return kind == Kind.INT || kind == Kind.LONG || kind == Kind.DOUBLE || kind == Kind.BOOL;
    }

    /** @return whether values are byte arrays (copied in and out so the objects stay immutable) */
    public boolean isByteArray() {
        return kind == Kind.BYTES || kind == Kind.INT128 || kind == Kind.INT256;
    }

    /** @return the Java literal stored for an absent optional primitive ({@code 0}, {@code 0L}, {@code 0.0}, {@code false}) */
    public String zeroLiteral() {
        return switch (kind) {
            case BOOL -> "false";
            case LONG -> "0L";
            case DOUBLE -> "0.0";
            default -> "0";
        };
    }

    /** @return the type used in constructor parameters and accessors of a present value */
    public String decl() {
        return switch (kind) {
            case INT -> "int";
            case LONG -> "long";
            case DOUBLE -> "double";
            case BOOL -> "boolean";
            case STRING -> "String";
            case BYTES, INT128, INT256 -> "byte[]";
            case BOXED, BARE -> javaClass;
            case ANY_OBJECT -> "TlObject";
            case METHOD_VARIABLE -> "TlMethod<R>";
            case RESULT_VARIABLE -> "R";
            case VECTOR -> "java.util.List<" + element.boxed() + ">";
        };
    }

    /**
     * @return the type constructor and builder parameters take: like {@link #decl()}, except that vectors of
     *     objects accept a list of any subtype ({@code List<? extends MessageType>} takes a {@code List<Message>})
     */
    public String paramDecl() {
        if (kind == Kind.VECTOR && (element.kind == Kind.BOXED || element.kind == Kind.BARE
                || element.kind == Kind.ANY_OBJECT || element.kind == Kind.VECTOR)) {
            return "java.util.List<? extends " + element.boxed() + ">";
        }
        return decl();
    }

    /** @return the reference type: boxes for primitives, {@link #decl()} otherwise */
    public String boxed() {
        return switch (kind) {
            case INT -> "Integer";
            case LONG -> "Long";
            case DOUBLE -> "Double";
            case BOOL -> "Boolean";
            default -> decl();
        };
    }

    /** @return the type of the private field that stores a value */
    public String storage() {
        if (kind != Kind.VECTOR) {
            return decl();
        }
        return switch (element.kind) {
            case INT -> "TlIntList";
            case LONG -> "TlLongList";
            default -> "TlList<" + element.boxed() + ">";
        };
    }

    /** @return the fewest bytes one value takes on the wire (used to bound vector counts) */
    public int minSize() {
        return switch (kind) {
            case INT, BOOL, STRING, BYTES, BOXED, ANY_OBJECT, METHOD_VARIABLE, RESULT_VARIABLE -> 4;
            case LONG, DOUBLE -> 8;
            case INT128 -> 16;
            case INT256 -> 32;
            case BARE -> bareMinSize;
            case VECTOR -> bareVector ? 4 : 8;
        };
    }

    /**
     * @param r the reader variable
     * @return an expression that reads one value
     */
    public String read(String r) {
        return switch (kind) {
            case INT -> r + ".readInt()";
            case LONG -> r + ".readLong()";
            case DOUBLE -> r + ".readDouble()";
            case BOOL -> r + ".readBool()";
            case STRING -> r + ".readString()";
            case BYTES -> r + ".readBytes()";
            case INT128 -> r + ".readInt128()";
            case INT256 -> r + ".readInt256()";
            case BOXED -> javaClass + ".read(" + r + ")";
            case BARE -> javaClass + ".readBare(" + r + ")";
            case ANY_OBJECT -> r + ".readObject()";
            case METHOD_VARIABLE -> r + ".readMethod()";
            case RESULT_VARIABLE -> throw new IllegalStateException("a result variable is read by the wrapped query");
            case VECTOR -> switch (element.kind) {
                case INT -> r + (bareVector ? ".readBareIntVector()" : ".readIntVector()");
                case LONG -> r + (bareVector ? ".readBareLongVector()" : ".readLongVector()");
                default -> r + (bareVector ? ".readBareVector(" : ".readVector(") + element.decoder() + ", " + Math.max(1, element.minSize()) + ")";
            };
        };
    }

    private String decoder() {
        return switch (kind) {
            case STRING -> "TlReader::readString";
            case BYTES -> "TlReader::readBytes";
            case BOXED -> javaClass + "::read";
            case BARE -> javaClass + "::readBare";
            case ANY_OBJECT -> "TlReader::readObject";
            default -> "e -> " + read("e");
        };
    }

    /**
     * @param w the writer variable
     * @param v an expression of type {@link #storage()} (or {@link #decl()})
     * @return a statement, without the trailing semicolon, that writes the value
     */
    public String write(String w, String v) {
        return switch (kind) {
            case INT -> w + ".writeInt(" + v + ")";
            case LONG -> w + ".writeLong(" + v + ")";
            case DOUBLE -> w + ".writeDouble(" + v + ")";
            case BOOL -> w + ".writeBool(" + v + ")";
            case STRING -> w + ".writeString(" + v + ")";
            case BYTES -> w + ".writeBytes(" + v + ")";
            case INT128, INT256 -> w + ".writeRaw(" + v + ")";
            case BOXED, ANY_OBJECT, METHOD_VARIABLE -> v + ".write(" + w + ")";
            case BARE -> v + ".writeBare(" + w + ")";
            case RESULT_VARIABLE -> throw new IllegalStateException("a result variable is never written");
            case VECTOR -> switch (element.kind) {
                case INT -> w + (bareVector ? ".writeBareIntVector(" : ".writeIntVector(") + v + ")";
                case LONG -> w + (bareVector ? ".writeBareLongVector(" : ".writeLongVector(") + v + ")";
                default -> w + (bareVector ? ".writeBareVector(" : ".writeVector(") + v + ", " + element.encoder() + ")";
            };
        };
    }

    private String encoder() {
        return switch (kind) {
            case STRING -> "TlWriter::writeString";
            case BYTES -> "TlWriter::writeBytes";
            case BOXED, ANY_OBJECT -> "TlWriter::writeObject";
            case BARE -> "TlWriter::writeBareObject";
            default -> "(ew, e) -> " + write("ew", "e");
        };
    }

    /**
     * @param v a value of {@link #decl()} handed in by a caller
     * @param label the {@code Class.field} label for messages
     * @return an expression that yields the value to store: byte arrays copied and length-checked,
     *     lists copied into immutable lists, references null-checked
     */
    public String copyIn(String v, String label) {
        return switch (kind) {
            case INT, LONG, DOUBLE, BOOL -> v;
            case BYTES -> "java.util.Objects.requireNonNull(" + v + ", \"" + label + " is required\").clone()";
            case INT128 -> "TlChecks.fixedLength(" + v + ", 16, \"" + label + "\")";
            case INT256 -> "TlChecks.fixedLength(" + v + ", 32, \"" + label + "\")";
            case VECTOR -> switch (element.kind) {
                case INT -> "TlIntList.copyOf(" + v + ", \"" + label + "\")";
                case LONG -> "TlLongList.copyOf(" + v + ", \"" + label + "\")";
                case BYTES, INT128, INT256, VECTOR -> "TlList.copyOf(" + v + ", \"" + label + "\", e -> " + element.copyIn("e", label + "[]") + ")";
                default -> "TlList.copyOf(" + v + ", \"" + label + "\")";
            };
            default -> "java.util.Objects.requireNonNull(" + v + ", \"" + label + " is required\")";
        };
    }

    /**
     * @param a one stored value
     * @param b the other
     * @return a boolean expression comparing them
     */
    public String equalsExpr(String a, String b) {
        return switch (kind) {
            case INT, LONG, BOOL -> a + " == " + b;
            case DOUBLE -> "Double.compare(" + a + ", " + b + ") == 0";
            case BYTES, INT128, INT256 -> "java.util.Arrays.equals(" + a + ", " + b + ")";
            default -> "java.util.Objects.equals(" + a + ", " + b + ")";
        };
    }

    /**
     * @param v a stored value
     * @return an int expression hashing it
     */
    public String hashExpr(String v) {
        return switch (kind) {
            case INT -> v;
            case LONG -> "Long.hashCode(" + v + ")";
            case DOUBLE -> "Double.hashCode(" + v + ")";
            case BOOL -> "Boolean.hashCode(" + v + ")";
            case BYTES, INT128, INT256 -> "java.util.Arrays.hashCode(" + v + ")";
            default -> "java.util.Objects.hashCode(" + v + ")";
        };
    }
}
