package dev.mtproto.testkit.world.updates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every account's and every channel's message box, made when first used. Thread-safe. */
public final class Mailboxes {
    private final Map<Long, AccountBox> accounts = new ConcurrentHashMap<>();
    private final Map<Long, MessageBox> channels = new ConcurrentHashMap<>();

    /**
     * @param userId an account
     * @return its box
     */
    public AccountBox account(long userId) {
        return accounts.computeIfAbsent(userId, id -> new AccountBox());
    }

    /** @return every box made so far: the accounts' common boxes, then the channels' */
    public List<MessageBox> all() {
        List<MessageBox> all = new ArrayList<>();
        accounts.values().forEach(a -> all.add(a.common()));
        all.addAll(channels.values());
        return all;
    }

    /**
     * @param channelId a supergroup or channel
     * @return its box
     */
    public MessageBox channel(long channelId) {
        return channels.computeIfAbsent(channelId, id -> new MessageBox());
    }
}
