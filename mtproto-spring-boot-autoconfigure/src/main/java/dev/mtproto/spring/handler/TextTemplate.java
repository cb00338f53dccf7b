package dev.mtproto.spring.handler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@link UpdateHandler#pattern()} of a handler: a template with {@code {name}} placeholders (each one word)
 * or, without one, a regular expression; either must match the whole text.
 */
final class TextTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private final String source;
    private final Pattern pattern;
    private final List<String> names;

    private TextTemplate(String source, Pattern pattern, List<String> names) {
        this.source = source;
        this.pattern = pattern;
        this.names = List.copyOf(names);
    }

    /**
     * @param source the attribute's value, not empty
     * @return the template
     * @throws IllegalArgumentException if it is neither a valid template nor a valid regular expression, or a
     *     placeholder repeats
     */
    static TextTemplate parse(String source) {
        Matcher m = PLACEHOLDER.matcher(source);
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            if (names.contains(m.group(1))) {
                throw new IllegalArgumentException("pattern \"" + source + "\" names {" + m.group(1) + "} twice");
            }
            names.add(m.group(1));
            regex.append(quoted(source.substring(last, m.start()))).append("(?<").append(m.group(1)).append(">\\S+)");
            last = m.end();
        }
        try {
            if (names.isEmpty()) {
                return new TextTemplate(source, Pattern.compile(source, Pattern.DOTALL), names);
            }
            regex.append(quoted(source.substring(last)));
            return new TextTemplate(source, Pattern.compile(regex.toString(), Pattern.DOTALL), names);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern \"" + source + "\" is not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex(), e);
        }
    }

    private static String quoted(String literal) {
        return literal.isEmpty() ? "" : Pattern.quote(literal);
    }

    /**
     * @param text a text
     * @return the placeholders' values (empty map for a regular expression) if the whole text matches
     */
    Optional<Map<String, String>> match(String text) {
        Matcher m = pattern.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        if (names.isEmpty()) {
            return Optional.of(Map.of());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String n : names) {
            values.put(n, m.group(n));
        }
        return Optional.of(values);
    }

    /** @return the placeholders' names */
    List<String> names() {
        return names;
    }

    @Override
    public String toString() {
        return source;
    }
}
