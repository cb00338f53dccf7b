package dev.mtproto.testkit.world.authorizations;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which keys are signed in as which account on each DC, as Telegram keeps them (one authorization per
 * permanent key per DC, https://core.telegram.org/api/auth#we-are-authorized); which keys wait for a 2FA
 * password; and which temporary key is bound to which permanent key (https://core.telegram.org/api/pfs).
 * Thread-safe: every method holds the registry's lock.
 */
public final class Authorizations {
    private record KeyOnDc(int dcId, long keyId) {
    }

    private record Binding(long permKeyId, long expiresAt) {
    }

    private final Map<KeyOnDc, SignedIn> signedIn = new HashMap<>();
    private final Map<KeyOnDc, PendingPassword> pending = new HashMap<>();
    private final Map<KeyOnDc, Binding> bindings = new HashMap<>();
    private final Map<KeyOnDc, Long> boundTemp = new HashMap<>();
    private final SecureRandom random;

    /** @param random where authorization hashes come from */
    public Authorizations(SecureRandom random) {
        this.random = random;
    }

    /**
     * Signs a permanent key in (replacing what it was signed in as) and ends any wait for a password.
     *
     * @param dcId the DC
     * @param permKeyId the key
     * @param userId the account
     * @param apiId the client's api_id
     * @param nowSeconds the world's time
     * @return the new authorization
     */
    public synchronized SignedIn signIn(int dcId, long permKeyId, long userId, int apiId, long nowSeconds) {
        return put(new SignedIn(random.nextLong(), userId, dcId, permKeyId, false, apiId, nowSeconds));
    }

    /**
     * Signs a key in with an authorization exported from another DC.
     *
     * @param dcId the DC importing it
     * @param permKeyId the key
     * @param origin the authorization exported
     * @param nowSeconds the world's time
     * @return the imported authorization, sharing the origin's hash
     */
    public synchronized SignedIn importTo(int dcId, long permKeyId, SignedIn origin, long nowSeconds) {
        return put(new SignedIn(origin.hash(), origin.userId(), dcId, permKeyId, true, origin.apiId(), nowSeconds));
    }

    private SignedIn put(SignedIn s) {
        KeyOnDc key = new KeyOnDc(s.dcId(), s.permKeyId());
        signedIn.put(key, s);
        pending.remove(key);
        return s;
    }

    /**
     * @param dcId a DC
     * @param permKeyId a permanent key
     * @return what the key is signed in as there
     */
    public synchronized Optional<SignedIn> signedIn(int dcId, long permKeyId) {
        return Optional.ofNullable(signedIn.get(new KeyOnDc(dcId, permKeyId)));
    }

    /**
     * Logs an authorization out: the key that signed in and every key that imported it.
     *
     * @param hash the authorization
     * @return how many keys it signed out
     */
    public synchronized int logOut(long hash) {
        int before = signedIn.size();
        signedIn.values().removeIf(s -> s.hash() == hash);
        return before - signedIn.size();
    }

    /**
     * @param userId an account
     * @return every key signed in as it, on every DC
     */
    public synchronized List<SignedIn> ofUser(long userId) {
        List<SignedIn> out = new ArrayList<>();
        signedIn.values().stream().filter(s -> s.userId() == userId).forEach(out::add);
        return out;
    }

    /**
     * Remembers that a key proved the code of an account with a 2FA password.
     *
     * @param dcId the DC
     * @param permKeyId the key
     * @param wait the account and the client's api_id
     */
    public synchronized void awaitPassword(int dcId, long permKeyId, PendingPassword wait) {
        pending.put(new KeyOnDc(dcId, permKeyId), wait);
    }

    /**
     * @param dcId a DC
     * @param permKeyId a permanent key
     * @return the account whose password the key must give, if it must
     */
    public synchronized Optional<PendingPassword> pendingPassword(int dcId, long permKeyId) {
        return Optional.ofNullable(pending.get(new KeyOnDc(dcId, permKeyId)));
    }

    /**
     * Binds a temporary key to a permanent one; a temporary key the permanent one was bound to before is
     * let go, as each permanent key has one temporary key at a time.
     *
     * @param dcId the DC
     * @param tempKeyId the temporary key
     * @param permKeyId the permanent key
     * @param expiresAt when the binding ends, in Unix seconds
     * @return {@code false} (and nothing changed) if the temporary key is bound to another permanent key
     */
    public synchronized boolean bind(int dcId, long tempKeyId, long permKeyId, long expiresAt) {
        KeyOnDc temp = new KeyOnDc(dcId, tempKeyId);
        Binding existing = bindings.get(temp);
        if (existing != null && existing.permKeyId() != permKeyId) {
            return false;
        }
        Long previous = boundTemp.put(new KeyOnDc(dcId, permKeyId), tempKeyId);
        if (previous != null && previous != tempKeyId) {
            bindings.remove(new KeyOnDc(dcId, previous));
        }
        bindings.put(temp, new Binding(permKeyId, expiresAt));
        return true;
    }

    /**
     * @param dcId a DC
     * @param permKeyId a permanent key
     * @param nowSeconds the world's time
     * @return the temporary key bound to it, if one is and the binding has not expired
     */
    public synchronized OptionalLong tempKeyOf(int dcId, long permKeyId, long nowSeconds) {
        Long temp = boundTemp.get(new KeyOnDc(dcId, permKeyId));
        if (temp == null) {
            return OptionalLong.empty();
        }
        Binding b = bindings.get(new KeyOnDc(dcId, temp));
        return b == null || b.permKeyId() != permKeyId || nowSeconds >= b.expiresAt() ? OptionalLong.empty() : OptionalLong.of(temp);
    }

    /**
     * @param dcId a DC
     * @param tempKeyId a temporary key
     * @param nowSeconds the world's time
     * @return the permanent key it is bound to, if it is bound and the binding has not expired
     */
    public synchronized OptionalLong permKeyOf(int dcId, long tempKeyId, long nowSeconds) {
        Binding b = bindings.get(new KeyOnDc(dcId, tempKeyId));
        return b == null || nowSeconds >= b.expiresAt() ? OptionalLong.empty() : OptionalLong.of(b.permKeyId());
    }
}
