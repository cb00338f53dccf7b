package dev.mtproto.tl.generator.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits TL schema text into {@link TlToken}s: names, punctuation and section markers. Comments are
 * skipped, except that a {@code // LAYER N} comment (anywhere in the file: Telegram puts it last) is
 * remembered as the schema's layer.
 */
final class TlLexer {
    private static final Pattern LAYER = Pattern.compile("^//\\s*LAYER\\s+(\\d+)\\s*$");
    private static final String PUNCTUATION = ":?!%<>{}[]=;#";

    private final String source;
    private final String text;
    private final List<TlToken> tokens = new ArrayList<>();
    private Integer layer;

    private TlLexer(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /**
     * Tokenizes a whole schema.
     *
     * @param source the file name used in messages
     * @param text the schema text
     * @return the lexer, holding the tokens (the last one is {@link TlToken.Kind#EOF}) and the layer
     * @throws TlSchemaParseException on a character TL does not use, a malformed section marker or a
     *     second LAYER marker
     */
    static TlLexer tokenize(String source, String text) {
        TlLexer lexer = new TlLexer(source, text);
        lexer.run();
        return lexer;
    }

    /** @return the tokens, ending with one {@link TlToken.Kind#EOF} */
    List<TlToken> tokens() {
        return tokens;
    }

    /** @return the layer of the {@code // LAYER N} comment, or {@code null} when there is none */
    Integer layer() {
        return layer;
    }

    private void run() {
        int line = 1;
        int i = text.startsWith("\uFEFF") ? 1 : 0; // a byte order mark, as some editors save files
        int lineStart = i;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = ++i;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int column = i - lineStart + 1;
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                i = comment(i, line, column);
            } else if (c == '-' && text.startsWith("---", i)) {
                i = section(i, line, column);
            } else if (isIdentChar(c)) {
                int start = i;
                while (i < n && isIdentChar(text.charAt(i))) {
                    i++;
                }
                tokens.add(new TlToken(TlToken.Kind.IDENT, text.substring(start, i), line, column, start, i));
            } else if (PUNCTUATION.indexOf(c) >= 0) {
                tokens.add(new TlToken(TlToken.Kind.PUNCT, String.valueOf(c), line, column, i, i + 1));
                i++;
            } else {
                throw new TlSchemaParseException(source, line, column, "unexpected character '" + c + "'");
            }
        }
        tokens.add(new TlToken(TlToken.Kind.EOF, "", line, i - lineStart + 1, n, n));
    }

    /** Skips a comment starting at {@code i}; returns the offset of the line break that ends it. */
    private int comment(int i, int line, int column) {
        int end = text.indexOf('\n', i);
        if (end < 0) {
            end = text.length();
        }
        Matcher m = LAYER.matcher(text.substring(i, end).strip());
        if (m.matches()) {
            if (layer != null) {
                throw new TlSchemaParseException(source, line, column, "a second LAYER marker (the first said " + layer + ")");
            }
            layer = Integer.parseInt(m.group(1));
        }
        return end;
    }

    /** Reads a {@code ---types---} or {@code ---functions---} marker starting at {@code i}; returns the offset after it. */
    private int section(int i, int line, int column) {
        int close = text.indexOf("---", i + 3);
        int eol = text.indexOf('\n', i);
        if (close < 0 || (eol >= 0 && close > eol)) {
            throw new TlSchemaParseException(source, line, column, "unterminated section marker, expected ---types--- or ---functions---");
        }
        String section = text.substring(i, close + 3);
        if (!section.equals("---types---") && !section.equals("---functions---")) {
            throw new TlSchemaParseException(source, line, column, "unknown section marker '" + section + "', expected ---types--- or ---functions---");
        }
        tokens.add(new TlToken(TlToken.Kind.SECTION, section, line, column, i, close + 3));
        return close + 3;
    }

    private static boolean isIdentChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    }
}
