package dev.mtproto.messages.format;

import dev.mtproto.tl.api.MessageEntity;
import dev.mtproto.tl.api.MessageEntityBlockquote;
import dev.mtproto.tl.api.MessageEntityBold;
import dev.mtproto.tl.api.MessageEntityCode;
import dev.mtproto.tl.api.MessageEntityCustomEmoji;
import dev.mtproto.tl.api.MessageEntityFormattedDate;
import dev.mtproto.tl.api.MessageEntityHashtag;
import dev.mtproto.tl.api.MessageEntityItalic;
import dev.mtproto.tl.api.MessageEntityMentionName;
import dev.mtproto.tl.api.MessageEntityPre;
import dev.mtproto.tl.api.MessageEntitySpoiler;
import dev.mtproto.tl.api.MessageEntityStrike;
import dev.mtproto.tl.api.MessageEntityTextUrl;
import dev.mtproto.tl.api.MessageEntityUnderline;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random valid {@link FormattedText} values from a seed: lines of tricky characters (markup characters of
 * both syntaxes, astral emoji, ZWJ, combining marks), blockquotes over whole lines, links, mentions, custom
 * emoji, date-times, code and pre that nest only where Telegram allows, and splittable entities anywhere, overlapping
 * each other and everything else.
 */
final class RandomFormattedText {
    private static final String[] ATOMS = {
        "a", "b", "Z", " ", "_", "*", "~", "|", "||", "`", "```", "\\", "[", "]", "(", ")", ">", "<", "&", "&amp;",
        "#", "+", "-", "=", "{", "}", ".", "!", "\"", "'", "😀", "👍🏽", "\u200D", "e\u0301", "🇺🇦", "漢", "\t"
    };
    private static final String[] LANGUAGES = {"", "python", "c++", "a b", "x`y\\z", "\"q\"", "<tag>"};
    private static final String[] FORMATS = {"", "r", "w", "d", "D", "t", "T", "wd", "wDT", "Dt", "dT"};
    private static final String[] URLS = {
        "https://t.me", "https://example.com/a_(b)\\c", "http://x.y/?a=1&b=\"2\"", "tg://resolve?domain=x", "t.me/x>y"
    };

    private final Random random;
    private final List<Integer> boundaries = new ArrayList<>();
    private final List<int[]> lines = new ArrayList<>();
    private final List<int[]> fixed = new ArrayList<>();
    private final List<MessageEntity> entities = new ArrayList<>();

    private RandomFormattedText(long seed) {
        this.random = new Random(seed);
    }

    static FormattedText of(long seed) {
        return new RandomFormattedText(seed).build();
    }

    private FormattedText build() {
        String text = text();
        quotes();
        for (int k = random.nextInt(5); k > 0; k--) {
            inline();
        }
        for (int k = random.nextInt(7); k > 0; k--) {
            int[] range = range();
            entities.add(switch (random.nextInt(6)) {
                case 0 -> new MessageEntityBold(range[0], range[1] - range[0]);
                case 1 -> new MessageEntityItalic(range[0], range[1] - range[0]);
                case 2 -> new MessageEntityUnderline(range[0], range[1] - range[0]);
                case 3 -> new MessageEntityStrike(range[0], range[1] - range[0]);
                case 4 -> new MessageEntitySpoiler(range[0], range[1] - range[0]);
                default -> new MessageEntityHashtag(range[0], range[1] - range[0]);
            });
        }
        return new FormattedText(text, entities).normalized();
    }

    private String text() {
        StringBuilder text = new StringBuilder();
        int lineCount = 1 + random.nextInt(4);
        for (int line = 0; line < lineCount; line++) {
            if (line > 0) {
                text.append('\n');
            }
            int start = text.length();
            boundaries.add(start);
            for (int k = random.nextInt(7); k > 0; k--) {
                text.append(ATOMS[random.nextInt(ATOMS.length)]);
                boundaries.add(text.length());
            }
            lines.add(new int[] {start, text.length()});
        }
        return text.toString();
    }

    private void quotes() {
        int line = 0;
        while (line < lines.size()) {
            if (random.nextInt(3) == 0) {
                int last = Math.min(lines.size() - 1, line + random.nextInt(2));
                int[] range = {lines.get(line)[0], lines.get(last)[1]};
                if (range[1] > range[0]) {
                    entities.add(new MessageEntityBlockquote(random.nextBoolean(), range[0], range[1] - range[0]));
                    fixed.add(new int[] {range[0], range[1], 1});
                }
                line = last + 1;
            } else {
                line++;
            }
        }
    }

    private void inline() {
        int[] range = range();
        for (int[] other : fixed) {
            boolean disjoint = range[1] <= other[0] || other[1] <= range[0];
            boolean insideQuote = other[2] == 1 && other[0] <= range[0] && range[1] <= other[1];
            if (!disjoint && !insideQuote) {
                return;
            }
        }
        fixed.add(new int[] {range[0], range[1], 0});
        int length = range[1] - range[0];
        entities.add(switch (random.nextInt(6)) {
            case 5 -> date(range[0], length);
            case 0 -> new MessageEntityTextUrl(range[0], length, URLS[random.nextInt(URLS.length)]);
            case 1 -> new MessageEntityMentionName(range[0], length, 1 + random.nextInt(Integer.MAX_VALUE));
            case 2 -> new MessageEntityCustomEmoji(range[0], length, 1 + (random.nextLong() >>> 1));
            case 3 -> new MessageEntityCode(range[0], length);
            default -> new MessageEntityPre(range[0], length, LANGUAGES[random.nextInt(LANGUAGES.length)]);
        });
    }

    private MessageEntity date(int offset, int length) {
        String format = FORMATS[random.nextInt(FORMATS.length)];
        return new MessageEntityFormattedDate(format.equals("r"), format.contains("t"), format.contains("T"),
                format.contains("d"), format.contains("D"), format.contains("w"), offset, length,
                random.nextInt(Integer.MAX_VALUE));
    }

    private int[] range() {
        int a = boundaries.get(random.nextInt(boundaries.size()));
        int b = boundaries.get(random.nextInt(boundaries.size()));
        return new int[] {Math.min(a, b), Math.max(a, b)};
    }
}
