package dev.mtproto.telegram;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A list Telegram gives a page at a time (history, search, dialogs, participants), read as the iteration
 * reaches each page: the source fetches the next page (blocking the iterating thread; flood waits are waited
 * out by the client's interceptors) and says whether it was the last. The iteration ends after the last page,
 * after an empty one, or once the client is stopped. Not thread-safe.
 *
 * @param <T> the items
 */
final class Pages<T> implements Iterator<T> {

    /**
     * One fetched page.
     *
     * @param items its items, in order
     * @param last whether nothing follows it
     * @param <T> the items
     */
    record Page<T>(List<T> items, boolean last) {
        Page {
            items = List.copyOf(items);
        }
    }

    /** Fetches pages in turn, keeping the offsets between them. @param <T> the items */
    @FunctionalInterface
    interface Source<T> {
        /** @return the next page */
        Page<T> next();
    }

    private final TelegramClient client;
    private final Source<T> source;
    private final ArrayDeque<T> page = new ArrayDeque<>();
    private boolean end;

    private Pages(TelegramClient client, Source<T> source) {
        this.client = client;
        this.source = source;
    }

    /**
     * @param client stops the iteration when it stops
     * @param source made when the stream's consumption starts, so that making the stream sends nothing
     * @param <T> the items
     * @return the items, ordered, fetched lazily
     */
    static <T> Stream<T> stream(TelegramClient client, Supplier<Source<T>> source) {
        int characteristics = Spliterator.ORDERED | Spliterator.NONNULL;
        Supplier<Spliterator<T>> spliterator = () -> Spliterators.spliteratorUnknownSize(new Pages<>(client, source.get()), characteristics);
        return StreamSupport.stream(spliterator, characteristics, false);
    }

    @Override
    public boolean hasNext() {
        while (page.isEmpty() && !end) {
            if (client.stopped()) {
                end = true;
                break;
            }
            Page<T> p = source.next();
            page.addAll(p.items());
            end = p.last() || p.items().isEmpty();
        }
        return !page.isEmpty();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more items");
        }
        return page.poll();
    }
}
