package dev.mtproto.testkit.world.updates;

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

    /**
     * @param channelId a supergroup or channel
     * @return its box
     */
    public MessageBox channel(long channelId) {
        return channels.computeIfAbsent(channelId, id -> new MessageBox());
    }
}
