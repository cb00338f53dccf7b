package dev.mtproto.messages.format;

import dev.mtproto.messages.format.FormattingException.Problem;
import dev.mtproto.tl.api.MessageEntity;
import dev.mtproto.tl.api.MessageEntityBlockquote;
import dev.mtproto.tl.api.MessageEntityPre;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over MarkdownV2 source, without recursion: a small stack of open entities (each kind can be
 * open once, so the stack stays short however hostile the input), a mode for the literal parts (code,
 * pre, a link's URL) and the state of the current blockquote. See {@link Markdown} for the rules.
 */
final class MarkdownParser {
    static final String SYNTAX = "MarkdownV2";
    static final String RESERVED = "_*[]()~`>#+-=|{}.!";

    private enum Mode { NORMAL, CODE, PRE_LANGUAGE, PRE, URL }

    private record Open(EntityKind kind, int start, int at) {
    }

    private final String src;
    private final StringBuilder out = new StringBuilder();
    private final List<Span> spans = new ArrayList<>();
    private final List<Open> stack = new ArrayList<>();
    private Mode mode = Mode.NORMAL;
    private Open literal;
    private Open label;
    private int urlAt;
    private StringBuilder buffer;
    private int quoteStart = -1;
    private int quoteAt;
    private boolean lineStart = true;
    private int lineBreakAt;
    private boolean lineBreakInText;
    private int i;

    private MarkdownParser(String src) {
        this.src = src;
    }

    static FormattedText parse(String markdown) {
        return new MarkdownParser(markdown).run();
    }

    private FormattedText run() {
        while (i < src.length()) {
            if (lineStart) {
                lineStart = false;
                if (quoteStart >= 0) {
                    if (src.charAt(i) == '>') {
                        i++;
                        continue;
                    }
                    endQuoteAtLineStart();
                }
            }
            switch (mode) {
                case NORMAL -> normal();
                case CODE -> code();
                case PRE_LANGUAGE -> preLanguage();
                case PRE -> pre();
                case URL -> url();
            }
        }
        finish();
        return EntityNormalizer.normalize(out.toString(), spans);
    }

    private void normal() {
        char c = src.charAt(i);
        switch (c) {
            case '\\' -> escape(out);
            case '\n' -> textInLiteral(c);
            case '*' -> toggle(EntityKind.BOLD, 1);
            case '_' -> {
                if (next(1) == '_') {
                    toggle(EntityKind.UNDERLINE, 2);
                } else {
                    toggle(EntityKind.ITALIC, 1);
                }
            }
            case '~' -> toggle(EntityKind.STRIKE, 1);
            case '|' -> pipe();
            case '`' -> openLiteral();
            case '[' -> openLabel(EntityKind.TEXT_URL, 1);
            case '!' -> {
                if (next(1) != '[') {
                    throw reserved(c);
                }
                openLabel(EntityKind.CUSTOM_EMOJI, 2);
            }
            case ']' -> closeLabel();
            case '>' -> {
                boolean atLineStart = out.length() == 0 || out.charAt(out.length() - 1) == '\n';
                if (quoteStart >= 0 || !atLineStart || label != null) {
                    throw reserved(c);
                }
                quoteStart = out.length();
                quoteAt = i++;
            }
            default -> {
                if (RESERVED.indexOf(c) >= 0) {
                    throw reserved(c);
                }
                out.append(c);
                i++;
            }
        }
    }

    private void pipe() {
        if (next(1) != '|') {
            throw reserved('|');
        }
        int after = i + 2;
        if (quoteStart >= 0 && (after == src.length() || src.charAt(after) == '\n')) {
            i = after;
            endQuote(out.length(), true);
        } else {
            toggle(EntityKind.SPOILER, 2);
        }
    }

    private void toggle(EntityKind kind, int width) {
        int index = -1;
        for (int k = 0; k < stack.size(); k++) {
            if (stack.get(k).kind() == kind) {
                index = k;
            }
        }
        if (index < 0) {
            stack.add(new Open(kind, out.length(), i));
        } else {
            Open top = stack.get(stack.size() - 1);
            if (index != stack.size() - 1) {
                throw error(i, Problem.MISMATCHED_CLOSE, "'" + src.substring(i, i + width) + "' closes the "
                        + kind.label() + " opened at index " + stack.get(index).at() + ", but the " + top.kind().label()
                        + " opened at index " + top.at() + " is still open");
            }
            stack.remove(stack.size() - 1);
            if (out.length() > top.start()) {
                spans.add(new Span(kind, top.start(), out.length(), null));
            }
        }
        i += width;
    }

    private void openLiteral() {
        boolean pre = src.startsWith("```", i);
        literal = new Open(pre ? EntityKind.PRE : EntityKind.CODE, out.length(), i);
        if (pre) {
            buffer = new StringBuilder();
            mode = Mode.PRE_LANGUAGE;
            i += 3;
        } else {
            mode = Mode.CODE;
            i++;
        }
    }

    private void code() {
        char c = src.charAt(i);
        if (c == '\\') {
            escape(out);
        } else if (c == '`') {
            i++;
            closeLiteral("");
        } else {
            textInLiteral(c);
        }
    }

    private void preLanguage() {
        char c = src.charAt(i);
        if (c == '\\' && next(1) == '\n') {
            throw error(i, Problem.BAD_ESCAPE, "a pre's language ends at the first line break, which cannot be escaped");
        } else if (c == '\\') {
            escape(buffer);
        } else if (c == '\n') {
            mode = Mode.PRE;
            lineStart = true;
            lineBreakAt = out.length();
            lineBreakInText = false;
            i++;
        } else if (src.startsWith("```", i)) {
            out.append(buffer);
            buffer = new StringBuilder();
            i += 3;
            closeLiteral("");
        } else if (c == '`') {
            throw error(i, Problem.RESERVED_CHARACTER, "'`' must be escaped with a preceding '\\' inside pre");
        } else {
            buffer.append(c);
            i++;
        }
    }

    private void pre() {
        char c = src.charAt(i);
        if (c == '\\') {
            escape(out);
        } else if (src.startsWith("```", i)) {
            i += 3;
            closeLiteral(buffer.toString());
        } else if (c == '`') {
            throw error(i, Problem.RESERVED_CHARACTER, "'`' must be escaped with a preceding '\\' inside pre");
        } else {
            textInLiteral(c);
        }
    }

    /** Appends one character of text (in code, pre or elsewhere). */
    private void textInLiteral(char c) {
        newLineAt(c);
        out.append(c);
        i++;
    }

    private void newLineAt(char c) {
        if (c == '\n') {
            lineStart = true;
            lineBreakAt = out.length();
            lineBreakInText = true;
        }
    }

    private void closeLiteral(String language) {
        mode = Mode.NORMAL;
        if (out.length() == literal.start()) {
            return;
        }
        if (label != null) {
            throw error(literal.at(), Problem.FORBIDDEN_NESTING, NestingRules.forbidden(label.kind(), literal.kind()));
        }
        MessageEntity prototype = literal.kind() == EntityKind.PRE ? new MessageEntityPre(0, 0, language) : null;
        spans.add(new Span(literal.kind(), literal.start(), out.length(), prototype));
    }

    private void openLabel(EntityKind kind, int width) {
        if (label != null) {
            throw error(i, Problem.FORBIDDEN_NESTING, NestingRules.forbidden(label.kind(), kind));
        }
        label = new Open(kind, out.length(), i);
        stack.add(label);
        i += width;
    }

    private void closeLabel() {
        if (label == null) {
            throw reserved(']');
        }
        Open top = stack.get(stack.size() - 1);
        if (top != label) {
            throw error(i, Problem.MISMATCHED_CLOSE, "']' closes the " + label.kind().label() + " opened at index "
                    + label.at() + ", but the " + top.kind().label() + " opened at index " + top.at()
                    + " is still open");
        }
        if (next(1) != '(') {
            throw error(i + 1, Problem.BAD_URL, "expected '(' and the URL after ']'");
        }
        stack.remove(stack.size() - 1);
        buffer = new StringBuilder();
        mode = Mode.URL;
        i += 2;
        urlAt = i;
    }

    private void url() {
        char c = src.charAt(i);
        if (c == '\\') {
            escape(buffer);
        } else if (c == ')') {
            i++;
            MessageEntity target;
            try {
                target = label.kind() == EntityKind.CUSTOM_EMOJI ? LinkTargets.emojiOrDate(buffer.toString())
                        : LinkTargets.link(buffer.toString());
            } catch (IllegalArgumentException bad) {
                throw error(urlAt, Problem.BAD_URL, bad.getMessage());
            }
            if (out.length() > label.start()) {
                spans.add(new Span(EntityKind.of(target), label.start(), out.length(), target));
            }
            label = null;
            mode = Mode.NORMAL;
        } else if (c == '\n') {
            throw error(i, Problem.BAD_URL, "a URL cannot hold a line break");
        } else {
            buffer.append(c);
            i++;
        }
    }

    /**
     * A line inside a quote does not start with {@code >}: the quote ends before the line break. After the
     * line break that ends a pre's language, it ends where the pre starts, if the pre's text starts with a
     * line break; otherwise the quote would end inside the pre.
     */
    private void endQuoteAtLineStart() {
        if (lineBreakInText) {
            endQuote(lineBreakAt, false);
        } else if (out.length() == literal.start() && src.charAt(i) == '\n') {
            endQuote(literal.start(), false);
        } else {
            throw error(i, Problem.FORBIDDEN_NESTING, "the blockquote opened at index " + quoteAt
                    + " ends inside a pre that started in it");
        }
    }

    /** Ends the quote at {@code end}; what opened exactly there (on the line break after it) is outside. */
    private void endQuote(int end, boolean collapsed) {
        boolean inLiteral = mode != Mode.NORMAL && mode != Mode.URL && literal.start() < end;
        if (inLiteral || mode == Mode.NORMAL && label != null && label.start() < end) {
            String inside = inLiteral ? literal.kind().label() : label.kind().label();
            throw error(i, Problem.FORBIDDEN_NESTING, "the blockquote opened at index " + quoteAt
                    + " ends inside a " + inside + " that started in it");
        }
        if (end > quoteStart) {
            spans.add(new Span(EntityKind.BLOCKQUOTE, quoteStart, end, new MessageEntityBlockquote(collapsed, 0, 0)));
        }
        quoteStart = -1;
    }

    private void finish() {
        switch (mode) {
            case CODE, PRE_LANGUAGE, PRE -> throw error(literal.at(), Problem.UNCLOSED_ENTITY,
                    "the " + literal.kind().label() + " opened here is never closed");
            case URL -> throw error(urlAt, Problem.UNCLOSED_ENTITY, "the URL is never closed with ')'");
            default -> {
                // nothing open in a literal
            }
        }
        if (!stack.isEmpty()) {
            Open first = stack.get(0);
            throw error(first.at(), Problem.UNCLOSED_ENTITY, "the " + first.kind().label()
                    + " opened here is never closed");
        }
        if (quoteStart >= 0) {
            endQuote(lineStart ? lineBreakAt : out.length(), false);
        }
    }

    private void escape(StringBuilder target) {
        char escaped = next(1);
        if (escaped < 1 || escaped > 126) {
            throw error(i, Problem.BAD_ESCAPE, "'\\' must be followed by a character with code 1 to 126");
        }
        if (target == out) {
            newLineAt(escaped);
        }
        target.append(escaped);
        i += 2;
    }

    private char next(int ahead) {
        return i + ahead < src.length() ? src.charAt(i + ahead) : 0;
    }

    private FormattingException reserved(char c) {
        return error(i, Problem.RESERVED_CHARACTER, "character '" + c
                + "' is reserved and must be escaped with a preceding '\\'");
    }

    private FormattingException error(int at, Problem problem, String detail) {
        return FormattingException.at(SYNTAX, src, at, problem, detail);
    }
}
