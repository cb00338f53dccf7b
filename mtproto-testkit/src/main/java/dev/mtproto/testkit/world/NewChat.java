package dev.mtproto.testkit.world;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.ChatKind;
import dev.mtproto.testkit.world.chats.WorldChat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A group, supergroup or channel about to be made, as a test describes it:
 * {@code world.newGroup("Team").members(alice, bob).create()},
 * {@code world.newChannel("News").username("news_channel").creator(alice).members(bob, carol).create()}.
 * The creator (by default the first member) is an admin; in a broadcast channel only admins post. The chat
 * is there as if made long ago: no member gets an update for it. Not thread-safe; {@link #create} once.
 */
public final class NewChat {
    private final World world;
    private final ChatKind kind;
    private final String title;
    private Account creator;
    private final List<Account> members = new ArrayList<>();
    private final Set<Long> admins = new LinkedHashSet<>();
    private String username = "";

    NewChat(World world, ChatKind kind, String title) {
        this.world = world;
        this.kind = kind;
        this.title = Objects.requireNonNull(title, "title");
    }

    /**
     * @param account who makes the chat: a member and admin (default: the first member)
     * @return this
     */
    public NewChat creator(Account account) {
        this.creator = Objects.requireNonNull(account, "account");
        return this;
    }

    /**
     * @param accounts members, in the order they join (added to any given before)
     * @return this
     */
    public NewChat members(Account... accounts) {
        members.addAll(List.of(accounts));
        return this;
    }

    /**
     * @param accounts members who are admins (they become members too); in a broadcast channel only admins post
     * @return this
     */
    public NewChat admins(Account... accounts) {
        for (Account a : accounts) {
            admins.add(a.id());
            members.add(a);
        }
        return this;
    }

    /**
     * @param value a public username, with or without {@code @} (supergroups and channels only; default none:
     *     a private chat)
     * @return this
     * @throws IllegalStateException for a basic group, which has no username
     */
    public NewChat username(String value) {
        if (kind == ChatKind.GROUP) {
            throw new IllegalStateException("basic groups have no username; make a supergroup");
        }
        this.username = Objects.requireNonNull(value, "value");
        return this;
    }

    /**
     * Makes the chat.
     *
     * @return the chat
     * @throws IllegalArgumentException if it has no member, the title is empty, or the username is not
     *     valid or taken
     */
    public WorldChat create() {
        Account owner = creator != null ? creator : members.stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a chat needs a creator or a member"));
        List<Long> ids = members.stream().map(Account::id).toList();
        return world.chats().create(kind, title, username, owner.id(), ids, admins);
    }
}
