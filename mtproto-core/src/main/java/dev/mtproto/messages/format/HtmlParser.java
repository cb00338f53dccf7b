package dev.mtproto.messages.format;

import dev.mtproto.messages.format.FormattingException.Problem;
import dev.mtproto.tl.api.MessageEntity;
import dev.mtproto.tl.api.MessageEntityBlockquote;
import dev.mtproto.tl.api.MessageEntityCustomEmoji;
import dev.mtproto.tl.api.MessageEntityPre;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One pass over the Bot API's HTML subset, without recursion; see {@link Html} for the rules. Open tags
 * live on a list, so hostile nesting costs memory in proportion to the input, never stack.
 */
final class HtmlParser {
    static final String SYNTAX = "HTML";
    private static final int MAX_NAME = 32;

    private record Open(String tag, EntityKind kind, int start, int at, MessageEntity prototype) {
    }

    private final String src;
    private final StringBuilder out = new StringBuilder();
    private final List<Span> spans = new ArrayList<>();
    private final List<Open> stack = new ArrayList<>();
    private final List<Open> fixedOpen = new ArrayList<>();
    private Open literal;
    private Open preCode;
    private boolean preCodeDone;
    private String preLanguage = "";
    private int i;

    private HtmlParser(String src) {
        this.src = src;
    }

    static FormattedText parse(String html) {
        return new HtmlParser(html).run();
    }

