package dev.mtproto.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The server salts of a session: the one in use, and future salts announced by {@code future_salts} with
 * their validity windows. The salt in use moves on to the next future salt when the current one expires;
 * a correction from the server ({@link #replace}) wins over the stored list and empties it. Not thread-safe.
 */
public final class ServerSalts {
    /** A salt valid from {@code validSince} to {@code validUntil} (unix seconds). */
    public record Salt(long salt, int validSince, int validUntil) {
    }

    private long current;
    private final List<Salt> future = new ArrayList<>();

    /** @param initial the first salt (from the key exchange, or stored) */
    public ServerSalts(long initial) {
        this.current = initial;
    }

    /**
     * @param nowSeconds the server's time
     * @return the salt to put in outgoing messages now
     */
    public long current(long nowSeconds) {
        Salt best = null;
        for (Salt s : future) {
            if (s.validSince() <= nowSeconds && nowSeconds < s.validUntil() && (best == null || s.validSince() > best.validSince())) {
                best = s;
            }
        }
        if (best != null) {
            current = best.salt();
        }
        future.removeIf(s -> s.validUntil() <= nowSeconds);
        return current;
    }

    /**
     * Replaces the salt in use with the server's correction ({@code bad_server_salt} or
     * {@code new_session_created}). The correction wins: the future salts stored so far are forgotten (the
     * server just showed they are stale), so that {@link #needsRefresh} says to fetch them again.
     *
     * @param salt the new salt
     */
    public void replace(long salt) {
        current = salt;
        future.clear();
    }

    /**
     * Stores salts announced by the server.
     *
     * @param salts the salts of a {@code future_salts} answer
     */
    public void addFuture(List<Salt> salts) {
        future.addAll(salts);
        future.sort(Comparator.comparingInt(Salt::validSince));
    }

    /**
     * @param nowSeconds the server's time
     * @param marginSeconds how long before the last known salt expires a refresh is due
     * @return whether the session should ask for more future salts
     */
    public boolean needsRefresh(long nowSeconds, long marginSeconds) {
        int lastUntil = future.isEmpty() ? 0 : future.get(future.size() - 1).validUntil();
        return lastUntil - marginSeconds <= nowSeconds;
    }

    /** @return the future salts known, oldest first */
    public List<Salt> future() {
        return List.copyOf(future);
    }
}
