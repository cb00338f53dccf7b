package dev.mtproto.messages.format;

import dev.mtproto.tl.api.MessageEntity;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Brings entities into the one canonical form that both parsers produce and both renderers accept, so that
 * {@code parse(render(x)).equals(x.normalized())}. The steps:
 *
 * <ol>
 *   <li>entities markup cannot express are left out (see {@link EntityKind#of}), empty ones too;</li>
 *   <li>entities of each splittable kind (bold, italic, underline, strikethrough, spoiler) are merged into
 *       maximal runs: overlapping or touching bold ranges become one;</li>
 *   <li>the other entities must nest or be disjoint and follow {@link NestingRules}, else
 *       {@link IllegalArgumentException};</li>
 *   <li>each splittable run is cut where a non-splittable entity starts or ends strictly inside it, unless
 *       that entity lies wholly inside the run and is not a blockquote; parts that then lie strictly
 *       inside a code or pre are left out;</li>
 *   <li>everything is sorted by offset, then longer first, then by {@link EntityKind} order.</li>
 * </ol>
 */
final class EntityNormalizer {
    private EntityNormalizer() {
    }

    /** Normalizes the spans a parser found in {@code text}. */
    static FormattedText normalize(String text, List<Span> spans) {
        List<MessageEntity> entities = new ArrayList<>(spans.size());
        for (Span span : spans) {
            entities.add(span.toEntity());
        }
        return normalize(new FormattedText(text, entities));
    }

    static FormattedText normalize(FormattedText input) {
        String text = input.text();
        Map<EntityKind, List<Span>> splittable = new EnumMap<>(EntityKind.class);
        List<Span> fixed = new ArrayList<>();
        for (MessageEntity entity : input.entities()) {
            EntityKind kind = EntityKind.of(entity);
            if (kind == null || entity.length() == 0) {
                continue;
            }
            checkRange(text, entity);
            Span span = Span.of(entity, kind);
            if (kind.splittable()) {
                splittable.computeIfAbsent(kind, k -> new ArrayList<>()).add(span);
            } else {
                fixed.add(span);
            }
        }
        fixed.sort(Span.CANONICAL);
        checkNesting(fixed);
        List<Span> out = new ArrayList<>(fixed);
        Cuts cuts = new Cuts(fixed);
        for (List<Span> spans : splittable.values()) {
            for (Span run : merge(spans)) {
                cuts.cut(run, out);
            }
        }
        out.sort(Span.CANONICAL);
        List<MessageEntity> entities = new ArrayList<>(out.size());
        for (Span span : out) {
            entities.add(span.toEntity());
        }
        return new FormattedText(text, entities);
    }

    private static void checkRange(String text, MessageEntity entity) {
        int start = entity.offset();
        int length = entity.length();
        if (start < 0 || length < 0 || start > text.length() - length) {
            throw new IllegalArgumentException("entity " + entity + " lies outside the text of "
                    + text.length() + " UTF-16 code units");
        }
        if (splitsPair(text, start) || splitsPair(text, start + length)) {
            throw new IllegalArgumentException("entity " + entity + " starts or ends inside a surrogate pair");
        }
    }

    private static boolean splitsPair(String text, int index) {
        return index > 0 && index < text.length() && Character.isHighSurrogate(text.charAt(index - 1))
                && Character.isLowSurrogate(text.charAt(index));
    }

    private static void checkNesting(List<Span> sorted) {
        Deque<Span> open = new ArrayDeque<>();
        for (Span span : sorted) {
            while (!open.isEmpty() && open.peek().end() <= span.start()) {
                open.pop();
            }
            for (Span outer : open) {
                if (outer.end() < span.end()) {
                    throw new IllegalArgumentException("entities " + outer.toEntity() + " and " + span.toEntity()
                            + " overlap without one containing the other");
                }
                String why = NestingRules.forbidden(outer.kind(), span.kind());
                if (why != null) {
                    throw new IllegalArgumentException(why + ": " + outer.toEntity() + " contains "
                            + span.toEntity());
                }
            }
            open.push(span);
        }
    }

    private static List<Span> merge(List<Span> spans) {
        spans.sort(Comparator.comparingInt(Span::start));
        List<Span> runs = new ArrayList<>();
        Span current = null;
        for (Span span : spans) {
            if (current != null && span.start() <= current.end()) {
                current = current.withRange(current.start(), Math.max(current.end(), span.end()));
            } else {
                if (current != null) {
                    runs.add(current);
                }
                current = span;
            }
        }
        if (current != null) {
            runs.add(current);
        }
        return runs;
    }

    /** The edges of the non-splittable entities, and the code and pre ranges, searchable by index. */
    private static final class Cuts {
        private final int[] points;
        private final Span[] owners;
        private final List<Span> literals = new ArrayList<>();

        Cuts(List<Span> fixed) {
            Integer[] order = new Integer[fixed.size() * 2];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingInt(i -> edge(fixed, i)));
            points = new int[order.length];
            owners = new Span[order.length];
            for (int i = 0; i < order.length; i++) {
                points[i] = edge(fixed, order[i]);
                owners[i] = fixed.get(order[i] / 2);
            }
            for (Span span : fixed) {
                if (span.kind().literal()) {
                    literals.add(span);
                }
            }
        }

        private static int edge(List<Span> fixed, int i) {
            Span span = fixed.get(i / 2);
            return i % 2 == 0 ? span.start() : span.end();
        }

        void cut(Span run, List<Span> out) {
            int at = firstAfter(run.start());
            int pieceStart = run.start();
            for (; at < points.length && points[at] < run.end(); at++) {
                Span owner = owners[at];
                boolean keepsWhole = run.contains(owner) && owner.kind() != EntityKind.BLOCKQUOTE;
                if (!keepsWhole && points[at] > pieceStart) {
                    add(run.withRange(pieceStart, points[at]), out);
                    pieceStart = points[at];
                }
            }
            add(run.withRange(pieceStart, run.end()), out);
        }

        private int firstAfter(int index) {
            int low = 0;
            int high = points.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (points[mid] <= index) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }

        private void add(Span piece, List<Span> out) {
            int low = 0;
            int high = literals.size() - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                Span literal = literals.get(mid);
                if (literal.end() <= piece.start()) {
                    low = mid + 1;
                } else if (literal.start() >= piece.end()) {
                    high = mid - 1;
                } else {
                    if (literal.contains(piece) && !piece.contains(literal)) {
                        return;
                    }
                    break;
                }
            }
            out.add(piece);
        }
    }
}
