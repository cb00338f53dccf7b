package dev.mtproto.testkit.world;

import dev.mtproto.testkit.world.accounts.Account;
import java.util.Objects;

/**
 * A bot about to be made, as BotFather makes them: {@code world.newBot("echo_bot").homeDc(2).create().botToken()}.
 * Not thread-safe; {@link #create} once.
 */
public final class NewBot {
    private final World world;
    private final String username;
    private String name;
    private int homeDc;
    private String token;

    NewBot(World world, String username) {
        this.world = world;
        this.username = Objects.requireNonNull(username, "username");
    }

    /**
     * @param value the bot's name (default its username)
     * @return this
     */
    public NewBot name(String value) {
        this.name = Objects.requireNonNull(value, "value");
        return this;
    }

    /**
     * @param dc the DC the bot lives on (default: the world places accounts on its DCs in turn)
     * @return this
     */
    public NewBot homeDc(int dc) {
        this.homeDc = dc;
        return this;
    }

    /**
     * @param value a fixed token {@code id:secret}, so that a bot keeps its token across runs (default a new one)
     * @return this
     */
    public NewBot token(String value) {
        this.token = Objects.requireNonNull(value, "value");
        return this;
    }

    /**
     * Makes the bot.
     *
     * @return the bot; {@link Account#botToken()} is its token
     * @throws IllegalArgumentException if the username is not valid, taken or does not end with {@code bot},
     *     the token does not have the form {@code id:secret} or its id is taken, or the DC is not one of the
     *     cluster's
     */
    public Account create() {
        return world.accounts().createBot(username, name, homeDc, token);
    }
}
