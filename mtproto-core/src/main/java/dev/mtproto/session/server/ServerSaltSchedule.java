package dev.mtproto.session.server;

import dev.mtproto.tl.mtproto.FutureSalt;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The server side's salts of one session, as a DC keeps them: a chain of salts, each taking over from the
 * previous one after {@value #LIFETIME_SECONDS} s and accepted until {@value #OVERLAP_SECONDS} s after
 * its successor took over. The salts announced by {@code future_salts} are the very salts that later
 * take over, so a client that follows them never meets {@code bad_server_salt}. Not thread-safe.
 */
final class ServerSaltSchedule {
    /** How long each salt is the current one. */
    static final int LIFETIME_SECONDS = 3600;
    /** How long a salt stays acceptable after its successor took over. */
    static final int OVERLAP_SECONDS = 300;
    /** The most salts one {@code get_future_salts} answer carries. */
    static final int MAX_ANNOUNCED = 64;

    private final LongSupplier newSalt;
    /** Salts in order of {@code validSince}; the first is the oldest still acceptable. */
    private final List<FutureSalt> chain = new ArrayList<>();

    /**
     * @param first the salt valid now (e.g. the key exchange's first salt)
     * @param nowSeconds the DC's time
     * @param newSalt where later salts come from (random longs)
     */
    ServerSaltSchedule(long first, long nowSeconds, LongSupplier newSalt) {
        this.newSalt = newSalt;
        chain.add(salt(first, nowSeconds));
    }

    /**
     * @param nowSeconds the DC's time
     * @return the salt a DC names now (in {@code bad_server_salt} and {@code new_session_created})
     */
    long current(long nowSeconds) {
        advance(nowSeconds);
        FutureSalt best = chain.get(0);
        for (FutureSalt s : chain) {
            if (s.validSince() <= nowSeconds) {
                best = s;
            }
        }
        return best.salt();
    }

    /**
     * @param salt the salt a message carried
     * @param nowSeconds the DC's time
     * @return whether the salt is valid now: the current one, or its predecessor during the overlap
     */
    boolean accepts(long salt, long nowSeconds) {
        if (salt == current(nowSeconds)) {
            return true;
        }
        for (FutureSalt s : chain) {
            if (s.salt() == salt && s.validSince() <= nowSeconds && nowSeconds < s.validUntil()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Answers {@code get_future_salts}: the current salt and the ones that will follow it, extending the
     * chain as far as asked.
     *
     * @param count how many salts were asked for; clamped to 1..{@value #MAX_ANNOUNCED}
     * @param nowSeconds the DC's time
     * @return the salts, oldest first, starting with the current one
     */
    List<FutureSalt> announce(int count, long nowSeconds) {
        int n = Math.max(1, Math.min(count, MAX_ANNOUNCED));
        long current = current(nowSeconds);
        int start = 0;
        while (chain.get(start).salt() != current) {
            start++;
        }
        while (chain.size() - start < n) {
            FutureSalt last = chain.get(chain.size() - 1);
            chain.add(salt(newSalt.getAsLong(), last.validSince() + (long) LIFETIME_SECONDS));
        }
        return List.copyOf(chain.subList(start, start + n));
    }

    /** Replaces every salt, announced ones included, by a fresh one valid from now (a DC that forgot them). */
    void replaceAll(long nowSeconds) {
        chain.clear();
        chain.add(salt(newSalt.getAsLong(), nowSeconds));
    }

    /** Drops salts that are no longer acceptable and makes sure one is current. */
    private void advance(long nowSeconds) {
        FutureSalt last = chain.get(chain.size() - 1);
        if (last.validSince() + (long) LIFETIME_SECONDS <= nowSeconds) {
            // the last salt's turn is over: its successor took over at the latest hour boundary passed
            chain.add(salt(newSalt.getAsLong(), nowSeconds - (nowSeconds - last.validSince()) % LIFETIME_SECONDS));
        }
        while (chain.get(0).validUntil() <= nowSeconds) {
            chain.remove(0);
        }
    }

    private static FutureSalt salt(long value, long validSince) {
        return new FutureSalt((int) validSince, (int) (validSince + LIFETIME_SECONDS + OVERLAP_SECONDS), value);
    }
}
