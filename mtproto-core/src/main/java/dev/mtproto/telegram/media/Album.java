package dev.mtproto.telegram.media;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Photos, videos or documents sent together as one album (https://core.telegram.org/api/files#albums-grouped-media),
 * each with its own caption; immutable. Telegram groups 2 to 10 items, photos with videos, documents with
 * documents and songs with songs.
 *
 * <pre>{@code
 * Album album = Album.builder().add(MediaMessage.photo(a).caption("left").build())
 *         .add(MediaMessage.photo(b).caption("right").build()).silent().build();
 * List<SentMessage> sent = client.media().sendAlbum(chat, album).join();
 * }</pre>
 *
 * @param items the media, in order; each item's caption is its own, its reply, silence, schedule and keyboard
 *     are ignored (the album's count)
 * @param replyTo the message the album answers
 * @param silent whether it is sent without a notification sound
 * @param schedule when it is sent, for a scheduled album
 */
public record Album(List<MediaMessage> items, OptionalInt replyTo, boolean silent, Optional<Instant> schedule) {
    /** Telegram's smallest album. */
    public static final int MIN_ITEMS = 2;
    /** Telegram's largest album. */
    public static final int MAX_ITEMS = 10;

    /** @throws IllegalArgumentException if there are fewer than 2 or more than 10 items, or kinds Telegram does not group */
    public Album {
        items = List.copyOf(items);
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(schedule, "schedule");
        if (items.size() < MIN_ITEMS || items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("an album has " + MIN_ITEMS + " to " + MAX_ITEMS + " items, this one " + items.size());
        }
        long groups = items.stream().map(Album::group).distinct().count();
        if (groups > 1) {
            throw new IllegalArgumentException("an album groups photos with videos, documents with documents or songs with songs, not "
                    + items.stream().map(Album::group).distinct().toList());
        }
    }

    private static String group(MediaMessage m) {
        if (m.kind() == MediaMessage.Kind.PHOTO || m.video().isPresent()) {
            return "photos and videos";
        }
        return m.audio().isPresent() ? "audio" : "documents";
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Album}; not thread-safe. */
    public static final class Builder {
        private final List<MediaMessage> items = new ArrayList<>();
        private Integer replyTo;
        private boolean silent;
        private Instant schedule;

        private Builder() {
        }

        /** @param item the next photo, video or document @return this builder */
        public Builder add(MediaMessage item) {
            items.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        /** @param messageId the message the album answers @return this builder */
        public Builder replyTo(int messageId) {
            this.replyTo = messageId;
            return this;
        }

        /** @return this builder, for an album sent without a notification sound */
        public Builder silent() {
            this.silent = true;
            return this;
        }

        /** @param when send at this time @return this builder */
        public Builder schedule(Instant when) {
            this.schedule = Objects.requireNonNull(when, "when");
            return this;
        }

        /**
         * @return the album
         * @throws IllegalArgumentException if there are fewer than 2 or more than 10 items, or kinds Telegram does
         *     not group
         */
        public Album build() {
            return new Album(items, replyTo == null ? OptionalInt.empty() : OptionalInt.of(replyTo), silent, Optional.ofNullable(schedule));
        }
    }
}
