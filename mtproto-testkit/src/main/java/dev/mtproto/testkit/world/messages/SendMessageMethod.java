package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.tl.api.InputReplyTo;
import dev.mtproto.tl.api.InputReplyToMessage;
import dev.mtproto.tl.api.messages.SendMessage;

/**
 * {@code messages.sendMessage} (https://core.telegram.org/method/messages.sendMessage): a text message to a
 * user, a basic group, a supergroup or a channel, with its entities, reply markup, {@code reply_to}
 * ({@code inputReplyToMessage}: a message of the same chat, which every copy names by its owner's id),
 * {@code silent} and {@code no_webpage}, sent by {@link MessageSender}; with {@code schedule_date} it is held
 * by {@link ScheduledMessages}. Media and {@code send_as} are not modelled (they are taken and left out);
 * a reply to a story or another chat is {@code REPLY_MESSAGE_ID_INVALID}.
 */
public final class SendMessageMethod {
    private final InputPeers peers;
    private final MessageSender sender;
    private final ScheduledMessages scheduled;

    /**
     * @param peers reads the peer named
     * @param sender sends the message
     * @param scheduled holds scheduled messages
     */
    public SendMessageMethod(InputPeers peers, MessageSender sender, ScheduledMessages scheduled) {
        this.peers = peers;
        this.sender = sender;
        this.scheduled = scheduled;
    }

    /** @param handlers where the world's functions go */
    public void register(WorldHandlers handlers) {
        handlers.on(SendMessage.class, this::sendMessage);
    }

    private Object sendMessage(SendMessage m, Caller c) {
        String method = c.call().method().tlName();
        Destination to = peers.resolve(c.account(), m.peer(), method);
        Draft draft = new Draft(m.message(), m.replyMarkup(), m.entities(), replyTo(m.replyTo(), method), m.silent(), m.noWebpage(),
                null, 0);
        int now = (int) c.nowSeconds();
        if (m.scheduleDate() != null && m.scheduleDate() > now) {
            return scheduled.schedule(c.account(), to, draft, m.randomId(), c.permKeyId(), m.scheduleDate(), now, method);
        }
        return sender.send(c.account(), to, draft, m.randomId(), c.permKeyId(), now, method);
    }

    /**
     * @param replyTo a {@code reply_to}, or null
     * @param method the function, for errors
     * @return the message id it names, 0 for none
     */
    public static int replyTo(InputReplyTo replyTo, String method) {
        if (replyTo == null) {
            return 0;
        }
        if (replyTo instanceof InputReplyToMessage r && r.replyToPeerId() == null && r.replyToMsgId() > 0) {
            return r.replyToMsgId();
        }
        throw WorldErrors.of(400, "REPLY_MESSAGE_ID_INVALID", method);
    }
}
