package dev.mtproto.tl;

import java.util.HexFormat;
import java.util.List;

/**
 * Builds the readable {@code toString()} of generated objects:
 * {@code message{id=5, peerId=peerUser{userId=7}, message="hi"}}. Absent optional fields and unset flags
 * are left out, long strings and byte arrays are shortened, and secret fields print as {@code ***}.
 */
public final class TlToString {
    private static final int MAX_STRING = 256;
    private static final int MAX_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final StringBuilder sb;
    private boolean first = true;

    /** @param name the TL name of the object */
    public TlToString(String name) {
        sb = new StringBuilder(64).append(name).append('{');
    }

    private StringBuilder field(String name) {
        if (!first) {
            sb.append(", ");
        }
        first = false;
        return sb.append(name).append('=');
    }

    /** Adds a field that is always present. */
    public TlToString add(String name, int value) {
        field(name).append(value);
        return this;
    }

    /** Adds a field that is always present. */
    public TlToString add(String name, long value) {
        field(name).append(value);
        return this;
    }

    /** Adds a field that is always present. */
    public TlToString add(String name, double value) {
        field(name).append(value);
        return this;
    }

    /** Adds a field that is always present. */
    public TlToString add(String name, boolean value) {
        field(name).append(value);
        return this;
    }

    /** Adds a field that is always present. */
    public TlToString add(String name, Object value) {
        format(field(name), value);
        return this;
    }

    /** Adds an optional field if it is present ({@code value != null}). */
    public TlToString optional(String name, Object value) {
        if (value != null) {
            format(field(name), value);
        }
        return this;
    }

    /** Adds a {@code flags.N?true} field if it is set. */
    public TlToString flag(String name, boolean value) {
        if (value) {
            field(name).append(true);
        }
        return this;
    }

    /** Adds a secret field, if present, as {@code ***}. */
    public TlToString secret(String name, boolean present) {
        if (present) {
            field(name).append("***");
        }
        return this;
    }

    private static void format(StringBuilder sb, Object value) {
        if (value instanceof String s) {
            sb.append('"');
            int n = Math.min(s.length(), MAX_STRING);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
            if (s.length() > MAX_STRING) {
                sb.append("...(").append(s.length()).append(" chars)");
            }
        } else if (value instanceof byte[] b) {
            sb.append("bytes[").append(b.length).append("]:");
            sb.append(HEX.formatHex(b, 0, Math.min(b.length, MAX_BYTES)));
            if (b.length > MAX_BYTES) {
                sb.append("...");
            }
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                format(sb, list.get(i));
            }
            sb.append(']');
        } else {
            sb.append(value);
        }
    }

    @Override
    public String toString() {
        return sb.toString() + '}';
    }
}
