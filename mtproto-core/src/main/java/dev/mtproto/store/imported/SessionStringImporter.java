package dev.mtproto.store.imported;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.store.DcAuthorization;
import dev.mtproto.store.SessionStore;
import dev.mtproto.store.SignedInAccount;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Reads the string sessions of Telethon and Pyrogram ({@link ForeignFormat}), so that an account signed in
 * with one of them moves to this library without signing in again. The layouts are their public ones;
 * which one a string has is told from its first character and its length.
 *
 * <pre>{@code
 * ImportedSession imported = SessionStringImporter.parse(System.getenv("PYROGRAM_SESSION"));
 * try (FileSessionStore store = FileSessionStore.open(Path.of("bot.session"))) {
 *     imported.importInto(store);
 * }
 * }</pre>
 *
 * <p>Do not use the same key from two libraries at once: Telegram then reports {@code AUTH_KEY_DUPLICATED}
 * and revokes it. Stop the other program for good before importing.
 */
public final class SessionStringImporter {
    private static final Pattern URL_BASE64 = Pattern.compile("[A-Za-z0-9_-]+={0,2}");
    private static final int TELETHON_IPV4 = 1 + 4 + 2 + AuthKey.SIZE;
    private static final int TELETHON_IPV6 = 1 + 16 + 2 + AuthKey.SIZE;
    private static final int PYROGRAM = 1 + 4 + 1 + AuthKey.SIZE + 8 + 1;
    private static final int PYROGRAM_OLD_64 = 1 + 1 + AuthKey.SIZE + 8 + 1;
    private static final int PYROGRAM_OLD_32 = 1 + 1 + AuthKey.SIZE + 4 + 1;

    private SessionStringImporter() {
    }

    /**
     * Reads a Telethon or Pyrogram session string, using the current time as the key's creation time.
     *
     * @param text the string; whitespace around it is ignored
     * @return what it holds
     * @throws NullPointerException if {@code text} is null
     * @throws UnrecognizedSessionStringException if it is in none of the known formats (the message lists them)
     * @throws SessionImportException if it is in a known format but unusable (no key, a bad DC or user id)
     */
    public static ImportedSession parse(String text) {
        return parse(text, Clock.systemUTC());
    }

    /**
     * Reads a Telethon or Pyrogram session string.
     *
     * @param text the string; whitespace around it is ignored
     * @param clock gives the time recorded as the key's creation time (the string does not say it)
     * @return what it holds
     * @throws NullPointerException if an argument is null
     * @throws UnrecognizedSessionStringException if it is in none of the known formats (the message lists them)
     * @throws SessionImportException if it is in a known format but unusable (no key, a bad DC or user id)
     */
    public static ImportedSession parse(String text, Clock clock) {
        String trimmed = Objects.requireNonNull(text, "text").strip();
        Objects.requireNonNull(clock, "clock");
        Instant now = clock.instant();
        if (trimmed.startsWith("1")) {
            byte[] telethon = decode(trimmed.substring(1));
            if (telethon != null && (telethon.length == TELETHON_IPV4 || telethon.length == TELETHON_IPV6)) {
                return telethon(ByteBuffer.wrap(telethon), now);
            }
        }
        byte[] pyrogram = decode(trimmed);
        if (pyrogram != null) {
            ByteBuffer in = ByteBuffer.wrap(pyrogram);
            switch (pyrogram.length) {
                case PYROGRAM -> {
                    return pyrogram(ForeignFormat.PYROGRAM, in, now);
                }
                case PYROGRAM_OLD_64 -> {
                    return pyrogram(ForeignFormat.PYROGRAM_OLD_64, in, now);
                }
                case PYROGRAM_OLD_32 -> {
                    return pyrogram(ForeignFormat.PYROGRAM_OLD_32, in, now);
                }
                default -> {
                    // none of them; reported below
                }
            }
        }
        throw new UnrecognizedSessionStringException(Arrays.stream(ForeignFormat.values())
                .map(ForeignFormat::description).toList(), trimmed.length());
    }

    /** URL-safe base64 with or without padding; null if it is not that. */
    private static byte[] decode(String base64) {
        if (!URL_BASE64.matcher(base64).matches()) {
            return null;
        }
        try {
            return Base64.getUrlDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ImportedSession telethon(ByteBuffer in, Instant now) {
        int dcId = dcId(ForeignFormat.TELETHON, Byte.toUnsignedInt(in.get()));
        byte[] address = new byte[in.remaining() - 2 - AuthKey.SIZE];
        in.get(address);
        int port = Short.toUnsignedInt(in.getShort());
        AuthKey key = key(ForeignFormat.TELETHON, in);
        InetSocketAddress server;
        try {
            server = new InetSocketAddress(InetAddress.getByAddress(address), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4 or 16 byte address is always valid", e);
        }
        return new ImportedSession(ForeignFormat.TELETHON, dcId, new DcAuthorization(key, 0, 0, now),
                Optional.empty(), Optional.of(server), OptionalInt.empty(), false);
    }

    private static ImportedSession pyrogram(ForeignFormat format, ByteBuffer in, Instant now) {
        int dcId = dcId(format, Byte.toUnsignedInt(in.get()));
        OptionalInt apiId = format == ForeignFormat.PYROGRAM ? OptionalInt.of(in.getInt()) : OptionalInt.empty();
        boolean testMode = in.get() != 0;
        AuthKey key = key(format, in);
        long userId = format == ForeignFormat.PYROGRAM_OLD_32 ? Integer.toUnsignedLong(in.getInt()) : in.getLong();
        boolean bot = in.get() != 0;
        if (userId < 0) {
            throw new SessionImportException("The " + format.description() + " names a user id beyond 2^63; it is"
                    + " not a Telegram user id, so the string is damaged.");
        }
        Optional<SignedInAccount> account = userId == 0 ? Optional.empty()
                : Optional.of(new SignedInAccount(userId, bot));
        return new ImportedSession(format, dcId, new DcAuthorization(key, 0, 0, now, userId), account,
                Optional.empty(), apiId, testMode);
    }

    private static int dcId(ForeignFormat format, int dcId) {
        try {
            return SessionStore.checkDcId(dcId);
        } catch (IllegalArgumentException e) {
            throw new SessionImportException("The " + format.description() + " names DC " + dcId
                    + ", which is not a data center number (1.." + SessionStore.MAX_DC_ID + ").");
        }
    }

    private static AuthKey key(ForeignFormat format, ByteBuffer in) {
        byte[] key = new byte[AuthKey.SIZE];
        in.get(key);
        boolean empty = true;
        for (byte b : key) {
            empty &= b == 0;
        }
        if (empty) {
            throw new SessionImportException("The " + format.description() + " holds no authorization key (all"
                    + " zeros): the session was never signed in. Sign in with this library instead.");
        }
        AuthKey authKey = AuthKey.of(key);
        Arrays.fill(key, (byte) 0);
        return authKey;
    }
}
