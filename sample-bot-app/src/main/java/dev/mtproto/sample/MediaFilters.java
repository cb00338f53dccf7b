package dev.mtproto.sample;

import dev.mtproto.spring.client.TelegramAccount;
import dev.mtproto.spring.handler.UpdateFilter;
import dev.mtproto.telegram.TelegramUpdate;
import dev.mtproto.tl.api.MessageMedia;
import dev.mtproto.tl.api.MessageMediaDocument;
import dev.mtproto.tl.api.MessageMediaEmpty;
import dev.mtproto.tl.api.MessageMediaWebPage;

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

    /** Passes a new message that carries no file: plain text, or text with a link preview. */
    static final class NoFile implements UpdateFilter {
        @Override
        public boolean test(TelegramUpdate update, TelegramAccount account) {
            if (!(update instanceof TelegramUpdate.NewMessage m)) {
                return false;
            }
            MessageMedia media = m.message().raw().media();
            return media == null || media instanceof MessageMediaEmpty || media instanceof MessageMediaWebPage;
        }
    }
}
