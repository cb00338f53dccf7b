package dev.mtproto.messages.format;

import dev.mtproto.tl.api.MessageEntity;
import java.util.Comparator;

/**
 * An entity as a half-open range {@code [start, end)} of UTF-16 indices, with its kind and the TL entity
 * that carries its other fields.
 *
 * @param kind what the entity is
 * @param start first index
 * @param end index after the last one
 * @param prototype TL entity of this kind (its own offset and length are ignored)
 */
record Span(EntityKind kind, int start, int end, MessageEntity prototype) {

    /** Telegram's order: by offset, then outer before inner (longer first), then {@link EntityKind} order. */
    static final Comparator<Span> CANONICAL = Comparator.comparingInt(Span::start)
            .thenComparing(Comparator.comparingInt(Span::end).reversed())
            .thenComparing(Span::kind);

    static Span of(MessageEntity entity, EntityKind kind) {
        return new Span(kind, entity.offset(), entity.offset() + entity.length(), entity);
    }

    Span withRange(int newStart, int newEnd) {
        return new Span(kind, newStart, newEnd, prototype);
    }

    boolean contains(Span other) {
        return start <= other.start && other.end <= end;
    }

    MessageEntity toEntity() {
        return kind.create(start, end - start, prototype);
    }
}
