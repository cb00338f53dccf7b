package dev.mtproto.messages.format;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Walks normalized entities as properly nested open and close events, the shape both markups need. Where
 * two splittable entities overlap without nesting, the later one is cut at the end of the one it leaves
 * and reopened right after it closes: bold [0,4) and italic [2,6) come out as
 * {@code open bold, open italic, close italic, close bold, open italic, close italic}. The parsers merge
 * the touching pieces again.
 */
final class SpanWalker {

    /** Receives the events in order. */
    interface Sink {
        void text(int from, int to);

        void open(Span span);

        void close(Span span);
    }

    private SpanWalker() {
    }

    static void walk(int textLength, List<Span> normalized, Sink sink) {
        PriorityQueue<Span> pending = new PriorityQueue<>(Math.max(1, normalized.size()), Span.CANONICAL);
        pending.addAll(normalized);
        Deque<Span> open = new ArrayDeque<>();
        int position = 0;
        while (!pending.isEmpty() || !open.isEmpty()) {
            int nextOpen = pending.isEmpty() ? Integer.MAX_VALUE : pending.peek().start();
            int nextClose = open.isEmpty() ? Integer.MAX_VALUE : open.peek().end();
            int next = Math.min(nextOpen, nextClose);
            if (next > position) {
                sink.text(position, next);
                position = next;
            }
            while (!open.isEmpty() && open.peek().end() == position) {
                sink.close(open.pop());
            }
            while (!pending.isEmpty() && pending.peek().start() == position) {
                Span span = pending.poll();
                if (!open.isEmpty() && span.end() > open.peek().end()) {
                    int cut = open.peek().end();
                    pending.add(span.withRange(cut, span.end()));
                    span = span.withRange(span.start(), cut);
                }
                open.push(span);
                sink.open(span);
            }
        }
        if (position < textLength) {
            sink.text(position, textLength);
        }
    }
}
