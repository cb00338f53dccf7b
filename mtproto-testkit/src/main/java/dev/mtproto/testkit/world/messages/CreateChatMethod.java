package dev.mtproto.testkit.world.messages;

import dev.mtproto.testkit.world.accounts.AccessHashes;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.testkit.world.chats.ChatKind;
import dev.mtproto.testkit.world.chats.Chats;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.tl.api.InputUser;
import dev.mtproto.tl.api.InputUserType;
import dev.mtproto.tl.api.messages.CreateChat;
import dev.mtproto.tl.api.messages.InvitedUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code messages.createChat} (https://core.telegram.org/method/messages.createChat): a basic group of the
 * caller and the users named (with the caller's access hashes); every member gets the new group as
 * {@code updates} with its seq ({@link MessageSender#announceGroup}), the caller as the result,
 * {@code messages.invitedUsers} with no missing invitees. Errors: {@code 400 CHAT_TITLE_EMPTY},
 * {@code 400 USERS_TOO_FEW}, {@code 400 USER_ID_INVALID} (an unknown user or another account's hash),
 * {@code 400 BOT_METHOD_INVALID} for bots.
 */
public final class CreateChatMethod {
    private final Accounts accounts;
    private final AccessHashes accessHashes;
    private final Chats chats;
    private final MessageSender sender;

    /**
     * @param accounts the world's accounts
     * @param accessHashes the world's access hashes
     * @param chats the world's chats
     * @param sender tells the members
     */
    public CreateChatMethod(Accounts accounts, AccessHashes accessHashes, Chats chats, MessageSender sender) {
        this.accounts = accounts;
        this.accessHashes = accessHashes;
        this.chats = chats;
        this.sender = sender;
    }

    /** @param handlers where the world's functions go */
    public void register(WorldHandlers handlers) {
        handlers.on(CreateChat.class, this::createChat);
    }

    private Object createChat(CreateChat m, Caller c) {
        Account creator = c.account();
        if (creator.bot()) {
            throw WorldErrors.of(400, "BOT_METHOD_INVALID", c.call());
        }
        if (m.title().isBlank()) {
            throw WorldErrors.of(400, "CHAT_TITLE_EMPTY", c.call());
        }
        List<Long> members = new ArrayList<>();
        for (InputUserType input : m.users()) {
            if (!(input instanceof InputUser u) || !accessHashes.matches(creator.id(), u.userId(), u.accessHash())
                    || accounts.byId(u.userId()).isEmpty()) {
                throw WorldErrors.of(400, "USER_ID_INVALID", c.call());
            }
            if (u.userId() != creator.id()) {
                members.add(u.userId());
            }
        }
        if (members.isEmpty()) {
            throw WorldErrors.of(400, "USERS_TOO_FEW", c.call());
        }
        int now = (int) c.nowSeconds();
        WorldChat chat = chats.create(ChatKind.GROUP, m.title().strip(), "", creator.id(), members, Set.of(), now);
        return new InvitedUsers(sender.announceGroup(creator, chat, c.permKeyId(), now), List.of());
    }
}
