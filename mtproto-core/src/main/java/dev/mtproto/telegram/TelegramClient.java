package dev.mtproto.telegram;

import dev.mtproto.auth.Authenticator;
import dev.mtproto.auth.LoginFlow;
import dev.mtproto.client.ClientConfig;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.files.FileTransfers;
import dev.mtproto.files.TransferSettings;
import dev.mtproto.peers.PeerResolver;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.updates.UpdateEngine;
import dev.mtproto.updates.UpdateEngineConfig;
import dev.mtproto.updates.UpdateEngineEvent;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The everyday face of the library: sign in, handle typed updates, send and act on messages, in a few
 * lines; the raw generated API is always one call away ({@link #raw()}).
 *
 * <pre>{@code
 * try (TelegramClient bot = TelegramClient.create(config)) {
 *     bot.onMessage(m -> {
 *         if (m.chat().kind() == ChatKind.PRIVATE && !m.outgoing()) {
 *             m.reply(m.text());
 *         }
 *     });
 *     bot.onCallbackQuery(q -> q.answer("got " + q.dataString(), false));
 *     bot.startBot(token).join();
 * }
 * }</pre>
 *
 * <p>Handlers run on the update engine's workers: one chat's updates one after another, different chats'
 * concurrently (see {@link UpdateEngine}). Thread-safe.
 */
public final class TelegramClient implements AutoCloseable {
    private final MtprotoClient client;
    private final UpdateEngine engine;
    private final PeerResolver peers;
    private final ChatActions actions;
    private final dev.mtproto.telegram.media.TelegramMedia media;
    private final java.security.SecureRandom random = new java.security.SecureRandom();
    private final List<Consumer<TelegramUpdate>> handlers = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    private TelegramClient(MtprotoClient client, UpdateEngineConfig updates, TransferSettings transfers) {
        this.client = client;
        this.engine = UpdateEngine.create(client, updates);
        this.peers = PeerResolver.of(client);
        this.actions = new ChatActions(client, peers, this::randomId);
        this.media = dev.mtproto.telegram.media.TelegramMedia.of(this, FileTransfers.create(client, transfers));
        engine.addHandler(in -> {
            TelegramUpdate typed = TypedUpdates.of(in, this);
            for (Consumer<TelegramUpdate> h : handlers) {
                h.accept(typed);
            }
        });
    }

    /**
     * @param config the client's configuration (API id and hash, session store, DCs...)
     * @return a client with the update engine's defaults; not connected yet
     */
    public static TelegramClient create(ClientConfig config) {
        return create(config, UpdateEngineConfig.defaults());
    }

    /**
     * @param config the client's configuration
     * @param updates how updates are handled
     * @return a client; not connected yet
     */
    public static TelegramClient create(ClientConfig config, UpdateEngineConfig updates) {
        return create(config, updates, TransferSettings.defaults());
    }

    /**
     * @param config the client's configuration
     * @param updates how updates are handled
     * @param transfers how {@link #media()} uploads and downloads (parts in flight, connections per DC, retries)
     * @return a client; not connected yet
     */
    public static TelegramClient create(ClientConfig config, UpdateEngineConfig updates, TransferSettings transfers) {
        return new TelegramClient(MtprotoClient.create(Objects.requireNonNull(config, "config")), Objects.requireNonNull(updates, "updates"),
                Objects.requireNonNull(transfers, "transfers"));
    }

    /**
     * Signs in as a bot unless the session store says the client already is, then starts receiving updates.
     *
     * @param token the bot's token from @BotFather
     * @return completes once what was missed since the last run is delivered; fails with
     *     {@link dev.mtproto.auth.LoginException} for a bad token
     */
    public CompletableFuture<Void> startBot(String token) {
        CompletableFuture<?> signedIn = client.signedInUserId().isPresent() ? CompletableFuture.completedFuture(null)
                : Authenticator.of(client).signInBot(token);
        return signedIn.thenCompose(x -> engine.start());
    }

    /**
     * Signs in as a person through the flow (phone, code, password) unless already signed in, then starts
     * receiving updates.
     *
     * @param flow supplies the phone number, code and password
     * @return completes once what was missed since the last run is delivered
     */
    public CompletableFuture<Void> start(LoginFlow flow) {
        CompletableFuture<?> signedIn = client.signedInUserId().isPresent() ? CompletableFuture.completedFuture(null)
                : Authenticator.of(client).signIn(flow);
        return signedIn.thenCompose(x -> engine.start());
    }

    /** @param handler receives every update, typed */
    public void onUpdate(Consumer<TelegramUpdate> handler) {
        handlers.add(Objects.requireNonNull(handler, "handler"));
    }

    /** @param handler receives every new message, the account's own included (see {@link MessageView#outgoing()}) */
    public void onMessage(Consumer<MessageView> handler) {
        on(TelegramUpdate.NewMessage.class, TelegramUpdate.NewMessage::message, handler);
    }

    /** @param handler receives every edited message */
    public void onEditedMessage(Consumer<MessageView> handler) {
        on(TelegramUpdate.EditedMessage.class, TelegramUpdate.EditedMessage::message, handler);
    }

    /** @param handler receives every press of the bot's inline buttons */
    public void onCallbackQuery(Consumer<CallbackQueryView> handler) {
        on(TelegramUpdate.CallbackQuery.class, TelegramUpdate.CallbackQuery::query, handler);
    }

    /** @param handler receives every inline query to the bot */
    public void onInlineQuery(Consumer<InlineQueryView> handler) {
        on(TelegramUpdate.InlineQuery.class, TelegramUpdate.InlineQuery::query, handler);
    }

    /** @param handler receives every inline result of the bot a user chose (with inline feedback on in @BotFather) */
    public void onChosenInlineResult(Consumer<ChosenInlineResultView> handler) {
        on(TelegramUpdate.ChosenInlineResult.class, TelegramUpdate.ChosenInlineResult::result, handler);
    }

    /** @param handler receives every change of a chat's members the bot is told about (see {@link TelegramUpdate.MemberChange}) */
    public void onMemberChange(Consumer<TelegramUpdate.MemberChange> handler) {
        on(TelegramUpdate.MemberChange.class, m -> m, handler);
    }

    /** @param handler receives every change of reactions on messages the account sees (see {@link TelegramUpdate.Reactions}) */
    public void onReactions(Consumer<TelegramUpdate.Reactions> handler) {
        on(TelegramUpdate.Reactions.class, r -> r, handler);
    }

    /** @param handler told when the account's messages were read, or it read a chat on another device */
    public void onReadReceipt(Consumer<TelegramUpdate.ReadReceipt> handler) {
        on(TelegramUpdate.ReadReceipt.class, r -> r, handler);
    }

    private <U extends TelegramUpdate, V> void on(Class<U> type, java.util.function.Function<U, V> view, Consumer<V> handler) {
        Objects.requireNonNull(handler, "handler");
        onUpdate(u -> {
            if (type.isInstance(u)) {
                handler.accept(view.apply(type.cast(u)));
            }
        });
    }

    /** @param listener told about gaps recovered, losses, the end of the catch-up, failing handlers */
    public void onEngineEvent(Consumer<UpdateEngineEvent> listener) {
        engine.addEventListener(listener);
    }

    /**
     * @param chat a chat
     * @return a conversation in it: send, then wait for the answer (see {@link Conversation})
     */
    public Conversation conversation(ChatRef chat) {
        return new Conversation(this, Objects.requireNonNull(chat, "chat"), engine, client.config().resources().callbacks());
    }

    /**
     * @param chat where to send
     * @return a message to fill in and {@link OutgoingMessage#send()}
     */
    public OutgoingMessage message(ChatRef chat) {
        Objects.requireNonNull(chat, "chat");
        return new OutgoingMessage(this, () -> actions.inputPeer(chat));
    }

    /**
     * @param peer where to send, as people write it: {@code @name}, {@code +phone}, a t.me link, an id
     * @return a message to fill in and send; it fails with {@link dev.mtproto.peers.PeerNotFoundException}
     *     if the peer cannot be resolved
     */
    public OutgoingMessage message(String peer) {
        Objects.requireNonNull(peer, "peer");
        return new OutgoingMessage(this, () -> peers.resolve(peer));
    }

    /**
     * @param peer where to send ({@code @name}, {@code +phone}, an id...)
     * @param text the text
     * @return the message sent
     */
    public CompletableFuture<SentMessage> sendMessage(String peer, String text) {
        return message(peer).text(text).send();
    }

    /** Edits a message's text. @param chat its chat @param messageId it @param text the new text @return completes when done */
    public CompletableFuture<Void> editMessage(ChatRef chat, int messageId, String text) {
        return actions.edit(chat, messageId, text);
    }

    /** @param chat their chat @param ids the messages @param forEveryone also for the others @return completes when done */
    public CompletableFuture<Void> deleteMessages(ChatRef chat, List<Integer> ids, boolean forEveryone) {
        return actions.delete(chat, ids, forEveryone);
    }

    /** @param from their chat @param ids the messages @param to where to forward @return completes when done */
    public CompletableFuture<Void> forwardMessages(ChatRef from, List<Integer> ids, ChatRef to) {
        return actions.forward(from, ids, to);
    }

    /** @param chat its chat @param messageId it @param emoji the reaction, empty to remove @return completes when done */
    public CompletableFuture<Void> react(ChatRef chat, int messageId, String emoji) {
        return actions.react(chat, messageId, emoji);
    }

    /** @param chat its chat @param messageId it @param silent without notifying @return completes when pinned */
    public CompletableFuture<Void> pin(ChatRef chat, int messageId, boolean silent) {
        return actions.pin(chat, messageId, silent, false);
    }

    /** @param chat its chat @param messageId it @return completes when unpinned */
    public CompletableFuture<Void> unpin(ChatRef chat, int messageId) {
        return actions.pin(chat, messageId, true, true);
    }

    /** @param chat where to show "typing…" (for about 5 s, or until a message is sent) @return completes when sent */
    public CompletableFuture<Void> typing(ChatRef chat) {
        return actions.typing(chat);
    }

    /** @param chat the chat @param maxId the last message read @return completes when acknowledged */
    public CompletableFuture<Void> markRead(ChatRef chat, int maxId) {
        return actions.markRead(chat, maxId);
    }

    /**
     * A chat's messages, newest first, fetched 100 at a time with {@code messages.getHistory} as the stream is
     * consumed ({@code history(chat).limit(10)} fetches one page). Consuming it blocks the thread while a page is
     * fetched: not on an I/O thread, and not inside a handler that must stay quick. It ends early once the client
     * is stopped.
     *
     * @param chat the chat
     * @return its history (service messages left out)
     * @throws java.util.concurrent.CompletionException wrapping {@link dev.mtproto.peers.PeerNotFoundException} or
     *     an {@link dev.mtproto.rpc.RpcException} ({@code BOT_METHOD_INVALID}...), from the consuming operation
     */
    public Stream<MessageView> history(ChatRef chat) {
        return MessageStreams.history(this, actions, Objects.requireNonNull(chat, "chat"));
    }

    /**
     * The chat's messages whose text matches the query (each word of it starts a word of the text), newest first,
     * fetched 100 at a time with {@code messages.search} as the stream is consumed, like {@link #history}.
     *
     * @param chat the chat
     * @param query the words to find; blank is Telegram's {@code SEARCH_QUERY_EMPTY}
     * @return the messages found
     * @throws java.util.concurrent.CompletionException wrapping an {@link dev.mtproto.rpc.RpcException} or
     *     {@link dev.mtproto.peers.PeerNotFoundException}, from the consuming operation
     */
    public Stream<MessageView> search(ChatRef chat, String query) {
        return search(chat, query, OptionalLong.empty());
    }

    /**
     * As {@link #search(ChatRef, String)}, only the messages one user sent.
     *
     * @param chat the chat
     * @param query the words to find; may be empty here, to list all the user's messages
     * @param fromUserId the sender, empty for anyone
     * @return the messages found
     */
    public Stream<MessageView> search(ChatRef chat, String query, OptionalLong fromUserId) {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(query, "query");
        return MessageStreams.search(this, actions, chat, query, Objects.requireNonNull(fromUserId, "fromUserId"));
    }

    /**
     * The messages of all the account's chats (private chats, groups, supergroups and channels it is in) whose
     * text matches the query, newest first, fetched 100 at a time with {@code messages.searchGlobal}, each page
     * after the last message of the one before ({@code next_rate}, its chat and id). People only: Telegram
     * refuses it to bots ({@code BOT_METHOD_INVALID}).
     *
     * @param query the words to find
     * @return the messages found
     */
    public Stream<MessageView> searchGlobal(String query) {
        return MessageStreams.searchGlobal(this, Objects.requireNonNull(query, "query"));
    }

    /**
     * A group's, supergroup's or channel's members: a basic group's from {@code messages.getFullChat} at once, a
     * supergroup's or channel's 200 at a time with {@code channels.getParticipants} (most recent first) as the
     * stream is consumed. Telegram answers {@code CHAT_ADMIN_REQUIRED} to non-admins of broadcast channels.
     *
     * @param chat a group, supergroup or channel
     * @return its members
     * @throws IllegalArgumentException for a private chat, from the consuming operation
     */
    public Stream<ParticipantView> participants(ChatRef chat) {
        Objects.requireNonNull(chat, "chat");
        return Pages.stream(this, () -> new ParticipantPages(this, chat));
    }

    /**
     * The account's chat list, newest first, fetched 100 at a time as the stream is consumed (people only:
     * Telegram refuses it to bots with {@code BOT_METHOD_INVALID}). Consuming it blocks while a page is fetched.
     *
     * @return the dialogs
     */
    public Stream<DialogView> dialogs() {
        return Pages.stream(this, () -> new DialogPages(this));
    }

    /**
     * @param peer as people write it
     * @return the input peer; fails with {@link dev.mtproto.peers.PeerNotFoundException}
     */
    public CompletableFuture<InputPeer> resolve(String peer) {
        return peers.resolve(peer);
    }

    /** @return the raw client, for any generated function ({@code raw().invoke(...)}) */
    public MtprotoClient raw() {
        return client;
    }

    /** @return the update engine */
    public UpdateEngine engine() {
        return engine;
    }

    /** @return files: send photos, documents and albums, download any message's media and profile photos (docs/files.md) */
    public dev.mtproto.telegram.media.TelegramMedia media() {
        return media;
    }

    /** @return whether {@link #stop} was called: paged streams end */
    boolean stopped() {
        return stopped;
    }

    long randomId() {
        return random.nextLong();
    }

    /** @param userId a user's id @return their input user for a mention, from the peer cache, or null if the client never saw them */
    public dev.mtproto.tl.api.InputUserType inputUser(long userId) {
        return client.peers().find(dev.mtproto.store.PeerKind.USER, userId).filter(p -> !p.min())
                .map(p -> (dev.mtproto.tl.api.InputUserType) new dev.mtproto.tl.api.InputUser(p.id(), p.accessHash())).orElse(null);
    }

    CompletableFuture<InputPeer> inputPeer(ChatRef chat) {
        return actions.inputPeer(chat);
    }

    /**
     * Stops: handlers finish what is queued (up to {@code grace}), the state is stored, the connections close.
     *
     * @param grace how long to wait for the handlers
     * @return completes when stopped
     */
    public CompletableFuture<Void> stop(Duration grace) {
        stopped = true;
        return engine.stop(grace).thenRun(media::close).thenRun(client::close);
    }

    /** Stops, waiting up to five seconds for the handlers. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(5)).join();
    }
}
