package dev.mtproto.testkit.world.chats;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.testkit.world.updates.EntryPeers;
import dev.mtproto.tl.api.ChannelParticipant;
import dev.mtproto.tl.api.ChannelParticipantAdmin;
import dev.mtproto.tl.api.ChannelParticipantCreator;
import dev.mtproto.tl.api.ChannelParticipantSelf;
import dev.mtproto.tl.api.ChannelParticipantType;
import dev.mtproto.tl.api.ChannelParticipantsAdmins;
import dev.mtproto.tl.api.ChannelParticipantsBots;
import dev.mtproto.tl.api.ChannelParticipantsFilter;
import dev.mtproto.tl.api.ChannelParticipantsRecent;
import dev.mtproto.tl.api.ChannelParticipantsSearch;
import dev.mtproto.tl.api.ChatFull;
import dev.mtproto.tl.api.ChatParticipant;
import dev.mtproto.tl.api.ChatParticipantAdmin;
import dev.mtproto.tl.api.ChatParticipantCreator;
import dev.mtproto.tl.api.ChatParticipantType;
import dev.mtproto.tl.api.ChatParticipants;
import dev.mtproto.tl.api.ChatParticipantsForbidden;
import dev.mtproto.tl.api.ChatParticipantsType;
import dev.mtproto.tl.api.PeerNotifySettings;
import dev.mtproto.tl.api.channels.ChannelParticipants;
import dev.mtproto.tl.api.channels.GetParticipants;
import dev.mtproto.tl.api.messages.GetFullChat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Members of chats: {@code channels.getParticipants} (https://core.telegram.org/method/channels.getParticipants)
 * and {@code messages.getFullChat} (https://core.telegram.org/method/messages.getFullChat) for basic groups.
 *
 * <p>{@code channels.getParticipants}: {@code channelParticipantsRecent} lists the members most recently joined
 * first; {@code channelParticipantsSearch} those of them whose first name, last name or username has a word
 * starting with {@code q} (ignoring case; an empty {@code q} matches all); {@code channelParticipantsAdmins} the
 * admins, creator first; {@code channelParticipantsBots} the bots; the other filters answer none (the world bans
 * nobody). A page is {@code offset} .. {@code offset + limit} (limit 0..200) of that list, as
 * {@code channels.channelParticipants} with the list's {@code count} and the users. The creator is
 * {@code channelParticipantCreator}, admins {@code channelParticipantAdmin}, the caller
 * {@code channelParticipantSelf}, others {@code channelParticipant}; every date is the chat's (the world keeps no
 * join dates). Non-admins of a broadcast channel get {@code 400 CHAT_ADMIN_REQUIRED}; {@code hash} is not looked at.
 *
 * <p>{@code messages.getFullChat}: a basic group's {@code chatFull} with {@code chatParticipants} (creator,
 * admins, members, in the order they joined) for members, {@code chatParticipantsForbidden} for others; an
 * unknown group is {@code 400 CHAT_ID_INVALID}.
 */
public final class ParticipantMethods {
    /** The most participants one call returns. */
    public static final int MAX_LIMIT = 200;

    private final Chats chats;
    private final Accounts accounts;
    private final ChatObjects chatObjects;
    private final ChannelAccess access;
    private final EntryPeers entryPeers;

    /**
     * @param chats the chats
     * @param accounts the accounts, for names
     * @param chatObjects how chats look
     * @param access reads the channels named
     * @param entryPeers the users of an answer
     */
    public ParticipantMethods(Chats chats, Accounts accounts, ChatObjects chatObjects, ChannelAccess access, EntryPeers entryPeers) {
        this.chats = chats;
        this.accounts = accounts;
        this.chatObjects = chatObjects;
        this.access = access;
        this.entryPeers = entryPeers;
    }

    /** @param handlers where the world's functions go */
    public void register(WorldHandlers handlers) {
        handlers.on(GetParticipants.class, this::getParticipants).on(GetFullChat.class, this::getFullChat);
    }

