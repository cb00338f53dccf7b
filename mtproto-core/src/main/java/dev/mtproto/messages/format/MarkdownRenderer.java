package dev.mtproto.messages.format;

import dev.mtproto.tl.api.MessageEntity;
import dev.mtproto.tl.api.MessageEntityBlockquote;
import dev.mtproto.tl.api.MessageEntityPre;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Writes normalized entities as MarkdownV2 that {@link MarkdownParser} reads back to the same value.
 * Besides escaping, it inserts an empty bold {@code **} (or an empty code {@code ``} when bold is open)
 * where markup would otherwise be ambiguous: between two underscore markers ({@code ___} is read
 * greedily), before a line break that follows a spoiler marker inside a blockquote ({@code ||} at the end
 * of a quoted line marks an expandable quote), and between two blockquotes on consecutive lines.
 */
final class MarkdownRenderer implements SpanWalker.Sink {
    private static final String SPOILER = "||";
    private static final String MARK = "mark";

    private final String text;
    private final StringBuilder out = new StringBuilder();
    private final Deque<Span> open = new ArrayDeque<>();
    private String lastMarker;
    private boolean inQuote;
    private boolean pendingMark;
    private int quoteEnd = -2;

    private MarkdownRenderer(String text) {
        this.text = text;
    }

    static String render(FormattedText value) {
        FormattedText normalized = value.normalized();
        String text = normalized.text();
        List<Span> spans = new ArrayList<>();
        for (MessageEntity entity : normalized.entities()) {
            Span span = Span.of(entity, EntityKind.of(entity));
            check(text, span);
            spans.add(span);
        }
        MarkdownRenderer renderer = new MarkdownRenderer(text);
        SpanWalker.walk(text.length(), spans, renderer);
        renderer.flushMark();
        return renderer.out.toString();
    }

    private static void check(String text, Span span) {
        switch (span.kind()) {
            case BLOCKQUOTE -> {
                if (span.start() > 0 && text.charAt(span.start() - 1) != '\n'
                        || span.end() < text.length() && text.charAt(span.end()) != '\n') {
                    throw new IllegalArgumentException("MarkdownV2 can only write a blockquote of whole lines: "
                            + span.toEntity());
                }
            }
            case PRE -> {
                if (((MessageEntityPre) span.prototype()).language().indexOf('\n') >= 0) {
                    throw new IllegalArgumentException("a pre language cannot hold a line break: " + span.toEntity());
                }
            }
            case TEXT_URL -> LinkTargets.checkTextUrl(span);
            default -> {
                // everything else can be written
            }
        }
    }

    @Override
    public void text(int from, int to) {
        flushMark();
        boolean literal = !open.isEmpty() && open.peek().kind().literal();
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == '\n') {
                newline(k);
                continue;
            }
            boolean lineStart = k == 0 || text.charAt(k - 1) == '\n';
            if (literal ? c == '`' || c == '\\' || c == '>' && lineStart
                    : c == '\\' || MarkdownParser.RESERVED.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
            lastMarker = null;
        }
    }

    @Override
    public void open(Span span) {
        if (pendingMark && !span.kind().splittable()) {
            throw new IllegalArgumentException("MarkdownV2 cannot write a " + span.kind().label()
                    + " that starts on the line break right after an expandable blockquote: " + span.toEntity());
        }
        switch (span.kind()) {
            case BLOCKQUOTE -> {
                if (quoteEnd == span.start() - 1 && lastMarker == null) {
                    out.append("**");
                }
                out.append('>');
                lastMarker = ">";
                inQuote = true;
            }
            case TEXT_URL, MENTION_NAME, INPUT_MENTION_NAME -> marker("[");
            case CUSTOM_EMOJI, FORMATTED_DATE -> marker("![");
            case CODE -> marker("`");
            case PRE -> {
                marker("```");
                String language = ((MessageEntityPre) span.prototype()).language();
                for (int k = 0; k < language.length(); k++) {
                    char c = language.charAt(k);
                    out.append(c == '`' || c == '\\' ? "\\" + c : String.valueOf(c));
                }
                newline(span.start());
            }
            default -> marker(splittableMarker(span.kind()));
        }
        open.push(span);
    }

    @Override
    public void close(Span span) {
        open.pop();
        switch (span.kind()) {
            case BLOCKQUOTE -> {
                inQuote = false;
                quoteEnd = span.end();
                if (((MessageEntityBlockquote) span.prototype()).collapsed()) {
                    pendingMark = true;
                } else if (SPOILER.equals(lastMarker)) {
                    separator();
                }
            }
            case TEXT_URL, MENTION_NAME, INPUT_MENTION_NAME, CUSTOM_EMOJI, FORMATTED_DATE -> {
                out.append("](");
                String url = LinkTargets.urlOf(span);
                for (int k = 0; k < url.length(); k++) {
                    char c = url.charAt(k);
                    out.append(c == ')' || c == '\\' ? "\\" + c : String.valueOf(c));
                }
                marker(")");
            }
            case CODE -> marker("`");
            case PRE -> marker("```");
            default -> marker(splittableMarker(span.kind()));
        }
    }

    private static String splittableMarker(EntityKind kind) {
        return switch (kind) {
            case BOLD -> "*";
            case ITALIC -> "_";
            case UNDERLINE -> "__";
            case STRIKE -> "~";
            case SPOILER -> SPOILER;
            default -> throw new IllegalStateException("not splittable: " + kind);
        };
    }

    private void marker(String token) {
        if (token.startsWith("_") && lastMarker != null && lastMarker.endsWith("_")) {
            separator();
        }
        out.append(token);
        lastMarker = token;
    }

    /** A line break at text index {@code position}; the parser still counts a quote open on its last line. */
    private void newline(int position) {
        if ((inQuote || position == quoteEnd) && SPOILER.equals(lastMarker)) {
            separator();
        }
        out.append('\n');
        lastMarker = null;
        if (inQuote) {
            out.append('>');
            lastMarker = ">";
        }
    }

    private void separator() {
        boolean boldOpen = false;
        for (Span span : open) {
            boldOpen |= span.kind() == EntityKind.BOLD;
        }
        out.append(boldOpen ? "``" : "**");
        lastMarker = "separator";
    }

    private void flushMark() {
        if (pendingMark) {
            out.append(SPOILER);
            lastMarker = MARK;
            pendingMark = false;
        }
    }
}
