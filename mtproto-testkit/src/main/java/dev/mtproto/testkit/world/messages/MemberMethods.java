package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.testkit.world.chats.ChannelAccess;
import dev.mtproto.testkit.world.chats.Chats;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.channels.EditBanned;
import dev.mtproto.tl.api.channels.InviteToChannel;
import dev.mtproto.tl.api.channels.LeaveChannel;
import dev.mtproto.tl.api.messages.AddChatUser;
import dev.mtproto.tl.api.messages.DeleteChatUser;
import dev.mtproto.tl.api.messages.InvitedUsers;
import java.util.List;

/**
 * The world's functions that change who is in a chat, answered by {@link MemberChanges}: {@code messages.addChatUser},
 * {@code messages.deleteChatUser}, {@code channels.inviteToChannel}, {@code channels.leaveChannel} and
 * {@code channels.editBanned} (a ban with {@code view_messages} removes the member; other rights, restrictions and
 * unbans are not modelled and change nothing: empty {@code updates}). {@code missing_invitees} is always empty.
 */
public final class MemberMethods {
    private final InputPeers peers;
    private final ChannelAccess channels;
    private final Chats chats;
    private final MemberChanges members;

    /**
     * @param peers reads the users named
     * @param channels reads the channels named
     * @param chats the chats
     * @param members makes the changes
     */
    public MemberMethods(InputPeers peers, ChannelAccess channels, Chats chats, MemberChanges members) {
        this.peers = peers;
        this.channels = channels;
        this.chats = chats;
        this.members = members;
    }

    /** @param handlers where the world's functions go */
    public void register(WorldHandlers handlers) {
        handlers.on(AddChatUser.class, (m, c) -> new InvitedUsers(members.add(c.account(), group(m.chatId(), c), List.of(peers.user(c.account(),
                        m.userId(), name(c))), c.permKeyId(), now(c), name(c)), List.of()))
                .on(DeleteChatUser.class, (m, c) -> members.remove(c.account(), group(m.chatId(), c), peers.user(c.account(), m.userId(), name(c)),
                        false, c.permKeyId(), now(c), name(c)))
                .on(InviteToChannel.class, (m, c) -> new InvitedUsers(members.add(c.account(), channel(m.channel(), c), m.users().stream()
                        .map(u -> peers.user(c.account(), u, name(c))).toList(), c.permKeyId(), now(c), name(c)), List.of()))
                .on(LeaveChannel.class, (m, c) -> members.remove(c.account(), channel(m.channel(), c), c.account(), false, c.permKeyId(), now(c),
                        name(c)))
                .on(EditBanned.class, (m, c) -> {
                    WorldChat chat = channel(m.channel(), c);
                    if (!m.bannedRights().viewMessages()) {
                        return new Updates(List.of(), List.of(), List.of(), now(c), 0);
                    }
                    Destination who = peers.resolve(c.account(), m.participant(), name(c));
                    if (!(who instanceof Destination.ToUser u)) {
                        throw WorldErrors.of(400, "PARTICIPANT_ID_INVALID", name(c));
                    }
                    return members.remove(c.account(), chat, u.user(), true, c.permKeyId(), now(c), name(c));
                });
    }

    private WorldChat group(long id, Caller c) {
        return chats.group(id).orElseThrow(() -> WorldErrors.of(400, "CHAT_ID_INVALID", name(c)));
    }

    private WorldChat channel(dev.mtproto.tl.api.InputChannelType input, Caller c) {
        return channels.channel(c.account(), input, name(c));
    }

    private static String name(Caller c) {
        return c.call().method().tlName();
    }

    private static int now(Caller c) {
        return (int) c.nowSeconds();
    }
}
