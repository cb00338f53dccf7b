package dev.mtproto.testkit.world;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.chats.ChatKind;
import dev.mtproto.testkit.world.chats.WorldChat;
import java.util.ArrayList;
import java.util.List;

/**
 * A chat the standalone test DC makes at start, from its command line:
 * <pre>
 * --group TITLE:MEMBER[,MEMBER...]
 * --supergroup TITLE:MEMBER[,MEMBER...][,username=NAME]
 * --channel TITLE:MEMBER[,MEMBER...][,username=NAME]
 * </pre>
 * Members are accounts named by {@code @username} or {@code +phone}; the first is the creator (the only
 * admin, who alone posts in a channel). For example {@code --supergroup "Lounge:@alice,@bob,username=lounge"}.
 *
 * @param kind what to make
 * @param title its title
 * @param members the members, as named
 * @param username the public username, empty for none
 */
public record ChatSeed(ChatKind kind, String title, List<String> members, String username) {
    /**
     * Checks and copies the components.
     *
     * @param kind the kind
     * @param title the title
     * @param members the members
     * @param username the username
     */
    public ChatSeed {
        members = List.copyOf(members);
    }

    /**
     * @param kind what to make
     * @param option the option, for errors ({@code --group}, ...)
     * @param spec what follows it
     * @return the chat to make
     * @throws IllegalArgumentException naming what is wrong with the spec
     */
    public static ChatSeed parse(ChatKind kind, String option, String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException(option + " " + spec + ": give TITLE:MEMBER[,MEMBER...], e.g. \"Team:@alice,@bob\"");
        }
        List<String> members = new ArrayList<>();
        String username = "";
        for (String part : spec.substring(colon + 1).split(",", -1)) {
            String p = part.strip();
            if (p.startsWith("username=") && kind != ChatKind.GROUP) {
                username = p.substring("username=".length());
            } else if (p.startsWith("@") || p.startsWith("+")) {
                members.add(p);
            } else {
                throw new IllegalArgumentException(option + " " + spec + ": '" + p + "' is not a member (@username or +phone)"
                        + (kind == ChatKind.GROUP ? "" : " nor username=NAME"));
            }
        }
        return new ChatSeed(kind, spec.substring(0, colon).strip(), members, username);
    }

    /**
     * Makes the chat.
     *
     * @param world the world
     * @return the chat
     * @throws IllegalArgumentException if a member is no account, or the chat cannot be made (an empty title,
     *     a username taken)
     */
    public WorldChat createIn(World world) {
        NewChat chat = kind == ChatKind.GROUP ? world.newGroup(title) : kind == ChatKind.SUPERGROUP ? world.newSupergroup(title)
                : world.newChannel(title);
        for (String name : members) {
            chat.members(account(world, name));
        }
        if (!username.isEmpty()) {
            chat.username(username);
        }
        return chat.create();
    }

    /**
     * @param world the world
     * @param name {@code @username} or {@code +phone}
     * @return the account
     * @throws IllegalArgumentException if there is none
     */
    static Account account(World world, String name) {
        return (name.startsWith("@") ? world.accounts().byUsername(name) : world.accounts().byPhone(name))
                .orElseThrow(() -> new IllegalArgumentException("no account " + name + " (create it with --user or --bot)"));
    }
}
