package dev.mtproto.peers;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.store.PeerKind;
import dev.mtproto.store.StoredPeer;
import dev.mtproto.tl.api.InputChannel;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.InputPeerChannel;
import dev.mtproto.tl.api.InputPeerChat;
import dev.mtproto.tl.api.InputPeerSelf;
import dev.mtproto.tl.api.InputPeerUser;
import dev.mtproto.tl.api.InputUser;
import dev.mtproto.tl.api.Peer;
import dev.mtproto.tl.api.PeerChannel;
import dev.mtproto.tl.api.PeerChat;
import dev.mtproto.tl.api.PeerUser;
import dev.mtproto.tl.api.channels.GetChannels;
import dev.mtproto.tl.api.contacts.ResolvePhone;
import dev.mtproto.tl.api.contacts.ResolvedPeer;
import dev.mtproto.tl.api.contacts.ResolvedPeerType;
import dev.mtproto.tl.api.contacts.ResolveUsername;
import dev.mtproto.tl.api.users.GetUsers;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Turns what people write into the input peers calls need, from the {@link PeerCache} first (and the
 * session store behind it), then from Telegram: {@code contacts.resolveUsername} for usernames and t.me
 * links, {@code contacts.resolvePhone} for phone numbers, {@code users.getUsers} / {@code channels.getChannels}
 * for ids the cache lacks (which only work where Telegram accepts a zero access hash, as for bots). A peer
 * that cannot be found fails with {@link PeerNotFoundException} naming what was asked for and what was tried.
 * Basic groups need no access hash, so a chat id resolves without a call.
 */
public final class PeerResolver {
    private final MtprotoClient client;
    private final PeerCache cache;

    private PeerResolver(MtprotoClient client) {
        this.client = client;
        this.cache = client.peers();
    }

    /**
     * @param client the client whose cache and connection to use
     * @return a resolver
     */
    public static PeerResolver of(MtprotoClient client) {
        return new PeerResolver(Objects.requireNonNull(client, "client"));
    }

    /**
     * @param query {@code me}, {@code @name}, {@code name}, {@code +phone}, a t.me link, a user id or a marked id
     * @return the input peer; fails with {@link PeerNotFoundException}
     */
    public CompletableFuture<InputPeer> resolve(String query) {
        Objects.requireNonNull(query, "query");
        PeerQuery q;
        try {
            q = PeerQuery.parse(query);
        } catch (PeerNotFoundException e) {
            return CompletableFuture.failedFuture(e);
        }
        return switch (q.kind()) {
            case SELF -> CompletableFuture.completedFuture(InputPeerSelf.INSTANCE);
            case CHAT_ID -> CompletableFuture.completedFuture(new InputPeerChat(q.id()));
            case USERNAME -> cached(query, cache.findByUsername(q.username()))
                    .orElseGet(() -> fetchResolved(query, new ResolveUsername(q.username(), null), "contacts.resolveUsername"));
            case PHONE -> cached(query, cache.findByPhone(q.phone()))
                    .orElseGet(() -> fetchResolved(query, new ResolvePhone(q.phone()), "contacts.resolvePhone"));
            case USER_ID -> resolve(query, PeerKind.USER, q.id());
            case CHANNEL_ID -> resolve(query, PeerKind.CHANNEL, q.id());
        };
    }

    /**
     * @param kind user, chat or channel
     * @param id its plain id
     * @return the input peer; fails with {@link PeerNotFoundException}
     */
    public CompletableFuture<InputPeer> resolve(PeerKind kind, long id) {
        return resolve(kind + " " + id, kind, id);
    }

    private CompletableFuture<InputPeer> resolve(String query, PeerKind kind, long id) {
        if (kind == PeerKind.CHAT) {
            return CompletableFuture.completedFuture(new InputPeerChat(id));
        }
        Optional<CompletableFuture<InputPeer>> known = cached(query, cache.find(kind, id));
        if (known.isPresent()) {
            return known.get();
        }
        CompletableFuture<?> fetch = kind == PeerKind.USER
                ? client.invoke(new GetUsers(List.of(new InputUser(id, 0))))
                : client.invoke(new GetChannels(List.of(new InputChannel(id, 0))));
        return fetch.handle((r, e) -> {
            if (e != null) {
                throw notFound(query, kind == PeerKind.USER ? "users.getUsers" : "channels.getChannels", e);
            }
            return cache.find(kind, id).filter(p -> !p.min()).map(PeerResolver::input).orElseThrow(() -> new PeerNotFoundException(query,
                    "not in the cache, and Telegram did not give it for a zero access hash (the client must see it first)"));
        });
    }

    private CompletableFuture<InputPeer> fetchResolved(String query, dev.mtproto.tl.TlMethod<ResolvedPeerType> method, String name) {
        return client.invoke(method).handle((r, e) -> {
            if (e != null) {
                throw notFound(query, name, e);
            }
            Peer peer = ((ResolvedPeer) r).peer();
            PeerKind kind = peer instanceof PeerUser ? PeerKind.USER : peer instanceof PeerChat ? PeerKind.CHAT : PeerKind.CHANNEL;
            long id = peer instanceof PeerUser u ? u.userId() : peer instanceof PeerChat c ? c.chatId() : ((PeerChannel) peer).channelId();
            return cache.find(kind, id).map(PeerResolver::input)
                    .orElseThrow(() -> new PeerNotFoundException(query, name + " named " + kind + " " + id + " without sending it"));
        });
    }

    /** A cached peer, unless it is min (its hash is not usable on its own): then Telegram is asked. */
    private static Optional<CompletableFuture<InputPeer>> cached(String query, Optional<StoredPeer> peer) {
        return peer.filter(p -> !p.min()).map(p -> CompletableFuture.completedFuture(input(p)));
    }

    static InputPeer input(StoredPeer p) {
        return switch (p.kind()) {
            case USER -> new InputPeerUser(p.id(), p.accessHash());
            case CHAT -> new InputPeerChat(p.id());
            case CHANNEL -> new InputPeerChannel(p.id(), p.accessHash());
        };
    }

    private static RuntimeException notFound(String query, String method, Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof RpcException rpc && rpc.code() == 400) {
            return new PeerNotFoundException(query, method + " answered " + rpc.errorMessage(), rpc);
        }
        return cause instanceof RuntimeException r ? r : new CompletionException(cause);
    }
}
