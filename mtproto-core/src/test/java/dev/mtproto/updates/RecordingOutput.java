package dev.mtproto.updates;

import dev.mtproto.tl.api.ChatType;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.UserType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A {@link BoxOutput} that writes down what the box decided, for tests to assert on and to answer. */
final class RecordingOutput implements BoxOutput {
    record Delivered(Update update, UpdateOrigin origin, long channelId) {
    }

    /** A fetch the box asked for: channel 0 is the common box, -1 is getState. */
    record Fetch(long channelId, int pts) {
    }

    final List<Delivered> delivered = new ArrayList<>();
    final Deque<Fetch> fetches = new ArrayDeque<>();
    final List<UpdateEngineEvent> events = new ArrayList<>();

    @Override
    public void deliver(Update update, List<UserType> users, List<ChatType> chats, UpdateOrigin origin, long channelId) {
        delivered.add(new Delivered(update, origin, channelId));
    }

    @Override
    public void fetchCommon() {
        fetches.add(new Fetch(0, 0));
    }

    @Override
    public void fetchChannel(long channelId, int pts) {
        fetches.add(new Fetch(channelId, pts));
    }

    @Override
    public void fetchState() {
        fetches.add(new Fetch(-1, 0));
    }

    @Override
    public void event(UpdateEngineEvent event) {
        events.add(event);
    }
}
