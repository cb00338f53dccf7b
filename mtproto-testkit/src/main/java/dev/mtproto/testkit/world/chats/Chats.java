package dev.mtproto.testkit.world.chats;

import dev.mtproto.testkit.world.accounts.Usernames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every group, supergroup and channel of the world, by id and public username. Basic groups and channels
 * have ids of their own ranges, as on Telegram, both apart from user ids. Thread-safe: every method holds
 * the registry's lock.
 */
public final class Chats {
    /** The first id a basic group gets. */
    public static final long FIRST_GROUP_ID = 400_000_001L;
    /** The first id a supergroup or channel gets. */
    public static final long FIRST_CHANNEL_ID = 1_700_000_001L;

    private final Map<Long, WorldChat> byId = new LinkedHashMap<>();
    private final Map<String, Long> byUsername = new HashMap<>();
    private long nextGroupId = FIRST_GROUP_ID;
    private long nextChannelId = FIRST_CHANNEL_ID;

    /**
     * Makes a chat.
     *
     * @param kind what it is
     * @param title its title
     * @param username a valid username without {@code @}, empty for none (ignored for basic groups, which
     *     have none)
     * @param creatorId who makes it: its first member and an admin
     * @param members the other members, in the order they join
     * @param admins other members who are admins
     * @param date when, in Unix seconds
     * @return the new chat
     * @throws IllegalArgumentException if the title is empty or the username taken by another chat
     */
    public synchronized WorldChat create(ChatKind kind, String title, String username, long creatorId, List<Long> members,
            Set<Long> admins, int date) {
        if (title.isBlank()) {
            throw new IllegalArgumentException("a chat needs a title");
        }
        String name = kind == ChatKind.GROUP ? "" : username;
        if (!name.isEmpty() && byUsername.containsKey(Usernames.key(name))) {
            throw new IllegalArgumentException("the username @" + name + " is taken");
        }
        Set<Long> all = new LinkedHashSet<>();
        all.add(creatorId);
        all.addAll(members);
        Set<Long> adminSet = new LinkedHashSet<>(admins);
        adminSet.retainAll(all);
        adminSet.add(creatorId);
        long id = kind == ChatKind.GROUP ? nextGroupId++ : nextChannelId++;
        WorldChat chat = new WorldChat(id, kind, title, name, creatorId, new ArrayList<>(all), adminSet, date);
        byId.put(id, chat);
        if (!name.isEmpty()) {
            byUsername.put(Usernames.key(name), id);
        }
        return chat;
    }

    /**
     * Adds members (already members stay as they are).
     *
     * @param chatId the chat
     * @param userIds who joins
     * @return the chat as it is now
     * @throws IllegalArgumentException if there is no such chat
     */
    public synchronized WorldChat addMembers(long chatId, List<Long> userIds) {
        WorldChat c = require(chatId);
        Set<Long> all = new LinkedHashSet<>(c.members());
        all.addAll(userIds);
        return replace(new WorldChat(c.id(), c.kind(), c.title(), c.username(), c.creatorId(), new ArrayList<>(all), c.admins(), c.date()));
    }

    /**
     * Removes a member (it stops getting the chat's updates; a private channel then answers it
     * {@code CHANNEL_PRIVATE}).
     *
     * @param chatId the chat
     * @param userId who leaves
     * @return the chat as it is now
     * @throws IllegalArgumentException if there is no such chat
     */
    public synchronized WorldChat removeMember(long chatId, long userId) {
        WorldChat c = require(chatId);
        List<Long> members = new ArrayList<>(c.members());
        members.remove(userId);
        Set<Long> admins = new LinkedHashSet<>(c.admins());
        admins.remove(userId);
        return replace(new WorldChat(c.id(), c.kind(), c.title(), c.username(), c.creatorId(), members, admins, c.date()));
    }

    private WorldChat require(long chatId) {
        WorldChat c = byId.get(chatId);
        if (c == null) {
            throw new IllegalArgumentException("no chat with id " + chatId);
        }
        return c;
    }

    private WorldChat replace(WorldChat chat) {
        byId.put(chat.id(), chat);
        return chat;
    }

    /**
     * @param id a chat id
     * @return the chat
     */
    public synchronized Optional<WorldChat> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * @param id a chat id
     * @return the basic group with that id
     */
    public Optional<WorldChat> group(long id) {
        return byId(id).filter(c -> !c.isChannel());
    }

    /**
     * @param id a channel id
     * @return the supergroup or channel with that id
     */
    public Optional<WorldChat> channel(long id) {
        return byId(id).filter(WorldChat::isChannel);
    }

    /**
     * @param username a username, with or without {@code @}, in any case
     * @return the public supergroup or channel with that username
     */
    public synchronized Optional<WorldChat> byUsername(String username) {
        return Usernames.normalize(username).map(u -> byUsername.get(Usernames.key(u))).map(byId::get);
    }

    /**
     * @param userId an account
     * @return the chats it is a member of, in the order they were made
     */
    public synchronized List<WorldChat> ofMember(long userId) {
        return byId.values().stream().filter(c -> c.isMember(userId)).toList();
    }

    /** @return every chat, in the order they were made */
    public synchronized List<WorldChat> all() {
        return new ArrayList<>(byId.values());
    }
}
