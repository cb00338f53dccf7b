package dev.mtproto.testkit.world.logintokens;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The QR login tokens of the world (https://core.telegram.org/api/qr-login): tokens exported by keys that
 * want to sign in, valid for {@link #LIFETIME_SECONDS} ("usually 30 seconds"), accepted once by a signed-in
 * account; and the tokens {@code auth.loginTokenMigrateTo} hands out for the account's home DC. Thread-safe.
 */
public final class LoginTokens {
    /** How long an exported token can be accepted, and a migration token imported. */
    public static final long LIFETIME_SECONDS = 30;
    private static final int SIZE = 32;

    /**
     * A token a key exported.
     *
     * @param dcId the DC it was exported on
     * @param rawKeyId the key that asked for it (a temporary key's own id), whose sessions get {@code updateLoginToken}
     * @param permKeyId the permanent key that signs in
     * @param apiId the app that asked
     * @param expiresAt when it expires, Unix seconds
     * @param acceptedBy the account that accepted it, 0 while none has
     */
    public record Exported(int dcId, long rawKeyId, long permKeyId, int apiId, long expiresAt, long acceptedBy) {
        Exported accepted(long userId) {
            return new Exported(dcId, rawKeyId, permKeyId, apiId, expiresAt, userId);
        }
    }

    /**
     * A token for signing in on the account's home DC with {@code auth.importLoginToken}.
     *
     * @param targetDc where it is imported
     * @param userId the account
     * @param apiId the app
     * @param expiresAt when it expires, Unix seconds
     * @param used whether it was imported
     */
    public record Migration(int targetDc, long userId, int apiId, long expiresAt, boolean used) {
        Migration used(boolean value) {
            return new Migration(targetDc, userId, apiId, expiresAt, value);
        }
    }

    /** What happened to a token presented. */
    public enum Use {
        /** Taken. */
        OK,
        /** {@code 400 AUTH_TOKEN_INVALID}: never issued, or not for this DC. */
        AUTH_TOKEN_INVALID,
        /** {@code 400 AUTH_TOKEN_EXPIRED}. */
        AUTH_TOKEN_EXPIRED,
        /** {@code 400 AUTH_TOKEN_ALREADY_ACCEPTED}. */
        AUTH_TOKEN_ALREADY_ACCEPTED
    }

    /**
     * A migration token presented to {@code auth.importLoginToken}.
     *
     * @param use the outcome
     * @param migration the token's account and app, if the outcome is {@link Use#OK}
     */
    record Imported(Use use, Migration migration) {
    }

    private final Map<String, Exported> exported = new HashMap<>();
    private final Map<String, Migration> migrations = new HashMap<>();
    private final SecureRandom random;

    /** @param random where tokens come from */
    public LoginTokens(SecureRandom random) {
        this.random = random;
    }

    /**
     * @param token an exported token
     * @return what it is, if it was exported
     */
    public synchronized Optional<Exported> exported(byte[] token) {
        return Optional.ofNullable(exported.get(HexFormat.of().formatHex(token)));
    }

    synchronized byte[] export(int dcId, long rawKeyId, long permKeyId, int apiId, long nowSeconds) {
        prune(nowSeconds);
        byte[] token = newToken();
        exported.put(HexFormat.of().formatHex(token), new Exported(dcId, rawKeyId, permKeyId, apiId, nowSeconds + LIFETIME_SECONDS, 0));
        return token;
    }

    /** @return a token the key exported and an account accepted since, used up by this call */
    synchronized Optional<Exported> takeAccepted(int dcId, long permKeyId) {
        for (Iterator<Exported> it = exported.values().iterator(); it.hasNext();) {
            Exported e = it.next();
            if (e.acceptedBy() != 0 && e.dcId() == dcId && e.permKeyId() == permKeyId) {
                it.remove();
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * @param token a token shown as a QR code
     * @param userId the account accepting it
     * @param nowSeconds the world's time
     * @return the outcome
     */
    public synchronized Use accept(byte[] token, long userId, long nowSeconds) {
        String key = HexFormat.of().formatHex(token);
        Exported e = exported.get(key);
        if (e == null) {
            return Use.AUTH_TOKEN_INVALID;
        }
        if (e.acceptedBy() != 0) {
            return Use.AUTH_TOKEN_ALREADY_ACCEPTED;
        }
        if (nowSeconds >= e.expiresAt()) {
            return Use.AUTH_TOKEN_EXPIRED;
        }
        exported.put(key, e.accepted(userId));
        return Use.OK;
    }

    synchronized byte[] migration(int targetDc, long userId, int apiId, long nowSeconds) {
        byte[] token = newToken();
        migrations.put(HexFormat.of().formatHex(token), new Migration(targetDc, userId, apiId, nowSeconds + LIFETIME_SECONDS, false));
        return token;
    }

    synchronized Imported importMigration(byte[] token, int dcId, long nowSeconds) {
        String key = HexFormat.of().formatHex(token);
        Migration m = migrations.get(key);
        if (m == null || m.targetDc() != dcId) {
            return new Imported(Use.AUTH_TOKEN_INVALID, null);
        }
        if (m.used()) {
            return new Imported(Use.AUTH_TOKEN_ALREADY_ACCEPTED, null);
        }
        if (nowSeconds >= m.expiresAt()) {
            return new Imported(Use.AUTH_TOKEN_EXPIRED, null);
        }
        migrations.put(key, m.used(true));
        return new Imported(Use.OK, m);
    }

    /** Forgets tokens long expired, so that a client polling for hours does not pile them up. */
    private void prune(long nowSeconds) {
        exported.values().removeIf(e -> e.expiresAt() + LIFETIME_SECONDS < nowSeconds);
        migrations.values().removeIf(m -> m.expiresAt() + LIFETIME_SECONDS < nowSeconds);
    }

    private byte[] newToken() {
        byte[] token = new byte[SIZE];
        random.nextBytes(token);
        return token;
    }
}
