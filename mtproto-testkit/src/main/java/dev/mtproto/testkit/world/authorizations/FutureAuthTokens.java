package dev.mtproto.testkit.world.authorizations;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Future auth tokens (https://core.telegram.org/api/auth#future-auth-tokens): each sign-in and each
 * {@code auth.logOut} hands the client one; {@code auth.sendCode} with it in
 * {@code codeSettings.logout_tokens} signs the account in again without a code. A token is good for
 * {@link #LIFETIME_SECONDS}; an account keeps its last {@link #KEPT_PER_ACCOUNT}. Thread-safe.
 */
public final class FutureAuthTokens {
    /** How long a token can be used. */
    public static final long LIFETIME_SECONDS = 365L * 24 * 3600;
    /** How many tokens an account keeps (a client keeps at most 20, the docs say). */
    public static final int KEPT_PER_ACCOUNT = 20;
    private static final int SIZE = 32;

    private record Token(long userId, long expiresAt) {
    }

    private final Map<String, Token> tokens = new HashMap<>();
    private final Map<Long, ArrayDeque<String>> byUser = new HashMap<>();
    private final SecureRandom random;

    /** @param random where tokens come from */
    public FutureAuthTokens(SecureRandom random) {
        this.random = random;
    }

    /**
     * @param userId the account
     * @param nowSeconds the world's time
     * @return a new token for it
     */
    public synchronized byte[] issue(long userId, long nowSeconds) {
        byte[] token = new byte[SIZE];
        random.nextBytes(token);
        String key = HexFormat.of().formatHex(token);
        tokens.put(key, new Token(userId, nowSeconds + LIFETIME_SECONDS));
        ArrayDeque<String> own = byUser.computeIfAbsent(userId, k -> new ArrayDeque<>());
        own.addLast(key);
        while (own.size() > KEPT_PER_ACCOUNT) {
            tokens.remove(own.removeFirst());
        }
        return token;
    }

    /**
     * @param logoutTokens what the client sent in {@code codeSettings.logout_tokens}, may be null
     * @param userIds the accounts the number could sign in as
     * @param nowSeconds the world's time
     * @return the account a valid token among them is for
     */
    public synchronized OptionalLong match(List<byte[]> logoutTokens, Set<Long> userIds, long nowSeconds) {
        if (logoutTokens == null) {
            return OptionalLong.empty();
        }
        Set<String> given = new HashSet<>();
        logoutTokens.forEach(t -> given.add(HexFormat.of().formatHex(t)));
        for (String key : given) {
            Token t = tokens.get(key);
            if (t != null && nowSeconds < t.expiresAt() && userIds.contains(t.userId())) {
                return OptionalLong.of(t.userId());
            }
        }
        return OptionalLong.empty();
    }
}
