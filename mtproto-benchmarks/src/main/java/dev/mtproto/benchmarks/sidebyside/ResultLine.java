package dev.mtproto.benchmarks.sidebyside;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measurement's result as a flat JSON object, fields in the order added; the same shape the mtcute
 * side prints, so that {@code side-by-side/table.mjs} can read both.
 */
final class ResultLine {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    /**
     * @param name the field name
     * @param value a string or a number
     * @return this line
     */
    ResultLine put(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    /**
     * @param other a line whose fields to add after this one's
     * @return this line
     */
    ResultLine putAll(ResultLine other) {
        fields.putAll(other.fields);
        return this;
    }

    /** @return the fields as one line of JSON */
    String toJson() {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            quote(json, e.getKey()).append(':');
            if (e.getValue() instanceof Number n) {
                json.append(n);
            } else {
                quote(json, String.valueOf(e.getValue()));
            }
        }
        return json.append('}').toString();
    }

    private static StringBuilder quote(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"');
    }

    /**
     * @param x a value
     * @param digits how many decimal digits to keep
     * @return x rounded half up to that many digits
     */
    static double round(double x, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(x * f) / f;
    }
}
