package dev.mtproto.peers;

import dev.mtproto.store.PeerKind;
import dev.mtproto.store.SessionStore;
import dev.mtproto.store.StoredPeer;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlObjects;
import dev.mtproto.tl.api.Channel;
import dev.mtproto.tl.api.ChannelForbidden;
import dev.mtproto.tl.api.Chat;
import dev.mtproto.tl.api.ChatForbidden;
import dev.mtproto.tl.api.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The access hashes of every user, chat and channel a client has seen (https://core.telegram.org/api/peers):
 * fed by every answer and update ({@link #absorb} walks the whole object for {@code user}, {@code chat},
 * {@code chatForbidden}, {@code channel}, {@code channelForbidden}), with Telegram's rule for {@code min}
 * objects (https://core.telegram.org/api/min): they never replace a full access hash. What changed is written
 * to the session store in batches ({@link #flush}); what the cache does not hold is looked up there.
 * Thread-safe.
 */
public final class PeerCache {
    private final SessionStore store;
    private final Executor writes;
    private final Map<Key, StoredPeer> peers = new ConcurrentHashMap<>();
    private final Map<String, Key> byUsername = new ConcurrentHashMap<>();
    private final Map<String, Key> byPhone = new ConcurrentHashMap<>();
    private final Map<Key, StoredPeer> dirty = new ConcurrentHashMap<>();

    private record Key(PeerKind kind, long id) {
    }

    /**
     * @param store where peers are kept between runs
     * @param writes where store writes run (one at a time, off the caller's thread)
     */
    public PeerCache(SessionStore store, Executor writes) {
        this.store = Objects.requireNonNull(store, "store");
        this.writes = Objects.requireNonNull(writes, "writes");
    }

    /**
     * Takes in every peer an answer or update holds.
     *
     * @param object any TL object (an answer, an {@code Updates}, a vector's element)
     */
    public void absorb(TlObject object) {
        TlObjects.walk(object, o -> {
            StoredPeer p = toStored(o);
            if (p != null) {
                put(p);
            }
        });
    }

    /** @return the peer as the store's record, for the objects that name one; else null */
    static StoredPeer toStored(TlObject o) {
        if (o instanceof User u) {
            return new StoredPeer(PeerKind.USER, u.id(), u.accessHash() == null ? 0 : u.accessHash(), u.min(), u.username(), u.phone(), u.bot());
        } else if (o instanceof Chat c) {
            return StoredPeer.chat(c.id());
        } else if (o instanceof ChatForbidden c) {
            return StoredPeer.chat(c.id());
        } else if (o instanceof Channel c) {
            return new StoredPeer(PeerKind.CHANNEL, c.id(), c.accessHash() == null ? 0 : c.accessHash(), c.min(), c.username(), null, false);
        } else if (o instanceof ChannelForbidden c) {
            return StoredPeer.channel(c.id(), c.accessHash(), null);
        }
        return null;
    }

    private void put(StoredPeer incoming) {
        Key key = new Key(incoming.kind(), incoming.id());
        StoredPeer merged = peers.compute(key, (k, old) -> old == null ? incoming : incoming.mergedOver(old));
        if (merged.username() != null) {
            byUsername.put(merged.username(), key);
        }
        if (merged.phone() != null) {
            byPhone.put(merged.phone(), key);
        }
        dirty.put(key, merged);
    }

    /**
     * @param kind user, chat or channel
     * @param id its id
     * @return what the cache (or, failing it, the store) knows of it
     */
    public Optional<StoredPeer> find(PeerKind kind, long id) {
        StoredPeer p = peers.get(new Key(kind, id));
        if (p != null) {
            return Optional.of(p);
        }
        Optional<StoredPeer> stored = store.loadPeer(kind, id);
        stored.ifPresent(s -> peers.putIfAbsent(new Key(kind, id), s));
        return stored;
    }

    /**
     * @param username a username, with or without {@code @}, any case
     * @return the peer that has it, as far as the cache or the store knows
     * @throws IllegalArgumentException if it is not a username (letters, digits, underscores)
     */
    public Optional<StoredPeer> findByUsername(String username) {
        String normal = StoredPeer.normalizeUsername(username);
        Key key = byUsername.get(normal);
        if (key != null) {
            return Optional.ofNullable(peers.get(key));
        }
        return store.findPeerByUsername(normal);
    }

    /**
     * @param phone a phone number, with or without {@code +} and spaces
     * @return the user that has it, as far as the cache or the store knows
     */
    public Optional<StoredPeer> findByPhone(String phone) {
        String digits = phone.replaceAll("[+\\s]", "");
        Key key = byPhone.get(digits);
        if (key != null) {
            return Optional.ofNullable(peers.get(key));
        }
        return store.findPeerByPhone(digits);
    }

    /** @return how many peers the cache holds in memory */
    public int size() {
        return peers.size();
    }

    /** Writes what changed since the last flush to the store, off the calling thread. */
    public void flush() {
        if (dirty.isEmpty()) {
            return;
        }
        List<StoredPeer> batch = new ArrayList<>();
        for (Key k : List.copyOf(dirty.keySet())) {
            StoredPeer p = dirty.remove(k);
            if (p != null) {
                batch.add(p);
            }
        }
        if (!batch.isEmpty()) {
            writes.execute(() -> store.savePeers(batch));
        }
    }
}
