package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.testkit.world.chats.ChannelAccess;
import dev.mtproto.tl.api.messages.EditMessage;
import dev.mtproto.tl.api.messages.ForwardMessages;
import dev.mtproto.tl.api.messages.SetTyping;
import dev.mtproto.tl.api.messages.UpdatePinnedMessage;

/**
 * The world's functions that change sent messages, answered by {@link MessageChanges}:
 * {@code messages.editMessage}, {@code messages.deleteMessages}, {@code channels.deleteMessages},
 * {@code messages.forwardMessages}, {@code messages.updatePinnedMessage}, {@code messages.sendReaction},
 * {@code messages.readHistory}, {@code channels.readHistory}, {@code messages.setTyping}.
 */
public final class MessageChangeMethods {
    private final InputPeers peers;
    private final ChannelAccess channels;
    private final MessageChanges changes;

    /**
     * @param peers reads the peers named
     * @param channels reads the channels named
     * @param changes makes the changes
     */
    public MessageChangeMethods(InputPeers peers, ChannelAccess channels, MessageChanges changes) {
        this.peers = peers;
        this.channels = channels;
        this.changes = changes;
    }

    /** @param handlers where the world's functions go */
    public void register(WorldHandlers handlers) {
        handlers.on(EditMessage.class, (m, c) -> changes.edit(c.account(), to(c, m.peer()), m.id(), m.message(), m.entities(),
                        m.replyMarkup(), c.permKeyId(), now(c)))
                .on(dev.mtproto.tl.api.messages.DeleteMessages.class, (m, c) -> changes.delete(c.account(), m.id(), m.revoke(), c.permKeyId(),
                        now(c)))
                .on(dev.mtproto.tl.api.channels.DeleteMessages.class, (m, c) -> changes.deleteInChannel(c.account(),
                        channels.channel(c.account(), m.channel(), c.call().method().tlName()), m.id(), c.permKeyId(), now(c)))
                .on(ForwardMessages.class, (m, c) -> changes.forward(c.account(), to(c, m.fromPeer()), m.id(), m.randomId(), to(c, m.toPeer()),
                        m.dropAuthor(), m.silent(), c.permKeyId(), now(c)))
                .on(UpdatePinnedMessage.class, (m, c) -> changes.pin(c.account(), to(c, m.peer()), m.id(), m.unpin(), m.pmOneside(),
                        c.permKeyId(), now(c)))
                .on(dev.mtproto.tl.api.messages.SendReaction.class, (m, c) -> changes.react(c.account(), to(c, m.peer()), m.msgId(),
                        m.reaction(), c.permKeyId(), now(c)))
                .on(dev.mtproto.tl.api.messages.ReadHistory.class, (m, c) -> changes.read(c.account(), to(c, m.peer()), m.maxId(), c.permKeyId(),
                        now(c)))
                .on(dev.mtproto.tl.api.channels.ReadHistory.class, (m, c) -> {
                    changes.read(c.account(), new Destination.ToChat(channels.channel(c.account(), m.channel(), c.call().method().tlName())),
                            m.maxId(), c.permKeyId(), now(c));
                    return Boolean.TRUE;
                })
                .on(SetTyping.class, (m, c) -> {
                    changes.typing(c.account(), to(c, m.peer()), m.action(), now(c));
                    return Boolean.TRUE;
                });
    }

    private Destination to(Caller c, dev.mtproto.tl.api.InputPeer peer) {
        return peers.resolve(c.account(), peer, c.call().method().tlName());
    }

    private static int now(Caller c) {
        return (int) c.nowSeconds();
    }
}
