package dev.mtproto.telegram;

import dev.mtproto.tl.api.InputMessagesFilterEmpty;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.messages.GetHistory;
import dev.mtproto.tl.api.messages.Search;
import dev.mtproto.tl.api.messages.SearchGlobal;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The paged message streams of {@link TelegramClient}: a chat's history, a search in one chat, a search
 * across all of them. Each builds its call for the page after the last (see {@link MessagePages}); the chat's
 * input peer is resolved when the stream is first consumed.
 */
final class MessageStreams {
    private MessageStreams() {
    }

    static Stream<MessageView> history(TelegramClient client, ChatActions actions, ChatRef chat) {
        return Pages.stream(client, () -> {
            InputPeer peer = actions.inputPeer(chat).join();
            return new MessagePages(client, at -> new GetHistory(peer, at.offsetId(), 0, 0, MessagePages.PAGE, 0, 0, 0));
        });
    }

    static Stream<MessageView> search(TelegramClient client, ChatActions actions, ChatRef chat, String query, OptionalLong fromUserId) {
        return Pages.stream(client, () -> {
            InputPeer peer = actions.inputPeer(chat).join();
            InputPeer from = fromUserId.isEmpty() ? null
                    : actions.inputPeer(new ChatRef(ChatKind.PRIVATE, fromUserId.getAsLong(), Optional.empty())).join();
            return new MessagePages(client, at -> Search.builder().peer(peer).q(query).fromId(from).filter(InputMessagesFilterEmpty.INSTANCE)
                    .minDate(0).maxDate(0).offsetId(at.offsetId()).addOffset(0).limit(MessagePages.PAGE).maxId(0).minId(0).hash(0L).build());
        });
    }

    static Stream<MessageView> searchGlobal(TelegramClient client, String query) {
        return Pages.stream(client, () -> new MessagePages(client, at -> SearchGlobal.builder().q(query)
                .filter(InputMessagesFilterEmpty.INSTANCE).minDate(0).maxDate(0).offsetRate(at.nextRate()).offsetPeer(at.lastPeer())
                .offsetId(at.offsetId()).limit(MessagePages.PAGE).build()));
    }
}
