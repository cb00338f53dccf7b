package dev.mtproto.messages.format;

import dev.mtproto.messages.format.FormattingException.Problem;
import dev.mtproto.tl.api.MessageEntity;
import dev.mtproto.tl.api.MessageEntityBlockquote;
import dev.mtproto.tl.api.MessageEntityBold;
import dev.mtproto.tl.api.MessageEntityCode;
import dev.mtproto.tl.api.MessageEntityCustomEmoji;
import dev.mtproto.tl.api.MessageEntityFormattedDate;
import dev.mtproto.tl.api.MessageEntityItalic;
import dev.mtproto.tl.api.MessageEntityMentionName;
import dev.mtproto.tl.api.MessageEntityPre;
import dev.mtproto.tl.api.MessageEntitySpoiler;
import dev.mtproto.tl.api.MessageEntityStrike;
import dev.mtproto.tl.api.MessageEntityTextUrl;
import dev.mtproto.tl.api.MessageEntityUnderline;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code formatting/vectors.txt}; the format is described in the README next to it. */
final class FormattingVectors {

    /** An expected parser failure. */
    record Failure(Problem problem, int index) {
    }

    /** One case; {@code text} is null for error-only cases. */
    record Case(String name, int line, String markdown, String html, String text, List<MessageEntity> entities,
            Failure markdownError, Failure htmlError) {

        FormattedText expected() {
            return new FormattedText(text, entities);
        }

        @Override
        public String toString() {
            return name + " (vectors.txt line " + line + ")";
        }
    }

    private FormattingVectors() {
    }

    static List<Case> load() {
        try (InputStream in = FormattingVectors.class.getResourceAsStream("/formatting/vectors.txt")) {
            if (in == null) {
                throw new IllegalStateException("formatting/vectors.txt is not on the test classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> parse(String file) {
        List<Case> cases = new ArrayList<>();
        Builder current = null;
        String[] lines = file.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon < 0) {
                throw new IllegalArgumentException("vectors.txt line " + (n + 1) + ": expected 'key: value'");
            }
            String key = line.substring(0, colon);
            String value = unescape(line.substring(colon + 2), n + 1);
            if (key.equals("case")) {
                if (current != null) {
                    cases.add(current.build());
                }
                current = new Builder(value, n + 1);
                continue;
            }
            if (current == null) {
                throw new IllegalArgumentException("vectors.txt line " + (n + 1) + ": " + key + " before any case");
            }
            switch (key) {
                case "md" -> current.markdown = value;
                case "html" -> current.html = value;
                case "text" -> current.text = value;
                case "entity" -> current.entities.add(entity(value, n + 1));
                case "md-error" -> current.markdownError = failure(value);
                case "html-error" -> current.htmlError = failure(value);
                default -> throw new IllegalArgumentException("vectors.txt line " + (n + 1) + ": unknown key " + key);
            }
        }
        if (current != null) {
            cases.add(current.build());
        }
        return cases;
    }

    private static Failure failure(String value) {
        String[] parts = value.split(" ");
        return new Failure(Problem.valueOf(parts[0]), Integer.parseInt(parts[1]));
    }

    private static MessageEntity entity(String value, int line) {
        String[] parts = value.split(" ", 4);
        int offset = Integer.parseInt(parts[1]);
        int length = Integer.parseInt(parts[2]);
        String argument = parts.length > 3 ? parts[3] : "";
        return switch (parts[0]) {
            case "bold" -> new MessageEntityBold(offset, length);
            case "italic" -> new MessageEntityItalic(offset, length);
            case "underline" -> new MessageEntityUnderline(offset, length);
            case "strike" -> new MessageEntityStrike(offset, length);
            case "spoiler" -> new MessageEntitySpoiler(offset, length);
            case "code" -> new MessageEntityCode(offset, length);
            case "pre" -> new MessageEntityPre(offset, length, argument);
            case "url" -> new MessageEntityTextUrl(offset, length, argument);
            case "mention" -> new MessageEntityMentionName(offset, length, Long.parseLong(argument));
            case "emoji" -> new MessageEntityCustomEmoji(offset, length, Long.parseLong(argument));
            case "date" -> date(offset, length, argument);
            case "quote" -> new MessageEntityBlockquote(false, offset, length);
            case "quote-expandable" -> new MessageEntityBlockquote(true, offset, length);
            default -> throw new IllegalArgumentException("vectors.txt line " + line + ": unknown entity " + parts[0]);
        };
    }

    /** {@code date offset length unix [format]}, the format as the Bot API writes it. */
    private static MessageEntity date(int offset, int length, String argument) {
        String[] parts = argument.split(" ");
        String format = parts.length > 1 ? parts[1] : "";
        return new MessageEntityFormattedDate(format.equals("r"), format.contains("t"), format.contains("T"),
                format.contains("d"), format.contains("D"), format.contains("w"), offset, length,
                Integer.parseInt(parts[0]));
    }

    /** {@code «nl»} is a line break, {@code «tab»} a tab, {@code «U+XXXX»} any code point. */
    static String unescape(String value, int line) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int open = value.indexOf('«', i);
            if (open < 0) {
                out.append(value, i, value.length());
                break;
            }
            int close = value.indexOf('»', open);
            if (close < 0) {
                throw new IllegalArgumentException("vectors.txt line " + line + ": « without »");
            }
            out.append(value, i, open);
            String name = value.substring(open + 1, close);
            if (name.equals("nl")) {
                out.append('\n');
            } else if (name.equals("tab")) {
                out.append('\t');
            } else if (name.startsWith("U+")) {
                out.appendCodePoint(Integer.parseInt(name.substring(2), 16));
            } else {
                throw new IllegalArgumentException("vectors.txt line " + line + ": unknown «" + name + "»");
            }
            i = close + 1;
        }
        return out.toString();
    }

    private static final class Builder {
        private final String name;
        private final int line;
        private final List<MessageEntity> entities = new ArrayList<>();
        private String markdown;
        private String html;
        private String text;
        private Failure markdownError;
        private Failure htmlError;

        Builder(String name, int line) {
            this.name = name;
            this.line = line;
        }

        Case build() {
            if (text == null && markdownError == null && htmlError == null) {
                throw new IllegalArgumentException("vectors.txt line " + line + ": case without text or error");
            }
            return new Case(name, line, markdown, html, text, List.copyOf(entities), markdownError, htmlError);
        }
    }
}
