package dev.mtproto.testkit.world;

import dev.mtproto.testkit.CallHandler;
import dev.mtproto.testkit.TestCall;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.testkit.TestDc;
import dev.mtproto.testkit.world.accounts.AccessHashes;
import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.Accounts;
import dev.mtproto.testkit.world.accounts.UserObjects;
import dev.mtproto.testkit.world.auth.AuthorizationTransfer;
import dev.mtproto.testkit.world.auth.BotLogin;
import dev.mtproto.testkit.world.auth.LogOut;
import dev.mtproto.testkit.world.auth.LoginCodes;
import dev.mtproto.testkit.world.auth.PhoneLogin;
import dev.mtproto.testkit.world.auth.SignIns;
import dev.mtproto.testkit.world.authorizations.Authorizations;
import dev.mtproto.testkit.world.authorizations.FutureAuthTokens;
import dev.mtproto.testkit.world.bots.BotQueries;
import dev.mtproto.testkit.world.calls.AccessGate;
import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.testkit.world.files.FileControls;
import dev.mtproto.testkit.world.files.Files;
import dev.mtproto.testkit.world.flood.FloodLimits;
import dev.mtproto.testkit.world.logintokens.LoginTokenMethods;
import dev.mtproto.testkit.world.logintokens.LoginTokens;
import dev.mtproto.testkit.world.passwords.PasswordMethods;
import dev.mtproto.testkit.world.passwords.Passwords;
import dev.mtproto.testkit.world.pfs.BindTempAuthKeyMethod;
import dev.mtproto.testkit.world.users.UserMethods;
import dev.mtproto.testkit.world.chats.ChatKind;
import dev.mtproto.testkit.world.chats.WorldChat;
import dev.mtproto.testkit.world.messages.Destination;
import dev.mtproto.testkit.world.messages.Draft;
import dev.mtproto.testkit.world.messages.HistoryEntry;
import dev.mtproto.testkit.world.updates.HomeDcKeys;
import dev.mtproto.tl.api.UpdatesType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Telegram's server side as the test DCs of one {@link TestCluster} share it: accounts with phone numbers
 * and home DCs, bots with tokens, login codes, 2FA passwords checked with SRP, QR login tokens,
 * authorizations per key per DC (carried between DCs, bound to temporary keys), access hashes per viewer,
 * flood limits; basic groups, supergroups and channels with members, text messages in every member's
 * history, and the updates Telegram pushes for them, with each account's pts, qts and seq and each
 * channel's pts, answered by {@code updates.getState}, {@code updates.getDifference} and
 * {@code updates.getChannelDifference}. Every function no test scripts ({@code telegram.handlers().on(...)})
 * is answered by the world when it knows it, after the checks Telegram makes ({@link AccessGate}), and with
 * Telegram's results and errors; see {@code docs/testing.md} for the list.
 *
 * <pre>{@code
 * World world = telegram.world();
 * Account alice = world.newUser("+15550001").name("Alice").homeDc(2).password("secret").create();
 * Account bot = world.newBot("echo_bot").create();
 * String code = world.logins().code("+15550001");      // the code auth.sendCode sent
 * world.flood().limit(SendCode.class, 3, Duration.ofMinutes(1));
 * WorldChat team = world.newGroup("Team").members(alice, bot).create();
 * world.send(alice).to(team).text("hi");              // as from Alice's phone: every member gets its updates
 * world.updates().of(alice).dropNext(1);               // a gap for Alice's client to recover
 * List<HistoryEntry> expected = world.history(alice);  // what Alice must receive, in order
 * }</pre>
 *
 * <p>Thread-safe. Its time is the cluster's clock, so that a test moves time instead of sleeping.
 * {@link TestCluster#reset()} clears the rules a test set ({@link #reset()}); accounts, chats, messages,
 * authorizations and codes stay, as keys do.
 */
public final class World {
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Accounts accounts = new Accounts(random);
    private final Authorizations authorizations = new Authorizations(random);
    private final AccessHashes accessHashes = new AccessHashes(random);
    private final UserObjects users = new UserObjects(accessHashes);
    private final Passwords passwords = new Passwords(random);
    private final LoginCodes codes = new LoginCodes(random);
    private final FloodLimits flood = new FloodLimits();
    private final WorldHandlers handlers = new WorldHandlers();
    private final AccessGate gate;
    private final Conversations conversations;
    private final AccountDirectory accountDirectory;
    private final LoginControls logins;
    private final ChatDirectory chatDirectory;
    private final Files files;

    /**
     * Made by the cluster, one per cluster.
     *
     * @param cluster the DCs the world serves
     * @param clock the cluster's clock
     */
    public World(TestCluster cluster, Clock clock) {
        Objects.requireNonNull(cluster, "cluster");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gate = new AccessGate(accounts, authorizations, clock);
        HomeDcs homeDcs = new HomeDcs(cluster);
        IntPredicate dcExists = homeDcs::has;
        FutureAuthTokens futureTokens = new FutureAuthTokens(random);
        SignIns signIns = new SignIns(authorizations, futureTokens, users, id -> passwords.of(id).isPresent());
        PhoneLogin phoneLogin = new PhoneLogin(accounts, authorizations, codes, futureTokens, signIns, dcExists);
        LoginTokenMethods loginTokens = new LoginTokenMethods(accounts, new LoginTokens(random), signIns, cluster, random);
        phoneLogin.register(handlers);
        loginTokens.register(handlers);
        new BotLogin(accounts, signIns).register(handlers);
        new LogOut(authorizations, futureTokens).register(handlers);
        new AuthorizationTransfer(accounts, authorizations, signIns, dcExists, random).register(handlers);
        new PasswordMethods(accounts, authorizations, passwords, signIns).register(handlers);
        new BindTempAuthKeyMethod(authorizations).register(handlers);
        this.conversations = new Conversations(accounts, users, accessHashes,
                new HomeDcKeys(cluster, accounts, authorizations, clock), clock, handlers, random);
        new UserMethods(accounts, users, accessHashes, conversations.channelMethods::resolve).register(handlers);
        this.chatDirectory = new ChatDirectory(conversations.chats, accounts, clock);
        this.accountDirectory = new AccountDirectory(accounts, passwords, conversations.chats, homeDcs, random);
        this.logins = new LoginControls(accounts, authorizations, codes, phoneLogin, loginTokens, homeDcs, clock);
        this.files = new Files(clock, random, conversations.inputPeers, conversations.sender, conversations.scheduled, conversations.boxes,
                users, () -> cluster.cdnDc().map(TestDc::id).orElse(0), handlers);
    }

    // ------------------------------------------------------------------ accounts

    /**
     * Starts describing a person to sign up.
     *
     * @param phone the phone number, international format ({@code +15550001}, {@code 1 555 0001}, ...)
     * @return the description; {@link NewUser#create()} signs them up
     */
    public NewUser newUser(String phone) {
        return new NewUser(this, phone);
    }

    /**
     * Starts describing a bot, as BotFather makes them.
     *
     * @param username its username, ending with {@code bot}
     * @return the description; {@link NewBot#create()} makes it
     */
    public NewBot newBot(String username) {
        return new NewBot(this, username);
    }

    /** @return the world's accounts: look them up, set passwords, move them to another DC, free test numbers */
    public AccountDirectory accounts() {
        return accountDirectory;
    }

    /**
     * @return how people sign in: login codes sent and their lifetime, QR login tokens, who a key is signed in
     *     as, banned numbers, the DC for new numbers
     */
    public LoginControls logins() {
        return logins;
    }

    /** @return the flood limits tests set */
    public FloodLimits flood() {
        return flood;
    }

    // ------------------------------------------------------------------ chats, messages, updates

    /**
     * @param title the title
     * @return the description of a basic group; {@link NewChat#create()} makes it
     */
    public NewChat newGroup(String title) {
        return new NewChat(this, ChatKind.GROUP, title);
    }

    /**
     * @param title the title
     * @return the description of a supergroup ({@code channel} with {@code megagroup}); every member posts
     */
    public NewChat newSupergroup(String title) {
        return new NewChat(this, ChatKind.SUPERGROUP, title);
    }

    /**
     * @param title the title
     * @return the description of a broadcast channel ({@code channel} with {@code broadcast}); admins post
     */
    public NewChat newChannel(String title) {
        return new NewChat(this, ChatKind.CHANNEL, title);
    }

    /** @return the world's groups, supergroups and channels: look them up, add and remove members */
    public ChatDirectory chats() {
        return chatDirectory;
    }

    /**
     * @param sender a scripted user
     * @return a message it sends, as if from the official app: {@code world.send(alice).to(bot).text("hi")}
     */
    public ScriptedMessage send(Account sender) {
        return new ScriptedMessage(this, sender);
    }

    UpdatesType sendAs(Account sender, Destination to, Draft draft) {
        return conversations.sender.send(sender, to, draft, random.nextLong(), 0, (int) (clock.millis() / 1000), "messages.sendMessage");
    }

    /**
     * @param user a scripted user
     * @return what it does to messages: edit, delete, pin, forward, type, press buttons
     */
    public ScriptedUser as(Account user) {
        return new ScriptedUser(this, user, conversations.changes, conversations.botQueries, conversations.members, clock);
    }

    /**
     * @return what scripted users asked of bots (button presses, inline queries) and what the bots answered:
     *     {@code world.botQueries().callbackAnswer(queryId)}
     */
    public BotQueries botQueries() {
        return conversations.botQueries;
    }

    /**
     * Sends the scheduled messages whose date the world's clock has reached (the world also does so before
     * every call it answers).
     */
    public void deliverScheduled() {
        conversations.scheduled.deliverDue((int) (clock.millis() / 1000));
    }

    /**
     * Blocks or unblocks a user or bot, as {@code contacts.block} / {@code contacts.unblock} do: a bot gets
     * {@code updateBotStopped} with its next qts; a bot the user blocked gets {@code USER_IS_BLOCKED} when it
     * writes to them.
     *
     * @param user who blocks
     * @param target whom
     * @param blocked {@code true} to block, {@code false} to unblock
     */
    public void block(Account user, Account target, boolean blocked) {
        conversations.blocks.set(user, target, blocked, (int) (clock.millis() / 1000));
    }

    /**
     * @param count how many messages
     * @return many messages to send across chats, for soaks and benchmarks; {@link BulkMessages#send()} sends them
     */
    public BulkMessages bulk(int count) {
        return new BulkMessages(this, count);
    }

    /** @return the world's files: part retention, file references, stored documents and photos */
    public FileControls files() {
        return files.controls();
    }

    /** @return the controls of pushed updates: faults per account, state, difference limits */
    public UpdateControls updates() {
        return conversations.controls;
    }

    /**
     * @param account an account
     * @return the world's record of every message the account must receive, in the order the world made
     *     them (private chats, basic groups, and the supergroups and channels it was a member of when each
     *     message was sent): what a client delivering each update exactly once, in order, has seen once it
     *     caught up
     */
    public List<HistoryEntry> history(Account account) {
        return conversations.histories.of(account.id());
    }

    // ------------------------------------------------------------------ for the test DC

    /**
     * Answers a call as the world's Telegram does; the test DC calls it for every call. A function a test
     * scripted is answered by the script (after the flood limits); any other goes through
     * {@link AccessGate}'s checks and the flood limits to the world's handler, or, if the world does not
     * know it, {@code 400 METHOD_NOT_SCRIPTED_IN_TESTKIT_<NAME>}.
     *
     * @param call the call
     * @param script the test's script for the function, null if none
     * @return the result
     * @throws dev.mtproto.rpc.RpcException the error to answer with
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object answer(TestCall call, CallHandler<?> script) {
        long now = clock.millis();
        if (script != null) {
            flood.check(call, floodSubject(call.dcId(), call.authKeyId(), now), now);
            return ((CallHandler) script).handle(call.method(), call);
        }
        Caller caller = gate.admit(call);
        flood.check(call, floodSubject(call.dcId(), call.authKeyId(), now), now);
        conversations.scheduled.deliverDue((int) (now / 1000));
        return handlers.handle(caller);
    }

    private String floodSubject(int dcId, long authKeyId, long nowMillis) {
        long perm = authorizations.permKeyOf(dcId, authKeyId, nowMillis / 1000).orElse(authKeyId);
        return authorizations.signedIn(dcId, perm).map(s -> "account " + s.userId()).orElse("key " + dcId + "/" + perm);
    }

    /**
     * Clears the rules a test set, which must not leak into the next: push faults (what they held is sent),
     * difference limits, flood limits, the DC for new numbers, the login code lifetime. Accounts, chats,
     * messages, codes sent and who is signed in stay.
     */
    public void reset() {
        conversations.controls.reset();
        flood.clear();
        logins.reset();
        files.reset();
    }

    /** Stops the thread that pushes updates; the cluster calls it when it closes. */
    public void close() {
        conversations.close();
    }
}
