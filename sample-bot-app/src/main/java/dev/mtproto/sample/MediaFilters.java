package dev.mtproto.sample;

import dev.mtproto.spring.client.TelegramAccount;
import dev.mtproto.spring.handler.UpdateFilter;
import dev.mtproto.telegram.TelegramUpdate;
import dev.mtproto.tl.api.MessageMediaDocument;

/** The sample's {@link UpdateFilter}s on what a new message carries. */
final class MediaFilters {
    private MediaFilters() {
    }

    /** Passes a new message that carries a document. */
    static final class Document implements UpdateFilter {
        @Override
        public boolean test(TelegramUpdate update, TelegramAccount account) {
            return update instanceof TelegramUpdate.NewMessage m && m.message().raw().media() instanceof MessageMediaDocument;
        }
    }

    /** Passes a new message that carries no media at all: plain text. */
    static final class None implements UpdateFilter {
        @Override
        public boolean test(TelegramUpdate update, TelegramAccount account) {
            return update instanceof TelegramUpdate.NewMessage m && m.message().raw().media() == null;
        }
    }
}
