package dev.mtproto.testkit.world.auth;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.tl.api.auth.ImportBotAuthorization;

/**
 * Signing a bot in with its token (https://core.telegram.org/api/bots): {@code auth.importBotAuthorization}.
 * A token that is not a bot's is {@code 400 ACCESS_TOKEN_INVALID}
 * (https://core.telegram.org/method/auth.importBotAuthorization); a bot that lives on another DC gets
 * {@code 303 USER_MIGRATE_X}, as Telegram answers bots.
 */
public final class BotLogin {
    private final Accounts accounts;
    private final SignIns signIns;

    /**
     * @param accounts the world's accounts
     * @param signIns how a key signs in
     */
    public BotLogin(Accounts accounts, SignIns signIns) {
        this.accounts = accounts;
        this.signIns = signIns;
    }

    /** @param handlers where the world's functions go */
    public void register(WorldHandlers handlers) {
        handlers.on(ImportBotAuthorization.class, this::importBotAuthorization);
    }

    private Object importBotAuthorization(ImportBotAuthorization m, Caller c) {
        AppCredentials.check(m.apiId(), m.apiHash(), c.call());
        Account bot = accounts.byBotToken(m.botAuthToken()).orElseThrow(() -> WorldErrors.of(400, "ACCESS_TOKEN_INVALID", c.call()));
        if (bot.homeDc() != c.dcId()) {
            throw WorldErrors.of(303, "USER_MIGRATE_" + bot.homeDc(), c.call());
        }
        return signIns.signIn(c, bot, m.apiId());
    }
}
