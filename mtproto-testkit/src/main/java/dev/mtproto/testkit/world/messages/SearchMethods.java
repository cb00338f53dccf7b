package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.testkit.world.chats.ChatKind;
import dev.mtproto.testkit.world.chats.Chats;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.updates.EntryPeers;
import dev.mtproto.testkit.world.updates.Mailboxes;
import dev.mtproto.tl.api.InputMessagesFilterEmpty;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.InputPeerEmpty;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.MessagesFilter;
import dev.mtproto.tl.api.Peer;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerChat;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.messages.Messages;
import dev.mtproto.tl.api.messages.MessagesSlice;
import dev.mtproto.tl.api.messages.Search;
import dev.mtproto.tl.api.messages.SearchGlobal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * {@code messages.search} (https://core.telegram.org/method/messages.search) and {@code messages.searchGlobal}
 * (https://core.telegram.org/method/messages.searchGlobal), over the text messages the caller sees.
 *
 * <p>A message matches {@code q} when every word of {@code q} starts a word of its text, ignoring case (an
 * empty {@code q} matches every text message); service messages never match. Only
 * {@code inputMessagesFilterEmpty} is modelled: every other filter answers an empty result. {@code min_date} and
 * {@code max_date} bound the dates when positive; {@code hash} is not looked at. A blank {@code q} with the
 * empty filter (and, for {@code messages.search}, no {@code from_id}) is {@code 400 SEARCH_QUERY_EMPTY}.
 *
 * <p>{@code messages.search} searches one chat ({@code inputPeerEmpty}: every private chat and basic group)
 * with getHistory's offsets ({@link MessageWindow}) and answers as getHistory does (slice with the count,
 * {@code messages.channelMessages} for channels); {@code from_id} keeps one sender's messages.
 *
 * <p>{@code messages.searchGlobal} searches the caller's private chats, basic groups and the supergroups and
 * channels it is a member of ({@code users_only}, {@code groups_only}, {@code broadcasts_only} narrow that),
 * newest first by date, then id, then peer id; a page starts after the message {@code offset_rate} (its date),
 * {@code offset_peer} and {@code offset_id} name, and holds at most {@code limit} (1..100). The answer is
 * {@code messages.messages} when it holds every match, else {@code messages.messagesSlice} with the count and
 * {@code next_rate} (the date of its last message). Bots get {@code 400 BOT_METHOD_INVALID} (access gate).
 */
public final class SearchMethods {
    private static final Comparator<MessageType> NEWEST_FIRST = Comparator.comparingInt(MessageObjects::dateOf)
            .thenComparingInt(MessageObjects::idOf).thenComparingLong(m -> peerId(MessageObjects.peerIdOf(m))).reversed();

    private final InputPeers peers;
    private final Mailboxes boxes;
    private final Chats chats;
    private final EntryPeers entryPeers;

    /**
     * @param peers reads the peers named
     * @param boxes the message boxes
     * @param chats the chats
     * @param entryPeers finds the users and chats of an answer
     */
    public SearchMethods(InputPeers peers, Mailboxes boxes, Chats chats, EntryPeers entryPeers) {
        this.peers = peers;
        this.boxes = boxes;
        this.chats = chats;
        this.entryPeers = entryPeers;
    }

    /** @param handlers where the world's functions go */
    public void register(WorldHandlers handlers) {
        handlers.on(Search.class, this::search).on(SearchGlobal.class, this::searchGlobal);
    }

    private Object search(Search m, Caller c) {
        Account viewer = c.account();
        String method = c.call().method().tlName();
        Destination to = m.peer() instanceof InputPeerEmpty ? null : peers.resolve(viewer, m.peer(), method);
        long fromId = m.fromId() == null ? 0 : fromId(m.fromId(), viewer, method);
        requireQuery(m.q(), m.filter(), fromId != 0, method);
        Predicate<MessageType> matches = matcher(m.q(), m.filter(), m.minDate(), m.maxDate())
                .and(x -> fromId == 0 || MessageObjects.senderOf((Message) x, viewer.id()) == fromId);
        ChatHistory history = ChatHistory.of(viewer, to, boxes);
        List<MessageType> found = history.newestFirst().stream().filter(matches).toList();
        List<MessageType> page = new MessageWindow(m.offsetId(), 0, m.addOffset(), m.limit(), m.maxId(), m.minId()).page(found);
        return history.answer(viewer, page, found.size(), entryPeers, (int) c.nowSeconds());
    }

    private Object searchGlobal(SearchGlobal m, Caller c) {
        Account viewer = c.account();
        requireQuery(m.q(), m.filter(), false, c.call().method().tlName());
        Predicate<MessageType> matches = matcher(m.q(), m.filter(), m.minDate(), m.maxDate()).and(x -> wanted(MessageObjects.peerIdOf(x), m));
        List<MessageType> found = new ArrayList<>(ChatHistory.of(viewer, null, boxes).newestFirst().stream().filter(matches).toList());
        for (WorldChat chat : chats.ofMember(viewer.id())) {
            if (chat.isChannel()) {
                ChatHistory.of(viewer, new Destination.ToChat(chat), boxes).newestFirst().stream().filter(matches).forEach(found::add);
            }
        }
        found.sort(NEWEST_FIRST);
        long offsetPeer = InputPeers.idOf(m.offsetPeer(), viewer);
        int start = 0;
        if (m.offsetRate() > 0 || m.offsetId() > 0 || offsetPeer != 0) {
            while (start < found.size() && !afterOffset(found.get(start), m, offsetPeer)) {
                start++;
            }
        }
        int limit = Math.max(1, Math.min(MessageWindow.MAX_LIMIT, m.limit()));
        List<MessageType> page = List.copyOf(found.subList(start, Math.min(found.size(), start + limit)));
        EntryPeers.Peers p = entryPeers.of(viewer, page, 0, List.of(), (int) c.nowSeconds());
        if (page.size() == found.size()) {
            return new Messages(page, List.of(), p.chats(), p.users());
        }
        Integer nextRate = page.isEmpty() ? null : MessageObjects.dateOf(page.get(page.size() - 1));
        return new MessagesSlice(false, found.size(), nextRate, null, null, page, List.of(), p.chats(), p.users());
    }

    private static void requireQuery(String q, MessagesFilter filter, boolean fromSomeone, String method) {
        if (q.isBlank() && filter instanceof InputMessagesFilterEmpty && !fromSomeone) {
            throw WorldErrors.of(400, "SEARCH_QUERY_EMPTY", method);
        }
    }

    private static Predicate<MessageType> matcher(String q, MessagesFilter filter, int minDate, int maxDate) {
        List<String> words = words(q);
        return m -> filter instanceof InputMessagesFilterEmpty && m instanceof Message msg && (minDate <= 0 || msg.date() >= minDate)
                && (maxDate <= 0 || msg.date() <= maxDate) && words.stream().allMatch(w -> words(msg.message()).stream().anyMatch(t -> t.startsWith(w)));
    }

    private static List<String> words(String text) {
        return List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+")).stream().filter(w -> !w.isEmpty()).toList();
    }

    private boolean wanted(Peer peer, SearchGlobal m) {
        if (m.usersOnly()) {
            return peer instanceof PeerUser;
        }
        boolean broadcast = peer instanceof PeerChannel ch && chats.channel(ch.channelId()).map(x -> x.kind() == ChatKind.CHANNEL).orElse(false);
        if (m.broadcastsOnly()) {
            return broadcast;
        }
        return !m.groupsOnly() || peer instanceof PeerChat || peer instanceof PeerChannel && !broadcast;
    }

    private static boolean afterOffset(MessageType message, SearchGlobal m, long offsetPeer) {
        int date = MessageObjects.dateOf(message);
        if (date != m.offsetRate()) {
            return m.offsetRate() <= 0 || date < m.offsetRate();
        }
        int id = MessageObjects.idOf(message);
        if (id != m.offsetId()) {
            return id < m.offsetId();
        }
        return peerId(MessageObjects.peerIdOf(message)) < offsetPeer;
    }

    private long fromId(InputPeer from, Account viewer, String method) {
        if (peers.resolve(viewer, from, method) instanceof Destination.ToUser u) {
            return u.user().id();
        }
        throw WorldErrors.of(400, "FROM_PEER_INVALID", method);
    }

    private static long peerId(Peer peer) {
        if (peer instanceof PeerUser u) {
            return u.userId();
        }
        return peer instanceof PeerChat ch ? ch.chatId() : ((PeerChannel) peer).channelId();
    }
}
