package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.chats.ChatKind;
import dev.mtproto.testkit.world.chats.Chats;
import dev.mtproto.testkit.world.chats.ParticipantMethods;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.updates.EntryPeers;
import dev.mtproto.testkit.world.updates.Mailboxes;
import dev.mtproto.testkit.world.updates.PushDispatcher;
import dev.mtproto.tl.api.ChannelParticipantBanned;
import dev.mtproto.tl.api.ChannelParticipantType;
import dev.mtproto.tl.api.ChatBannedRights;
import dev.mtproto.tl.api.ChatParticipantType;
import dev.mtproto.tl.api.MessageActionChatAddUser;
import dev.mtproto.tl.api.MessageActionChatDeleteUser;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.UpdateChannelParticipant;
import dev.mtproto.tl.api.UpdateChatParticipant;
import dev.mtproto.tl.api.Updates;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Members joining and leaving (https://core.telegram.org/api/channel, https://core.telegram.org/constructor/updateChannelParticipant):
 * adding members ({@code messages.addChatUser}, {@code channels.inviteToChannel}, a join), removing them
 * ({@code messages.deleteChatUser}, {@code channels.leaveChannel}, a ban with {@code view_messages} through
 * {@code channels.editBanned}). Members of groups and supergroups get the service message
 * ({@code messageActionChatAddUser} / {@code messageActionChatDeleteUser}, the one removed too; broadcast channels
 * show none); bots that are admins of the chat, and a bot whose own membership changed, get
 * {@code updateChatParticipant} / {@code updateChannelParticipant} with the previous and new participant, the actor
 * and their next qts (the Bot API's {@code chat_member} and {@code my_chat_member}). Who may add: any member of a
 * basic group or supergroup, admins of a broadcast channel, anyone joining a public chat themselves; who may remove
 * others: admins ({@code 400 CHAT_ADMIN_REQUIRED}). Thread-safe: under the sender's lock.
 */
public final class MemberChanges {
    private final Accounts accounts;
    private final Chats chats;
    private final Mailboxes boxes;
    private final MessageSender sender;
    private final PushDispatcher pushes;
    private final EntryPeers entryPeers;

    /**
     * @param accounts the accounts
     * @param chats the chats
     * @param boxes the boxes (the bots' qts)
     * @param sender sends the service messages (its lock orders the changes)
     * @param pushes where updates go
     * @param entryPeers the users and chats of an update
     */
    public MemberChanges(Accounts accounts, Chats chats, Mailboxes boxes, MessageSender sender, PushDispatcher pushes, EntryPeers entryPeers) {
        this.accounts = accounts;
        this.chats = chats;
        this.boxes = boxes;
        this.sender = sender;
        this.pushes = pushes;
        this.entryPeers = entryPeers;
    }

    /**
     * Adds members (those already in stay as they are).
     *
     * @param actor who adds (or joins, when {@code users} is just the actor)
     * @param chat the chat
     * @param users whom
     * @param via the key whose call it is, 0 for none
     * @param date the world's time
     * @param method the function, for errors
     * @return the actor's {@code updates}
     * @throws dev.mtproto.rpc.RpcException {@code 400 CHAT_ADMIN_REQUIRED}, {@code 403 CHAT_WRITE_FORBIDDEN}
     *     (the actor is no member of a private chat), {@code 400 USER_ALREADY_PARTICIPANT} (all are members already)
     */
    public Updates add(Account actor, WorldChat chat, List<Account> users, long via, int date, String method) {
        synchronized (sender) {
            WorldChat before = chats.byId(chat.id()).orElseThrow();
            boolean selfJoin = users.size() == 1 && users.get(0).id() == actor.id();
            if (selfJoin ? !before.isPublic() && !before.isMember(actor.id()) : !before.isMember(actor.id())) {
                throw WorldErrors.of(403, "CHAT_WRITE_FORBIDDEN", method);
            }
            if (!selfJoin && before.kind() == ChatKind.CHANNEL && !before.admins().contains(actor.id())) {
                throw WorldErrors.of(400, "CHAT_ADMIN_REQUIRED", method);
            }
            List<Long> added = users.stream().map(Account::id).filter(id -> !before.isMember(id)).distinct().toList();
            if (added.isEmpty()) {
                throw WorldErrors.of(400, "USER_ALREADY_PARTICIPANT", method);
            }
            WorldChat after = chats.addMembers(chat.id(), added);
            Updates mine = sender.announce(actor, after, new MessageActionChatAddUser(added), after.members(), added, via, date);
            for (long id : added) {
                tellBots(actor, before, after, id, date);
            }
            return mine;
        }
    }

    /**
     * Removes a member: it leaves, or an admin removes or bans it.
     *
     * @param actor who removes (the member itself to leave)
     * @param chat the chat
     * @param user whom
     * @param banned whether banned ({@code channelParticipantBanned} as its new participant)
     * @param via the key whose call it is, 0 for none
     * @param date the world's time
     * @param method the function, for errors
     * @return the actor's {@code updates}
     * @throws dev.mtproto.rpc.RpcException {@code 400 CHAT_ADMIN_REQUIRED}, {@code 400 USER_NOT_PARTICIPANT}
     */
    public Updates remove(Account actor, WorldChat chat, Account user, boolean banned, long via, int date, String method) {
        synchronized (sender) {
            WorldChat before = chats.byId(chat.id()).orElseThrow();
            if (actor.id() != user.id() && !before.admins().contains(actor.id())) {
                throw WorldErrors.of(400, "CHAT_ADMIN_REQUIRED", method);
            }
            if (!before.isMember(user.id())) {
                throw WorldErrors.of(400, "USER_NOT_PARTICIPANT", method);
            }
            WorldChat after = chats.removeMember(chat.id(), user.id());
            Set<Long> owners = new LinkedHashSet<>(after.members());
            owners.add(user.id());
            Updates mine = sender.announce(actor, after, new MessageActionChatDeleteUser(user.id()), owners, List.of(user.id()), via, date);
            tellBots(actor, before, banned ? null : after, user.id(), date);
            return mine;
        }
    }

    /** @param after the chat after the change; null for a ban */
    private void tellBots(Account actor, WorldChat before, WorldChat after, long userId, int date) {
        WorldChat now = after != null ? after : chats.byId(before.id()).orElseThrow();
        Set<Long> bots = new LinkedHashSet<>();
        for (long id : before.members()) {
            if (before.admins().contains(id) || id == userId) {
                bots.add(id);
            }
        }
        now.admins().forEach(bots::add);
        bots.add(userId);
        for (long id : bots) {
            Account bot = accounts.byId(id).orElse(null);
            if (bot == null || !bot.bot()) {
                continue;
            }
            var e = boxes.account(id).addQts(qts -> update(actor, before, after, now, userId, date, qts), actor.id(), date);
            EntryPeers.Peers p = entryPeers.of(bot, List.of(), before.id(), List.of(actor.id(), userId), date);
            pushes.push(id, new Updates(List.of(e.update()), p.users(), p.chats(), date, 0), 0);
        }
    }

    private static Update update(Account actor, WorldChat before, WorldChat after, WorldChat now, long userId, int date, int qts) {
        if (!before.isChannel()) {
            return UpdateChatParticipant.builder().chatId(before.id()).date(date).actorId(actor.id()).userId(userId)
                    .prevParticipant(groupParticipant(before, userId)).newParticipant(after == null ? null : groupParticipant(after, userId))
                    .qts(qts).build();
        }
        ChannelParticipantType next = after == null ? new ChannelParticipantBanned(false, new PeerUser(userId), actor.id(), date,
                ChatBannedRights.builder().viewMessages(true).untilDate(0).build(), null) : channelParticipant(now, userId);
        return UpdateChannelParticipant.builder().channelId(before.id()).date(date).actorId(actor.id()).userId(userId)
                .prevParticipant(channelParticipant(before, userId)).newParticipant(next).qts(qts).build();
    }

    private static ChatParticipantType groupParticipant(WorldChat chat, long userId) {
        return chat.isMember(userId) ? ParticipantMethods.groupParticipant(chat, userId) : null;
    }

    private static ChannelParticipantType channelParticipant(WorldChat chat, long userId) {
        return chat.isMember(userId) ? ParticipantMethods.participant(chat, userId, 0) : null;
    }
}
