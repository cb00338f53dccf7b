package dev.mtproto.testkit.world;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.chats.ChatKind;
import dev.mtproto.testkit.world.chats.Chats;
import dev.mtproto.testkit.world.chats.WorldChat;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The world's groups, supergroups and channels, for tests: {@code world.chats().byUsername("news")},
 * {@code world.chats().addMembers(group, carol)}. Changes are quiet (no member gets an update for them),
 * as if made long ago. Thread-safe.
 */
public final class ChatDirectory {
    private final Chats chats;
    private final Accounts accounts;
    private final Clock clock;

    ChatDirectory(Chats chats, Accounts accounts, Clock clock) {
        this.chats = chats;
        this.accounts = accounts;
        this.clock = clock;
    }

    WorldChat create(ChatKind kind, String title, String username, long creatorId, List<Long> members, Set<Long> admins) {
        String u = AccountDirectory.validUsername(username);
        if (!u.isEmpty() && accounts.byUsername(u).isPresent()) {
            throw new IllegalArgumentException("the username @" + u + " is taken by an account");
        }
        for (long id : members) {
            accounts.byId(id).orElseThrow(() -> new IllegalArgumentException("no account with id " + id));
        }
        return chats.create(kind, title, u, creatorId, members, admins, (int) (clock.millis() / 1000));
    }

    /**
     * @param id a chat's or channel's id
     * @return the chat as it is now
     */
    public Optional<WorldChat> byId(long id) {
        return chats.byId(id);
    }

    /**
     * @param username a public supergroup's or channel's username, with or without {@code @}
     * @return the chat
     */
    public Optional<WorldChat> byUsername(String username) {
        return chats.byUsername(username);
    }

    /** @return every chat, in the order they were made */
    public List<WorldChat> all() {
        return chats.all();
    }

    /**
     * Adds members; they get the chat's messages from now on.
     *
     * @param chat the chat
     * @param members who joins
     * @return the chat as it is now
     */
    public WorldChat addMembers(WorldChat chat, Account... members) {
        return chats.addMembers(chat.id(), Arrays.stream(members).map(Account::id).toList());
    }

    /**
     * Removes a member; it gets no more of the chat's messages, and a private channel answers it
     * {@code 406 CHANNEL_PRIVATE}.
     *
     * @param chat the chat
     * @param member who leaves
     * @return the chat as it is now
     */
    public WorldChat removeMember(WorldChat chat, Account member) {
        return chats.removeMember(chat.id(), member.id());
    }
}
