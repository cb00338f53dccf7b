package dev.mtproto.testkit.world.chats;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.tl.api.ChatType;
import dev.mtproto.tl.api.InputChannelType;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.channels.GetChannels;
import dev.mtproto.tl.api.contacts.ResolvedPeer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code channels.getChannels} (https://core.telegram.org/method/channels.getChannels): the channels named
 * with the caller's access hashes, as the caller sees them; and public channels' usernames for
 * {@code contacts.resolveUsername}.
 */
public final class ChannelMethods {
    private final Chats chats;
    private final ChatObjects chatObjects;
    private final ChannelAccess access;

    /**
     * @param chats the world's chats
     * @param chatObjects how chats look
     * @param access reads the channels named
     */
    public ChannelMethods(Chats chats, ChatObjects chatObjects, ChannelAccess access) {
        this.chats = chats;
        this.chatObjects = chatObjects;
        this.access = access;
    }

    /** @param handlers where the world's functions go */
    public void register(WorldHandlers handlers) {
        handlers.on(GetChannels.class, this::getChannels);
    }

    private Object getChannels(GetChannels m, Caller c) {
        List<ChatType> out = new ArrayList<>();
        for (InputChannelType input : m.id()) {
            out.add(chatObjects.seenBy(c.account().id(), access.channel(c.account(), input, c.call().method().tlName())));
        }
        return new dev.mtproto.tl.api.messages.Chats(out);
    }

    /**
     * @param viewer who asks
     * @param username a valid username
     * @return the public supergroup or channel with that username, as {@code contacts.resolveUsername} answers
     */
    public Optional<ResolvedPeer> resolve(Account viewer, String username) {
        return chats.byUsername(username).map(ch -> new ResolvedPeer(new PeerChannel(ch.id()), List.of(chatObjects.seenBy(viewer.id(), ch)),
                List.of()));
    }
}
