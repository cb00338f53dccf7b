package dev.mtproto.updates;

import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.UpdateNewChannelMessage;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.UpdateShortMessage;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.UpdatesType;
import dev.mtproto.tl.api.updates.ChannelDifference;
import dev.mtproto.tl.api.updates.ChannelDifferenceEmpty;
import dev.mtproto.tl.api.updates.ChannelDifferenceType;
import dev.mtproto.tl.api.updates.Difference;
import dev.mtproto.tl.api.updates.DifferenceEmpty;
import dev.mtproto.tl.api.updates.DifferenceSlice;
import dev.mtproto.tl.api.updates.DifferenceType;
import dev.mtproto.tl.api.updates.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A model of one account's side of Telegram for the message box's tests: private chats on the common box,
 * channels with their own pts, pushes in the forms Telegram uses, and differences answered from its own log
 * in slices. It keeps, per chat, the message ids in the order they were sent: what the client must deliver.
 */
final class SimulatedServer {
    static final long SELF = 1;

    private final int slice;
    private int pts;
    private int seq;
    private int date = 1_700_000_000;
    private int messageId;
    private final List<MessageType> common = new ArrayList<>(); // index i has pts i + 1
    private final Map<Long, List<MessageType>> channels = new LinkedHashMap<>();
    private final Map<Long, List<Integer>> sentPerChat = new HashMap<>();

    SimulatedServer(int slice, int channelCount) {
        this.slice = slice;
        for (long c = 1; c <= channelCount; c++) {
            channels.put(1000 + c, new ArrayList<>());
        }
    }

    Map<Long, Integer> channelStart() {
        Map<Long, Integer> m = new HashMap<>();
        channels.keySet().forEach(id -> m.put(id, 0));
        return m;
    }

    /** @return the push for one new message in a random chat */
    UpdatesType send(Random random, int privateChats) {
        date++;
        int chat = random.nextInt(privateChats + channels.size());
        if (chat < privateChats) {
            long user = 100 + chat;
            int id = ++messageId;
            pts++;
            Message m = Message.builder().id(id).fromId(new PeerUser(user)).peerId(new PeerUser(user)).date(date).message("m" + id).build();
            common.add(m);
            sentPerChat.computeIfAbsent(user, k -> new ArrayList<>()).add(id);
            if (random.nextBoolean()) {
                return UpdateShortMessage.builder().id(id).userId(user).message("m" + id).pts(pts).ptsCount(1).date(date).build();
            }
            return new Updates(List.of(new UpdateNewMessage(m, pts, 1)), List.of(), List.of(), date, ++seq);
        }
        long channel = new ArrayList<>(channels.keySet()).get(chat - privateChats);
        List<MessageType> log = channels.get(channel);
        int id = log.size() + 1;
        Message m = Message.builder().id(id).peerId(new PeerChannel(channel)).date(date).message("c" + id).build();
        log.add(m);
        sentPerChat.computeIfAbsent(ChatKeys.channel(channel), k -> new ArrayList<>()).add(id);
        return new Updates(List.of(new UpdateNewChannelMessage(m, log.size(), 1)), List.of(), List.of(), date, ++seq);
    }

    State state() {
        return new State(pts, 0, date, seq, 0);
    }

    DifferenceType difference(int fromPts) {
        if (fromPts >= pts) {
            return new DifferenceEmpty(date, seq);
        }
        int to = Math.min(pts, fromPts + slice);
        List<MessageType> messages = List.copyOf(common.subList(fromPts, to));
        if (to < pts) {
            return new DifferenceSlice(messages, List.of(), List.of(), List.of(), List.of(), new State(to, 0, date, seq, 0));
        }
        return new Difference(messages, List.of(), List.of(), List.of(), List.of(), state());
    }

    ChannelDifferenceType channelDifference(long channel, int fromPts) {
        List<MessageType> log = channels.get(channel);
        if (fromPts >= log.size()) {
            return ChannelDifferenceEmpty.builder().final_(true).pts(log.size()).build();
        }
        int to = Math.min(log.size(), fromPts + slice);
        return ChannelDifference.builder().final_(to == log.size()).pts(to).newMessages(List.copyOf(log.subList(fromPts, to)))
                .otherUpdates(List.of()).chats(List.of()).users(List.of()).build();
    }

    Map<Long, List<Integer>> sentPerChat() {
        return sentPerChat;
    }
}
