package dev.mtproto.testkit.world.chats;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.tl.api.InputChannel;
import dev.mtproto.tl.api.InputChannelType;

/**
 * Reads the channels a client names: only with the access hash this viewer got for the channel
 * (https://core.telegram.org/api/peers#access-hash); a private one only for its members.
 */
public final class ChannelAccess {
    private final Chats chats;
    private final ChatObjects chatObjects;

    /**
     * @param chats the world's chats
     * @param chatObjects how chats look, and their hashes
     */
    public ChannelAccess(Chats chats, ChatObjects chatObjects) {
        this.chats = chats;
        this.chatObjects = chatObjects;
    }

    /**
     * @param viewer the caller
     * @param input the channel it names
     * @param method the TL name of the function, for errors
     * @return the supergroup or channel
     * @throws dev.mtproto.rpc.RpcException {@code 400 CHANNEL_INVALID} for an unknown channel, another
     *     account's hash, or another form than {@code inputChannel}; {@code 406 CHANNEL_PRIVATE} for a
     *     private channel the caller is not in (https://core.telegram.org/method/updates.getChannelDifference)
     */
    public WorldChat channel(Account viewer, InputChannelType input, String method) {
        if (!(input instanceof InputChannel c)) {
            throw WorldErrors.of(400, "CHANNEL_INVALID", method);
        }
        WorldChat chat = chats.channel(c.channelId()).filter(ch -> chatObjects.hashMatches(viewer.id(), ch.id(), c.accessHash()))
                .orElseThrow(() -> WorldErrors.of(400, "CHANNEL_INVALID", method));
        if (!chat.isMember(viewer.id()) && !chat.isPublic()) {
            throw WorldErrors.of(406, "CHANNEL_PRIVATE", method);
        }
        return chat;
    }
}
