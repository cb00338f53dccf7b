package dev.mtproto.testkit.world.users;

import dev.mtproto.testkit.world.accounts.AccessHashes;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.accounts.PhoneNumbers;
import dev.mtproto.testkit.world.accounts.UserObjects;
import dev.mtproto.testkit.world.accounts.Usernames;
import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.tl.api.BotInfo;
import dev.mtproto.tl.api.InputUser;
import dev.mtproto.tl.api.InputUserSelf;
import dev.mtproto.tl.api.InputUserType;
import dev.mtproto.tl.api.PeerNotifySettings;
import dev.mtproto.tl.api.PeerSettings;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.UserFull;
import dev.mtproto.tl.api.contacts.ResolvePhone;
import dev.mtproto.tl.api.contacts.ResolveUsername;
import dev.mtproto.tl.api.contacts.ResolvedPeer;
import dev.mtproto.tl.api.users.GetFullUser;
import dev.mtproto.tl.api.users.GetUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Looking users up (https://core.telegram.org/api/peers): {@code users.getUsers} ({@code inputUserSelf} is
 * the caller, "getMe"), {@code users.getFullUser}, {@code contacts.resolveUsername} and
 * {@code contacts.resolvePhone}. An {@code inputUser} is taken only with the access hash the caller got for
 * that user; with any other, the call fails as its page says: {@code 400 PEER_ID_INVALID} for
 * {@code users.getUsers} (https://core.telegram.org/method/users.getUsers), {@code 400 USER_ID_INVALID} for
 * {@code users.getFullUser} (https://core.telegram.org/method/users.getFullUser).
 */
public final class UserMethods {
    private final Accounts accounts;
    private final UserObjects users;
    private final AccessHashes accessHashes;
    private final BiFunction<Account, String, Optional<ResolvedPeer>> otherUsernames;

    /**
     * @param accounts the world's accounts
     * @param users how users look
     * @param accessHashes the world's access hashes
     * @param otherUsernames resolves a username no account has (a public supergroup's or channel's) for a
     *     viewer
     */
    public UserMethods(Accounts accounts, UserObjects users, AccessHashes accessHashes,
            BiFunction<Account, String, Optional<ResolvedPeer>> otherUsernames) {
        this.accounts = accounts;
        this.users = users;
        this.accessHashes = accessHashes;
        this.otherUsernames = otherUsernames;
    }

    /** @param handlers where the world's functions go */
    public void register(WorldHandlers handlers) {
        handlers.on(GetUsers.class, this::getUsers)
                .on(GetFullUser.class, this::getFullUser)
                .on(ResolveUsername.class, this::resolveUsername)
                .on(ResolvePhone.class, this::resolvePhone);
    }

    /**
     * @param viewer the caller
     * @param input an input user
     * @return the account it names, if the caller may name it so
     */
    private Optional<Account> resolve(Account viewer, InputUserType input) {
        if (input instanceof InputUserSelf) {
            return Optional.of(viewer);
        }
        if (input instanceof InputUser u) {
            return accounts.byId(u.userId()).filter(a -> accessHashes.matches(viewer.id(), a.id(), u.accessHash()));
        }
        return Optional.empty(); // inputUserEmpty, inputUserFromMessage: the world has no messages yet
    }

    private Object getUsers(GetUsers m, Caller c) {
        Account viewer = c.account();
        List<User> out = new ArrayList<>();
        for (InputUserType input : m.id()) {
            Account target = resolve(viewer, input).orElseThrow(() -> WorldErrors.of(400, "PEER_ID_INVALID", c.call()));
            out.add(users.seenBy(viewer, target, false, c.nowSeconds()));
        }
        return out;
    }

    private Object getFullUser(GetFullUser m, Caller c) {
        Account viewer = c.account();
        Account target = resolve(viewer, m.id()).orElseThrow(() -> WorldErrors.of(400, "USER_ID_INVALID", c.call()));
        UserFull.Builder full = UserFull.builder()
                .id(target.id())
                .settings(PeerSettings.builder().build())
                .notifySettings(PeerNotifySettings.builder().build())
                .commonChatsCount(0)
                .profilePhoto(users.profilePhotos().photo(target.id()).orElse(null));
        if (target.bot()) {
            full.botInfo(BotInfo.builder().userId(target.id()).description("").commands(List.of()).build());
        }
        return new dev.mtproto.tl.api.users.UserFull(full.build(), List.of(), List.of(users.seenBy(viewer, target, false, c.nowSeconds())));
    }

    /** https://core.telegram.org/method/contacts.resolveUsername */
    private Object resolveUsername(ResolveUsername m, Caller c) {
        String username = Usernames.normalize(m.username()).orElseThrow(() -> WorldErrors.of(400, "USERNAME_INVALID", c.call()));
        Optional<Account> target = accounts.byUsername(username);
        if (target.isPresent()) {
            return resolved(c, target.get(), false);
        }
        return otherUsernames.apply(c.account(), username).orElseThrow(() -> WorldErrors.of(400, "USERNAME_NOT_OCCUPIED", c.call()));
    }

    /** https://core.telegram.org/method/contacts.resolvePhone */
    private Object resolvePhone(ResolvePhone m, Caller c) {
        Account target = PhoneNumbers.normalize(m.phone()).flatMap(accounts::byPhone)
                .orElseThrow(() -> WorldErrors.of(400, "PHONE_NOT_OCCUPIED", c.call()));
        return resolved(c, target, true);
    }

    private ResolvedPeer resolved(Caller c, Account target, boolean showPhone) {
        return new ResolvedPeer(new PeerUser(target.id()), List.of(), List.of(users.seenBy(c.account(), target, showPhone, c.nowSeconds())));
    }
}
