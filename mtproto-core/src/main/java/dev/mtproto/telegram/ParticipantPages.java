package dev.mtproto.telegram;

import dev.mtproto.tl.api.ChannelParticipant;
import dev.mtproto.tl.api.ChannelParticipantAdmin;
import dev.mtproto.tl.api.ChannelParticipantBanned;
import dev.mtproto.tl.api.ChannelParticipantCreator;
import dev.mtproto.tl.api.ChannelParticipantLeft;
import dev.mtproto.tl.api.ChannelParticipantSelf;
import dev.mtproto.tl.api.ChannelParticipantType;
import dev.mtproto.tl.api.ChannelParticipantsRecent;
import dev.mtproto.tl.api.ChatFull;
import dev.mtproto.tl.api.ChatParticipant;
import dev.mtproto.tl.api.ChatParticipantAdmin;
import dev.mtproto.tl.api.ChatParticipantCreator;
import dev.mtproto.tl.api.ChatParticipantType;
import dev.mtproto.tl.api.ChatParticipants;
import dev.mtproto.tl.api.InputChannel;
import dev.mtproto.tl.api.InputPeerChannel;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.channels.GetParticipants;
import dev.mtproto.tl.api.messages.GetFullChat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A chat's members: a supergroup's or channel's a page at a time with {@code channels.getParticipants}
 * ({@code channelParticipantsRecent}, offset by how many came before, to the count the answer gives); a basic
 * group's in one page from {@code messages.getFullChat} (empty if the account may not see them).
 */
final class ParticipantPages implements Pages.Source<ParticipantView> {
    /** How many members each call asks for (Telegram's most). */
    static final int PAGE = 200;

    private final TelegramClient client;
    private final ChatRef chat;
    private int offset;

    /**
     * @param client sends the calls
     * @param chat a group, supergroup or channel
     * @throws IllegalArgumentException for a private chat
     */
    ParticipantPages(TelegramClient client, ChatRef chat) {
        if (chat.kind() == ChatKind.PRIVATE) {
            throw new IllegalArgumentException("a private chat has no participants list: " + chat.id());
        }
        this.client = client;
        this.chat = chat;
    }

    @Override
    public Pages.Page<ParticipantView> next() {
        if (chat.kind() == ChatKind.GROUP) {
            return groupMembers();
        }
        InputPeerChannel peer = (InputPeerChannel) client.inputPeer(chat).join();
        var answer = client.raw().invoke(new GetParticipants(new InputChannel(peer.channelId(), peer.accessHash()), ChannelParticipantsRecent.INSTANCE,
                offset, PAGE, 0)).join();
        if (!(answer instanceof dev.mtproto.tl.api.channels.ChannelParticipants p)) {
            return new Pages.Page<>(List.of(), true); // not modified: we sent no hash
        }
        AnswerPeers peers = new AnswerPeers(p.users(), p.chats());
        List<ParticipantView> views = new ArrayList<>();
        for (ChannelParticipantType t : p.participants()) {
            channelMember(t, peers).ifPresent(views::add);
        }
        offset += p.participants().size();
        return new Pages.Page<>(views, offset >= p.count());
    }

    private Pages.Page<ParticipantView> groupMembers() {
        var answer = client.raw().invoke(new GetFullChat(chat.id())).join();
        AnswerPeers peers = new AnswerPeers(answer.users(), answer.chats());
        List<ParticipantView> views = new ArrayList<>();
        if (answer.fullChat() instanceof ChatFull full && full.participants() instanceof ChatParticipants list) {
            for (ChatParticipantType t : list.participants()) {
                views.add(groupMember(t, peers));
            }
        }
        return new Pages.Page<>(views, true);
    }

    static ParticipantView groupMember(ChatParticipantType t, AnswerPeers peers) {
        if (t instanceof ChatParticipantCreator c) {
            return view(c.userId(), ParticipantRole.CREATOR, 0, peers);
        } else if (t instanceof ChatParticipantAdmin a) {
            return view(a.userId(), ParticipantRole.ADMIN, a.date(), peers);
        }
        ChatParticipant m = (ChatParticipant) t;
        return view(m.userId(), ParticipantRole.MEMBER, m.date(), peers);
    }

    static Optional<ParticipantView> channelMember(ChannelParticipantType t, AnswerPeers peers) {
        if (t instanceof ChannelParticipantCreator c) {
            return Optional.of(view(c.userId(), ParticipantRole.CREATOR, 0, peers));
        } else if (t instanceof ChannelParticipantAdmin a) {
            return Optional.of(view(a.userId(), ParticipantRole.ADMIN, a.date(), peers));
        } else if (t instanceof ChannelParticipant m) {
            return Optional.of(view(m.userId(), ParticipantRole.MEMBER, m.date(), peers));
        } else if (t instanceof ChannelParticipantSelf s) {
            return Optional.of(view(s.userId(), ParticipantRole.MEMBER, s.date(), peers));
        } else if (t instanceof ChannelParticipantBanned b && b.peer() instanceof PeerUser u) {
            ParticipantRole role = b.left() ? ParticipantRole.LEFT : b.bannedRights().viewMessages() ? ParticipantRole.BANNED : ParticipantRole.RESTRICTED;
            return Optional.of(view(u.userId(), role, b.date(), peers));
        } else if (t instanceof ChannelParticipantLeft l && l.peer() instanceof PeerUser u) {
            return Optional.of(view(u.userId(), ParticipantRole.LEFT, 0, peers));
        }
        return Optional.empty(); // a banned or departed chat, not a user
    }

    private static ParticipantView view(long userId, ParticipantRole role, int date, AnswerPeers peers) {
        Optional<User> user = peers.user(userId);
        Optional<String> name = user.map(u -> (u.firstName() == null ? "" : u.firstName()) + (u.lastName() == null ? "" : " " + u.lastName()))
                .map(String::strip).filter(n -> !n.isEmpty());
        Optional<String> username = user.map(User::username).filter(n -> !n.isEmpty());
        return new ParticipantView(userId, name, username, role, date == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(Integer.toUnsignedLong(date))));
    }
}
