package dev.mtproto.messages.format;

import dev.mtproto.MtprotoException;

/**
 * Markup that {@link Markdown#parse(String)} or {@link Html#parse(String)} cannot accept.
 *
 * <p>The exception names the position in the markup (a UTF-16 index, counted like {@link String#charAt},
 * and the 1-based line and column of that index), the kind of problem, and a short snippet of the markup
 * around the position. Example message:
 * {@code MarkdownV2, line 1, column 6 (index 5): character '.' is reserved and must be escaped with a
 * preceding '\' near "Hello. world"}.
 */
public final class FormattingException extends MtprotoException {
    private static final long serialVersionUID = 1L;
    private static final int SNIPPET_RADIUS = 12;

    /** What was wrong with the markup. */
    public enum Problem {
        /** An entity was opened and never closed ({@code *bold}, {@code <b>bold}). */
        UNCLOSED_ENTITY,
        /** A MarkdownV2 reserved character ({@code _*[]()~`>#+-=|{}.!}) appeared unescaped. */
        RESERVED_CHARACTER,
        /** A {@code \} not followed by a character with code 1 to 126. */
        BAD_ESCAPE,
        /** An entity was closed while another entity opened inside it is still open. */
        MISMATCHED_CLOSE,
        /** An entity inside one it may not be part of (a link in a link, a quote in a quote, ...). */
        FORBIDDEN_NESTING,
        /** A link, mention or custom emoji with a missing, empty or malformed URL or id. */
        BAD_URL,
        /** An HTML tag that the Bot API does not support. */
        UNKNOWN_TAG,
        /** A missing or malformed HTML attribute, or a malformed tag. */
        BAD_TAG,
        /** An HTML character reference that is not supported or does not name a character. */
        BAD_CHARACTER_REFERENCE
    }

    private final String syntax;
    private final Problem problem;
    private final String detail;
    private final int index;
    private final int line;
    private final int column;

    private FormattingException(String syntax, Problem problem, String detail, int index, int line, int column,
            String snippet) {
        super(syntax + ", line " + line + ", column " + column + " (index " + index + "): " + detail
                + " near \"" + snippet + "\"");
        this.syntax = syntax;
        this.problem = problem;
        this.detail = detail;
        this.index = index;
        this.line = line;
        this.column = column;
    }

    /**
     * Builds the exception for a problem at {@code index} of {@code source}.
     *
     * @param syntax "MarkdownV2" or "HTML"
     * @param source the whole markup
     * @param index UTF-16 index of the problem, 0 to {@code source.length()}
     * @param problem kind of problem
     * @param detail what was wrong, in words
     * @return the exception, to be thrown by the caller
     */
    static FormattingException at(String syntax, String source, int index, Problem problem, String detail) {
        int at = Math.max(0, Math.min(index, source.length()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int from = Math.max(0, at - SNIPPET_RADIUS);
        int to = Math.min(source.length(), at + SNIPPET_RADIUS);
        if (from > 0 && Character.isLowSurrogate(source.charAt(from))) {
            from--;
        }
        if (to < source.length() && to > 0 && Character.isHighSurrogate(source.charAt(to - 1))) {
            to++;
        }
        String snippet = source.substring(from, to).replace("\n", "\\n");
        return new FormattingException(syntax, problem, detail, at, line, at - lineStart + 1, snippet);
    }

    /** @return "MarkdownV2" or "HTML": which parser refused the markup */
    public String syntax() {
        return syntax;
    }

    /** @return the kind of problem */
    public Problem problem() {
        return problem;
    }

    /** @return what was wrong, in words, without the position */
    public String detail() {
        return detail;
    }

    /** @return the UTF-16 index in the markup where the problem was found */
    public int index() {
        return index;
    }

    /** @return the 1-based line of {@link #index()} */
    public int line() {
        return line;
    }

    /** @return the 1-based column of {@link #index()} within its line, in UTF-16 code units */
    public int column() {
        return column;
    }
}
