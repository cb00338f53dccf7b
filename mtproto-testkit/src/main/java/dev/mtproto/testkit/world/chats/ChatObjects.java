package dev.mtproto.testkit.world.chats;

import dev.mtproto.testkit.world.accounts.AccessHashes;
import dev.mtproto.tl.api.Channel;
import dev.mtproto.tl.api.Chat;
import dev.mtproto.tl.api.ChatAdminRights;
import dev.mtproto.tl.api.ChatPhotoEmpty;
import dev.mtproto.tl.api.ChatType;

/**
 * The {@code chat} and {@code channel} objects Telegram sends (https://core.telegram.org/constructor/chat,
 * https://core.telegram.org/constructor/channel): never {@code min} here, a channel with the access hash
 * the viewer gets (specific to the viewer, as users' are: https://core.telegram.org/api/peers#access-hash),
 * {@code megagroup} or {@code broadcast}, {@code creator} and admin rights where the viewer has them, and
 * {@code left} for a viewer who is not a member.
 */
public final class ChatObjects {
    private final AccessHashes accessHashes;

    /** @param accessHashes the world's access hashes */
    public ChatObjects(AccessHashes accessHashes) {
        this.accessHashes = accessHashes;
    }

    /**
     * @param viewerId the account looking
     * @param chat the chat seen
     * @return the {@code chat} or {@code channel} the viewer gets
     */
    public ChatType seenBy(long viewerId, WorldChat chat) {
        boolean creator = chat.creatorId() == viewerId;
        boolean left = !chat.isMember(viewerId);
        if (!chat.isChannel()) {
            return Chat.builder().creator(creator).left(left).id(chat.id()).title(chat.title()).photo(ChatPhotoEmpty.INSTANCE)
                    .participantsCount(chat.members().size()).date(chat.date()).version(chat.members().size()).build();
        }
        Channel.Builder channel = Channel.builder()
                .creator(creator)
                .left(left)
                .broadcast(chat.kind() == ChatKind.CHANNEL)
                .megagroup(chat.kind() == ChatKind.SUPERGROUP)
                .id(chat.id())
                .accessHash(accessHash(viewerId, chat.id()))
                .title(chat.title())
                .username(chat.isPublic() ? chat.username() : null)
                .photo(ChatPhotoEmpty.INSTANCE)
                .date(chat.date())
                .participantsCount(chat.members().size());
        if (chat.admins().contains(viewerId)) {
            channel.adminRights(adminRights(creator));
        }
        return channel.build();
    }

    /**
     * @param viewerId the account
     * @param channelId a channel
     * @return the access hash that account gets for the channel
     */
    public long accessHash(long viewerId, long channelId) {
        return accessHashes.of(viewerId, channelId);
    }

    /**
     * @param viewerId the account presenting the hash
     * @param channelId the channel it names
     * @param accessHash the hash presented
     * @return whether it is the hash that account got
     */
    public boolean hashMatches(long viewerId, long channelId, long accessHash) {
        return accessHashes.matches(viewerId, channelId, accessHash);
    }

    /**
     * @param creator whether for the creator (who may also add admins)
     * @return the rights every admin of the world has
     */
    public static ChatAdminRights adminRights(boolean creator) {
        return ChatAdminRights.builder().changeInfo(true).postMessages(true).editMessages(true).deleteMessages(true).banUsers(true)
                .inviteUsers(true).pinMessages(true).addAdmins(creator).build();
    }
}
