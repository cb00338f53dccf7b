package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.tl.api.messages.SendMessage;

/**
 * {@code messages.sendMessage} (https://core.telegram.org/method/messages.sendMessage): a text message to a
 * user, a basic group, a supergroup or a channel, with its reply markup, sent by {@link MessageSender}. Media,
 * replies, entities, scheduling and {@code send_as} are not modelled (they are taken and left out).
 */
public final class SendMessageMethod {
    private final InputPeers peers;
    private final MessageSender sender;

    /**
     * @param peers reads the peer named
     * @param sender sends the message
     */
    public SendMessageMethod(InputPeers peers, MessageSender sender) {
        this.peers = peers;
        this.sender = sender;
    }

    /** @param handlers where the world's functions go */
    public void register(WorldHandlers handlers) {
        handlers.on(SendMessage.class, this::sendMessage);
    }

    private Object sendMessage(SendMessage m, Caller c) {
        String method = c.call().method().tlName();
        Destination to = peers.resolve(c.account(), m.peer(), method);
        return sender.send(c.account(), to, new Draft(m.message(), m.replyMarkup()), m.randomId(), c.permKeyId(), (int) c.nowSeconds(), method);
    }
}
