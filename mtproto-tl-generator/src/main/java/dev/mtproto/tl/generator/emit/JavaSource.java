package dev.mtproto.tl.generator.emit;

import java.util.regex.Pattern;

/**
 * Builds the text of one Java source file: indentation, and qualified names of the file's own package
 * shortened to simple names.
 */
final class JavaSource {
    private final StringBuilder out = new StringBuilder(8192);
    private final Pattern ownPackage;
    private int indent;

    /** @param packageName the package of the file being written */
    JavaSource(String packageName) {
        this.ownPackage = Pattern.compile("\\b" + Pattern.quote(packageName + ".") + "(?=[A-Z])");
    }

    /**
     * Appends one line at the current indentation (qualified names of the own package shortened); a text
     * with line breaks is written as several lines, each indented.
     */
    JavaSource line(String text) {
        for (String l : text.split("\n", -1)) {
            if (!l.isEmpty()) {
                out.append("    ".repeat(indent)).append(shorten(l));
            }
            out.append('\n');
        }
        return this;
    }

    /** Appends an empty line. */
    JavaSource blank() {
        out.append('\n');
        return this;
    }

    /** Appends {@code text + " {"} and indents. */
    JavaSource open(String text) {
        line(text + " {");
        indent++;
        return this;
    }

    /** Outdents, appends <code>} text {</code> (an {@code else} or {@code catch}) and indents again. */
    JavaSource reopen(String text) {
        indent--;
        line("} " + text + " {");
        indent++;
        return this;
    }

    /** Outdents and appends {@code text} (usually a closing brace). */
    JavaSource close(String text) {
        indent--;
        return line(text);
    }

    /** Outdents and appends a closing brace. */
    JavaSource close() {
        return close("}");
    }

    /** Appends a Javadoc comment; {@code lines} are written as they are, a single short one on one line. */
    JavaSource javadoc(String... lines) {
        if (lines.length == 1 && lines[0].length() < 100) {
            return line("/** " + lines[0] + " */");
        }
        line("/**");
        for (String l : lines) {
            line(l.isEmpty() ? " *" : " * " + l);
        }
        return line(" */");
    }

    /** Drops the own package from qualified names outside string literals. */
    String shorten(String text) {
        if (!ownPackage.matcher(text).find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int quote = text.indexOf('"', i);
            String code = quote < 0 ? text.substring(i) : text.substring(i, quote);
            sb.append(ownPackage.matcher(code).replaceAll(""));
            if (quote < 0) {
                break;
            }
            int end = quote + 1;
            while (end < text.length() && text.charAt(end) != '"') {
                end += text.charAt(end) == '\\' ? 2 : 1;
            }
            end = Math.min(end + 1, text.length());
            sb.append(text, quote, end);
            i = end;
        }
        return sb.toString();
    }

    /**
     * @param header the file's header (comment and package line)
     * @param runtimeClasses simple names of {@code dev.mtproto.tl} classes that may be used
     * @return the file: header, imports of the runtime classes the body uses, body
     */
    String withImports(String header, java.util.Set<String> runtimeClasses) {
        String body = out.toString();
        StringBuilder file = new StringBuilder(header.length() + body.length() + 256).append(header);
        boolean any = false;
        for (String name : new java.util.TreeSet<>(runtimeClasses)) {
            if (Pattern.compile("\\b" + name + "\\b").matcher(body).find()) {
                file.append("import dev.mtproto.tl.").append(name).append(";\n");
                any = true;
            }
        }
        return (any ? file.append('\n') : file).append(body).toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
