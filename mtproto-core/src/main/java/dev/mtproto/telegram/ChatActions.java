package dev.mtproto.telegram;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.peers.PeerResolver;
import dev.mtproto.tl.api.InputChannel;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.InputPeerChannel;
import dev.mtproto.tl.api.ReactionEmoji;
import dev.mtproto.tl.api.SendMessageTypingAction;
import dev.mtproto.tl.api.messages.DeleteMessages;
import dev.mtproto.tl.api.messages.EditMessage;
import dev.mtproto.tl.api.messages.ForwardMessages;
import dev.mtproto.tl.api.messages.ReadHistory;
import dev.mtproto.tl.api.messages.SendReaction;
import dev.mtproto.tl.api.messages.SetTyping;
import dev.mtproto.tl.api.messages.UpdatePinnedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * The calls behind the everyday actions on messages of one chat, each choosing the method Telegram wants for
 * the chat's kind ({@code channels.deleteMessages} and {@code channels.readHistory} for channels and
 * supergroups, the {@code messages.*} ones otherwise).
 */
final class ChatActions {
    private final MtprotoClient client;
    private final PeerResolver peers;
    private final LongSupplier randomIds;

    ChatActions(MtprotoClient client, PeerResolver peers, LongSupplier randomIds) {
        this.client = client;
        this.peers = peers;
        this.randomIds = randomIds;
    }

    CompletableFuture<InputPeer> inputPeer(ChatRef chat) {
        return peers.resolve(chat.peerKind(), chat.id());
    }

    CompletableFuture<Void> edit(ChatRef chat, int id, String text) {
        return inputPeer(chat).thenCompose(p -> client.invoke(EditMessage.builder().peer(p).id(id).message(text).build())).thenApply(u -> null);
    }

    CompletableFuture<Void> delete(ChatRef chat, List<Integer> ids, boolean revoke) {
        if (chat.kind() == ChatKind.SUPERGROUP || chat.kind() == ChatKind.CHANNEL) {
            return inputPeer(chat).thenCompose(p -> {
                InputPeerChannel c = (InputPeerChannel) p;
                return client.invoke(new dev.mtproto.tl.api.channels.DeleteMessages(new InputChannel(c.channelId(), c.accessHash()), ids));
            }).thenApply(r -> null);
        }
        return client.invoke(new DeleteMessages(revoke, ids)).thenApply(r -> null);
    }

    CompletableFuture<Void> forward(ChatRef from, List<Integer> ids, ChatRef to) {
        List<Long> randomIds = new ArrayList<>();
        ids.forEach(i -> randomIds.add(this.randomIds.getAsLong()));
        return inputPeer(from).thenCombine(inputPeer(to), (f, t) -> ForwardMessages.builder().fromPeer(f).id(ids).randomId(randomIds).toPeer(t).build())
                .thenCompose(client::invoke).thenApply(u -> null);
    }

    CompletableFuture<Void> react(ChatRef chat, int id, String emoji) {
        List<ReactionEmoji> reaction = emoji.isEmpty() ? List.of() : List.of(new ReactionEmoji(emoji));
        return inputPeer(chat).thenCompose(p -> client.invoke(SendReaction.builder().peer(p).msgId(id).reaction(reaction).build())).thenApply(u -> null);
    }

    CompletableFuture<Void> pin(ChatRef chat, int id, boolean silent, boolean unpin) {
        return inputPeer(chat).thenCompose(p -> client.invoke(UpdatePinnedMessage.builder().peer(p).id(id).silent(silent).unpin(unpin).build()))
                .thenApply(u -> null);
    }

    CompletableFuture<Void> typing(ChatRef chat) {
        return inputPeer(chat).thenCompose(p -> client.invoke(new SetTyping(p, null, SendMessageTypingAction.INSTANCE))).thenApply(ok -> null);
    }

    CompletableFuture<Void> markRead(ChatRef chat, int maxId) {
        if (chat.kind() == ChatKind.SUPERGROUP || chat.kind() == ChatKind.CHANNEL) {
            return inputPeer(chat).thenCompose(p -> {
                InputPeerChannel c = (InputPeerChannel) p;
                return client.invoke(new dev.mtproto.tl.api.channels.ReadHistory(new InputChannel(c.channelId(), c.accessHash()), maxId));
            }).thenApply(ok -> null);
        }
        return inputPeer(chat).thenCompose(p -> client.invoke(new ReadHistory(p, maxId))).thenApply(r -> null);
    }
}