    private Object getParticipants(GetParticipants m, Caller c) {
        Account viewer = c.account();
        String method = c.call().method().tlName();
        WorldChat chat = access.channel(viewer, m.channel(), method);
        if (chat.kind() == ChatKind.CHANNEL && !chat.admins().contains(viewer.id())) {
            throw WorldErrors.of(400, "CHAT_ADMIN_REQUIRED", method);
        }
        List<Long> listed = listed(chat, m.filter());
        int from = Math.max(0, Math.min(listed.size(), m.offset()));
        List<Long> page = listed.subList(from, Math.min(listed.size(), from + Math.max(0, Math.min(MAX_LIMIT, m.limit()))));
        List<ChannelParticipantType> participants = new ArrayList<>();
        for (long id : page) {
            participants.add(participant(chat, id, viewer.id()));
        }
        EntryPeers.Peers p = entryPeers.of(viewer, List.of(), 0, page, (int) c.nowSeconds());
        return new ChannelParticipants(listed.size(), participants, List.of(), p.users());
    }

    private List<Long> listed(WorldChat chat, ChannelParticipantsFilter filter) {
        List<Long> recent = new ArrayList<>(chat.members());
        java.util.Collections.reverse(recent);
        Predicate<Long> keep;
        if (filter instanceof ChannelParticipantsRecent) {
            keep = id -> true;
        } else if (filter instanceof ChannelParticipantsSearch s) {
            String q = s.q().toLowerCase(Locale.ROOT).strip();
            keep = id -> accounts.byId(id).map(a -> matches(a, q)).orElse(false);
        } else if (filter instanceof ChannelParticipantsAdmins) {
            recent = new ArrayList<>(chat.members());
            keep = chat.admins()::contains;
        } else if (filter instanceof ChannelParticipantsBots) {
            keep = id -> accounts.byId(id).map(Account::bot).orElse(false);
        } else {
            keep = id -> false;
        }
        return recent.stream().filter(keep).toList();
    }

    private static boolean matches(Account a, String q) {
        String all = (a.firstName() + " " + a.lastName() + " " + a.username()).toLowerCase(Locale.ROOT);
        return q.isEmpty() || List.of(all.split("[^\\p{L}\\p{N}_]+")).stream().anyMatch(w -> w.startsWith(q));
    }

    /**
     * @param chat a supergroup or channel
     * @param id a member
     * @param viewerId who looks ({@code channelParticipantSelf} for an ordinary member looking at itself), 0 for none
     * @return the member as {@code channels.getParticipants} gives it
     */
    public static ChannelParticipantType participant(WorldChat chat, long id, long viewerId) {
        if (id == chat.creatorId()) {
            return new ChannelParticipantCreator(id, ChatObjects.adminRights(true), null);
        } else if (chat.admins().contains(id)) {
            boolean self = id == viewerId;
            return new ChannelParticipantAdmin(viewerId == chat.creatorId(), self, id, self ? chat.creatorId() : null, chat.creatorId(),
                    chat.date(), ChatObjects.adminRights(false), null);
        } else if (id == viewerId) {
            return new ChannelParticipantSelf(false, id, chat.creatorId(), chat.date(), null, null);
        }
        return new ChannelParticipant(id, chat.date(), null, null);
    }

    private Object getFullChat(GetFullChat m, Caller c) {
        Account viewer = c.account();
        WorldChat chat = chats.group(m.chatId()).orElseThrow(() -> WorldErrors.of(400, "CHAT_ID_INVALID", c.call().method().tlName()));
        ChatParticipantsType participants;
        List<Long> users = List.of();
        if (chat.isMember(viewer.id())) {
            List<ChatParticipantType> list = new ArrayList<>();
            for (long id : chat.members()) {
                list.add(groupParticipant(chat, id));
            }
            participants = new ChatParticipants(chat.id(), list, chat.members().size());
            users = chat.members();
        } else {
            participants = new ChatParticipantsForbidden(chat.id(), null);
        }
        ChatFull full = ChatFull.builder().id(chat.id()).about("").participants(participants).notifySettings(PeerNotifySettings.builder().build())
                .build();
        EntryPeers.Peers p = entryPeers.of(viewer, List.of(), 0, users, (int) c.nowSeconds());
        return new dev.mtproto.tl.api.messages.ChatFull(full, List.of(chatObjects.seenBy(viewer.id(), chat)), p.users());
    }

    /**
     * @param chat a basic group
     * @param id a member
     * @return the member as {@code messages.getFullChat} gives it (invited by the creator, on the chat's date)
     */
    public static ChatParticipantType groupParticipant(WorldChat chat, long id) {
        if (id == chat.creatorId()) {
            return new ChatParticipantCreator(id, null);
        }
        return chat.admins().contains(id) ? new ChatParticipantAdmin(id, chat.creatorId(), chat.date(), null)
                : new ChatParticipant(id, chat.creatorId(), chat.date(), null);
    }
}
