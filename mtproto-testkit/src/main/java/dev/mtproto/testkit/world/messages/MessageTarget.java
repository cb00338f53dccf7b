package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.updates.Mailboxes;
import dev.mtproto.testkit.world.updates.MessageBox;
import dev.mtproto.tl.api.Peer;
import dev.mtproto.tl.api.PeerUser;
import java.util.Map;

/**
 * A message one account names by its chat and its own id, found: in the caller's common box (with the ids of
 * every copy) or in a channel's box.
 *
 * @param viewer who named it
 * @param to its chat
 * @param channel the supergroup or channel whose box holds it, null for the viewer's common box
 * @param stored the message as it is now (a channel's as a non-sender sees it)
 * @param copies each owner's id of it (for a channel: the viewer's id, the channel's)
 */
record MessageTarget(Account viewer, Destination to, WorldChat channel, MessageBox.Stored stored, Map<Long, Integer> copies) {
    /**
     * @param viewer the caller
     * @param to the chat it named
     * @param id the message id it named
     * @param boxes the boxes
     * @param copies the copies of common-box messages
     * @param method the function, for errors
     * @return the message
     * @throws dev.mtproto.rpc.RpcException {@code 400 MESSAGE_ID_INVALID} if the chat has no such message
     */
    static MessageTarget find(Account viewer, Destination to, int id, Mailboxes boxes, MessageCopies copies, String method) {
        WorldChat channel = to instanceof Destination.ToChat c && c.chat().isChannel() ? c.chat() : null;
        MessageBox box = channel != null ? boxes.channel(channel.id()) : boxes.account(viewer.id()).common();
        MessageBox.Stored stored = box.message(id).orElseThrow(() -> WorldErrors.of(400, "MESSAGE_ID_INVALID", method));
        if (channel == null && !peerOf(to).equals(MessageObjects.peerIdOf(stored.message()))) {
            throw WorldErrors.of(400, "MESSAGE_ID_INVALID", method);
        }
        return new MessageTarget(viewer, to, channel, stored, channel != null ? Map.of(viewer.id(), id) : copies.of(viewer.id(), id));
    }

    /**
     * @param to a chat
     * @return the peer its messages carry in the viewer's box
     */
    static Peer peerOf(Destination to) {
        return to instanceof Destination.ToUser u ? new PeerUser(u.user().id()) : MessageObjects.peerOf(((Destination.ToChat) to).chat());
    }

    /** @return the message's id in the viewer's box (or the channel's) */
    int id() {
        return MessageObjects.idOf(stored.message());
    }
}
