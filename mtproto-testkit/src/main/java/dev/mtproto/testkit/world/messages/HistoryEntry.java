package dev.mtproto.testkit.world.messages;

import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageService;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.Peer;

/**
 * A message as one account must receive it, in the world's record of what each account should have got.
 *
 * @param peer the chat, as the account names it ({@code peerUser} of the other side in a private chat)
 * @param message the {@code message} or {@code messageService} as the account sees it (its id is the
 *     account's for private chats and basic groups, the channel's for channels)
 * @param pts the pts of the box it is in after it (the account's common box, or the channel's)
 * @param channelId the channel whose box it is in, 0 for the account's common box
 */
public record HistoryEntry(Peer peer, MessageType message, int pts, long channelId) {
    /** @return the message's id */
    public int id() {
        return message instanceof Message m ? m.id() : ((MessageService) message).id();
    }

    /** @return the text; empty for a service message */
    public String text() {
        return message instanceof Message m ? m.message() : "";
    }

    /** @return whether the account sent it */
    public boolean out() {
        return message instanceof Message m ? m.out() : ((MessageService) message).out();
    }
}
