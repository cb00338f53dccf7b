package dev.mtproto.messages.format;

import dev.mtproto.tl.api.MessageEntity;
import dev.mtproto.tl.api.MessageEntityBlockquote;
import dev.mtproto.tl.api.MessageEntityCustomEmoji;
import dev.mtproto.tl.api.MessageEntityFormattedDate;
import dev.mtproto.tl.api.MessageEntityPre;
import java.util.ArrayList;
import java.util.List;

/** Writes normalized entities as the Bot API's HTML, which {@link HtmlParser} reads back to the same value. */
final class HtmlRenderer implements SpanWalker.Sink {
    private final String text;
    private final StringBuilder out = new StringBuilder();

    private HtmlRenderer(String text) {
        this.text = text;
    }

    static String render(FormattedText value) {
        FormattedText normalized = value.normalized();
        List<Span> spans = new ArrayList<>();
        for (MessageEntity entity : normalized.entities()) {
            Span span = Span.of(entity, EntityKind.of(entity));
            if (span.kind() == EntityKind.TEXT_URL) {
                LinkTargets.checkTextUrl(span);
            }
            spans.add(span);
        }
        HtmlRenderer renderer = new HtmlRenderer(normalized.text());
        SpanWalker.walk(normalized.text().length(), spans, renderer);
        return renderer.out.toString();
    }

    @Override
    public void text(int from, int to) {
        escape(text, from, to, false);
    }

    @Override
    public void open(Span span) {
        switch (span.kind()) {
            case BLOCKQUOTE -> out.append(((MessageEntityBlockquote) span.prototype()).collapsed()
                    ? "<blockquote expandable>" : "<blockquote>");
            case BOLD -> out.append("<b>");
            case ITALIC -> out.append("<i>");
            case UNDERLINE -> out.append("<u>");
            case STRIKE -> out.append("<s>");
            case SPOILER -> out.append("<tg-spoiler>");
            case TEXT_URL, MENTION_NAME, INPUT_MENTION_NAME -> attributeTag("<a href=\"", LinkTargets.urlOf(span));
            case CUSTOM_EMOJI -> attributeTag("<tg-emoji emoji-id=\"",
                    Long.toString(((MessageEntityCustomEmoji) span.prototype()).documentId()));
            case FORMATTED_DATE -> {
                MessageEntityFormattedDate date = (MessageEntityFormattedDate) span.prototype();
                String format = DateTimes.format(date);
                out.append("<tg-time unix=\"").append(date.date()).append(format.isEmpty() ? "\">"
                        : "\" format=\"" + format + "\">");
            }
            case CODE -> out.append("<code>");
            case PRE -> {
                String language = ((MessageEntityPre) span.prototype()).language();
                out.append("<pre>");
                if (!language.isEmpty()) {
                    attributeTag("<code class=\"language-", language);
                }
            }
        }
    }

    @Override
    public void close(Span span) {
        out.append(switch (span.kind()) {
            case BLOCKQUOTE -> "</blockquote>";
            case BOLD -> "</b>";
            case ITALIC -> "</i>";
            case UNDERLINE -> "</u>";
            case STRIKE -> "</s>";
            case SPOILER -> "</tg-spoiler>";
            case TEXT_URL, MENTION_NAME, INPUT_MENTION_NAME -> "</a>";
            case CUSTOM_EMOJI -> "</tg-emoji>";
            case FORMATTED_DATE -> "</tg-time>";
            case CODE -> "</code>";
            case PRE -> ((MessageEntityPre) span.prototype()).language().isEmpty() ? "</pre>" : "</code></pre>";
        });
    }

    private void attributeTag(String opening, String value) {
        out.append(opening);
        escape(value, 0, value.length(), true);
        out.append("\">");
    }

    private void escape(String source, int from, int to, boolean attribute) {
        for (int k = from; k < to; k++) {
            char c = source.charAt(k);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
    }
}