    private FormattedText run() {
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '<') {
                tag();
                continue;
            }
            checkNothingAfterPreCode();
            if (c == '&') {
                reference(out);
            } else {
                out.append(c);
                i++;
            }
        }
        if (!stack.isEmpty()) {
            Open first = stack.get(0);
            throw error(first.at(), Problem.UNCLOSED_ENTITY, "<" + first.tag() + "> is never closed");
        }
        return EntityNormalizer.normalize(out.toString(), spans);
    }

    private void tag() {
        int at = i++;
        boolean closing = i < src.length() && src.charAt(i) == '/';
        if (closing) {
            i++;
        }
        String name = name();
        if (name.isEmpty()) {
            throw error(at, Problem.BAD_TAG, "'<' that does not start a tag must be written &lt;");
        }
        Map<String, String> attributes = new HashMap<>();
        while (true) {
            skipSpaces();
            if (i >= src.length()) {
                throw error(at, Problem.BAD_TAG, "the tag <" + name + " never ends with '>'");
            }
            char c = src.charAt(i);
            if (c == '>') {
                i++;
                break;
            }
            String attribute = name();
            if (closing || attribute.isEmpty()) {
                throw error(i, Problem.BAD_TAG, "unexpected '" + c + "' in the tag <" + (closing ? "/" : "") + name
                        + ">");
            }
            skipSpaces();
            String value = "";
            if (i < src.length() && src.charAt(i) == '=') {
                i++;
                skipSpaces();
                value = value(at, name);
            }
            attributes.putIfAbsent(attribute, value);
        }
        if (closing) {
            closeTag(name, at);
        } else {
            openTag(name, attributes, at);
        }
    }

    private void openTag(String name, Map<String, String> attributes, int at) {
        if (literal != null) {
            if (literal.kind() == EntityKind.PRE && name.equals("code") && preCode == null
                    && out.length() == literal.start()) {
                String css = attributes.getOrDefault("class", "");
                preLanguage = css.startsWith("language-") ? css.substring("language-".length()) : "";
                preCode = new Open(name, EntityKind.CODE, out.length(), at, null);
                stack.add(preCode);
                return;
            }
            throw error(at, Problem.FORBIDDEN_NESTING, "no tag can be inside <" + literal.tag() + ">, found <"
                    + name + ">");
        }
        checkNothingAfterPreCode();
        MessageEntity prototype = null;
        EntityKind kind = switch (name) {
            case "b", "strong" -> EntityKind.BOLD;
            case "i", "em" -> EntityKind.ITALIC;
            case "u", "ins" -> EntityKind.UNDERLINE;
            case "s", "strike", "del" -> EntityKind.STRIKE;
            case "tg-spoiler" -> EntityKind.SPOILER;
            case "span" -> {
                if (!"tg-spoiler".equals(attributes.get("class"))) {
                    throw error(at, Problem.BAD_TAG, "<span> is only supported as <span class=\"tg-spoiler\">");
                }
                yield EntityKind.SPOILER;
            }
            case "code" -> EntityKind.CODE;
            case "pre" -> EntityKind.PRE;
            case "blockquote" -> {
                prototype = new MessageEntityBlockquote(attributes.containsKey("expandable"), 0, 0);
                yield EntityKind.BLOCKQUOTE;
            }
            case "a" -> {
                prototype = target(at, attributes.get("href"), "<a> needs an href attribute", false);
                yield EntityKind.of(prototype);
            }
            case "tg-time" -> {
                try {
                    prototype = DateTimes.entity(attributes.get("unix"), attributes.get("format"));
                } catch (IllegalArgumentException bad) {
                    throw error(at, Problem.BAD_TAG, bad.getMessage());
                }
                yield EntityKind.FORMATTED_DATE;
            }
            case "tg-emoji" -> {
                prototype = target(at, attributes.get("emoji-id"), "<tg-emoji> needs an emoji-id attribute", true);
                yield EntityKind.CUSTOM_EMOJI;
            }
            default -> throw error(at, Problem.UNKNOWN_TAG, "unsupported tag <" + name + ">");
        };
        if (!kind.splittable()) {
            for (Open outer : fixedOpen) {
                String why = NestingRules.forbidden(outer.kind(), kind);
                if (why != null) {
                    throw error(at, Problem.FORBIDDEN_NESTING, why);
                }
            }
        }
        Open open = new Open(name, kind, out.length(), at, prototype);
        stack.add(open);
        if (!kind.splittable()) {
            fixedOpen.add(open);
        }
        if (kind.literal()) {
            literal = open;
        }
    }

    private MessageEntity target(int at, String value, String missing, boolean emoji) {
        if (value == null) {
            throw error(at, Problem.BAD_TAG, missing);
        }
        try {
            return emoji ? new MessageEntityCustomEmoji(0, 0, LinkTargets.positiveId(value, "custom emoji"))
                    : LinkTargets.link(value);
        } catch (IllegalArgumentException bad) {
            throw error(at, Problem.BAD_URL, bad.getMessage());
        }
    }

    private void closeTag(String name, int at) {
        if (stack.isEmpty()) {
            throw error(at, Problem.BAD_TAG, "</" + name + "> closes nothing");
        }
        Open top = stack.get(stack.size() - 1);
        if (!top.tag().equals(name)) {
            throw error(at, Problem.MISMATCHED_CLOSE, "</" + name + "> closes <" + top.tag() + "> opened at index "
                    + top.at());
        }
        stack.remove(stack.size() - 1);
        if (top == preCode) {
            preCodeDone = true;
            return;
        }
        if (!top.kind().splittable()) {
            fixedOpen.remove(fixedOpen.size() - 1);
        }
        MessageEntity prototype = top.prototype();
        if (top.kind().literal()) {
            literal = null;
            if (top.kind() == EntityKind.PRE) {
                prototype = new MessageEntityPre(0, 0, preLanguage);
                preCode = null;
                preCodeDone = false;
                preLanguage = "";
            }
        }
        if (out.length() > top.start()) {
            spans.add(new Span(top.kind(), top.start(), out.length(), prototype));
        }
    }

    private void checkNothingAfterPreCode() {
        if (preCodeDone) {
            throw error(i, Problem.FORBIDDEN_NESTING, "only </pre> may follow the </code> inside a <pre>");
        }
    }

    private String name() {
        int from = i;
        while (i < src.length() && i - from < MAX_NAME) {
            char c = src.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                break;
            }
            i++;
        }
        return src.substring(from, i).toLowerCase(Locale.ROOT);
    }

    private void skipSpaces() {
        while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
            i++;
        }
    }

    private String value(int tagAt, String tag) {
        StringBuilder value = new StringBuilder();
        char quote = i < src.length() ? src.charAt(i) : 0;
        if (quote == '"' || quote == '\'') {
            i++;
            while (i < src.length() && src.charAt(i) != quote) {
                if (src.charAt(i) == '&') {
                    reference(value);
                } else {
                    value.append(src.charAt(i++));
                }
            }
            if (i >= src.length()) {
                throw error(tagAt, Problem.BAD_TAG, "an attribute value of <" + tag + "> is never closed with "
                        + quote);
            }
            i++;
        } else {
            while (i < src.length() && src.charAt(i) != '>' && !Character.isWhitespace(src.charAt(i))) {
                if (src.charAt(i) == '&') {
                    reference(value);
                } else {
                    value.append(src.charAt(i++));
                }
            }
        }
        return value.toString();
    }

    private void reference(StringBuilder target) {
        for (String[] named : new String[][] {{"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}, {"&quot;", "\""}}) {
            if (src.startsWith(named[0], i)) {
                target.append(named[1]);
                i += named[0].length();
                return;
            }
        }
        int at = i;
        if (src.startsWith("&#", i)) {
            target.appendCodePoint(numericReference(at));
            return;
        }
        int end = i + 1;
        while (end < src.length() && end - i <= MAX_NAME && Character.isLetterOrDigit(src.charAt(end))) {
            end++;
        }
        if (end > i + 1 && end < src.length() && src.charAt(end) == ';') {
            throw error(at, Problem.BAD_CHARACTER_REFERENCE, "unsupported character reference "
                    + src.substring(i, end + 1) + ": only &lt; &gt; &amp; &quot; and numeric ones are");
        }
        target.append('&');
        i++;
    }

    private int numericReference(int at) {
        int k = i + 2;
        boolean hex = k < src.length() && (src.charAt(k) == 'x' || src.charAt(k) == 'X');
        if (hex) {
            k++;
        }
        int digitsFrom = k;
        long value = 0;
        while (k < src.length() && k - digitsFrom < 8 && Character.digit(src.charAt(k), hex ? 16 : 10) >= 0) {
            value = value * (hex ? 16 : 10) + Character.digit(src.charAt(k), hex ? 16 : 10);
            k++;
        }
        if (k == digitsFrom || k >= src.length() || src.charAt(k) != ';') {
            throw error(at, Problem.BAD_CHARACTER_REFERENCE, "a numeric character reference must be &#digits; or"
                    + " &#xhex;");
        }
        if (value < 1 || value > Character.MAX_CODE_POINT || value >= 0xD800 && value <= 0xDFFF) {
            throw error(at, Problem.BAD_CHARACTER_REFERENCE, src.substring(at, k + 1) + " is not a character");
        }
        i = k + 1;
        return (int) value;
    }

    private FormattingException error(int at, Problem problem, String detail) {
        return FormattingException.at(SYNTAX, src, at, problem, detail);
    }
}
