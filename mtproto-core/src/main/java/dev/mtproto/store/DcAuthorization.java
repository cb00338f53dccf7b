package dev.mtproto.store;

import dev.mtproto.crypto.AuthKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a client keeps about one data center to reuse its authorization after a restart.
 *
 * <p>{@link #toString()} shows the key id only, never key bytes.
 *
 * @param authKey the permanent authorization key created with this DC
 * @param serverSalt the last server salt the DC gave out (any 64-bit value)
 * @param timeOffsetMillis server clock minus local clock in milliseconds, used to make message ids; at
 *     most {@link #MAX_TIME_OFFSET} either way (enough for a device whose clock was reset to 1970)
 * @param createdAt when the key was created
 * @param authorizedUserId {@code 0} while this DC's key is not signed in; otherwise the user it is
 *     authorized as: after sign-in on the home DC, or after {@code auth.importAuthorization} on another DC
 */
public record DcAuthorization(AuthKey authKey, long serverSalt, long timeOffsetMillis, Instant createdAt,
        long authorizedUserId) {

    /** The largest clock difference accepted either way; it keeps time arithmetic far from overflow. */
    public static final Duration MAX_TIME_OFFSET = Duration.ofDays(200L * 365);

    /**
     * Checks the components.
     *
     * @param authKey the permanent authorization key
     * @param serverSalt the last server salt
     * @param timeOffsetMillis server clock minus local clock in milliseconds
     * @param createdAt when the key was created
     * @param authorizedUserId the user this key is signed in as, or {@code 0}
     * @throws NullPointerException if {@code authKey} or {@code createdAt} is null
     * @throws IllegalArgumentException if {@code timeOffsetMillis} is beyond {@link #MAX_TIME_OFFSET}
     *     either way, or {@code authorizedUserId} is negative
     */
    public DcAuthorization {
        Objects.requireNonNull(authKey, "authKey");
        Objects.requireNonNull(createdAt, "createdAt");
        long max = MAX_TIME_OFFSET.toMillis();
        if (timeOffsetMillis > max || timeOffsetMillis < -max) {
            throw new IllegalArgumentException("timeOffsetMillis must be within +-" + MAX_TIME_OFFSET.toMillis()
                    + " ms (200 years), not " + timeOffsetMillis);
        }
        if (authorizedUserId < 0) {
            throw new IllegalArgumentException("authorizedUserId must be 0 (not signed in) or a user id, not "
                    + authorizedUserId);
        }
    }

    /**
     * Creates the authorization of a key that is not signed in ({@code authorizedUserId} 0).
     *
     * @param authKey the permanent authorization key
     * @param serverSalt the last server salt
     * @param timeOffsetMillis server clock minus local clock in milliseconds
     * @param createdAt when the key was created
     * @throws NullPointerException if {@code authKey} or {@code createdAt} is null
     * @throws IllegalArgumentException if {@code timeOffsetMillis} is beyond {@link #MAX_TIME_OFFSET}
     *     either way
     */
    public DcAuthorization(AuthKey authKey, long serverSalt, long timeOffsetMillis, Instant createdAt) {
        this(authKey, serverSalt, timeOffsetMillis, createdAt, 0);
    }

    /**
     * Tells whether this DC's key is signed in.
     *
     * @return true if {@link #authorizedUserId()} is not 0
     */
    public boolean isAuthorized() {
        return authorizedUserId != 0;
    }

    /**
     * Returns a copy with another server salt, as needed after {@code bad_server_salt} or
     * {@code new_session_created}.
     *
     * @param newServerSalt the new salt
     * @return a new authorization with the same key, time offset, creation time and user
     */
    public DcAuthorization withServerSalt(long newServerSalt) {
        return new DcAuthorization(authKey, newServerSalt, timeOffsetMillis, createdAt, authorizedUserId);
    }

    /**
     * Returns a copy with another clock difference, as needed after a time resynchronisation.
     *
     * @param newTimeOffsetMillis server clock minus local clock in milliseconds
     * @return a new authorization with the same key, salt, creation time and user
     * @throws IllegalArgumentException if the offset is beyond {@link #MAX_TIME_OFFSET} either way
     */
    public DcAuthorization withTimeOffsetMillis(long newTimeOffsetMillis) {
        return new DcAuthorization(authKey, serverSalt, newTimeOffsetMillis, createdAt, authorizedUserId);
    }

    /**
     * Returns a copy signed in as another user (after sign-in or {@code auth.importAuthorization}), or, with
     * {@code 0}, signed out.
     *
     * @param userId the user the key is now authorized as, or {@code 0}
     * @return a new authorization with the same key, salt, time offset and creation time
     * @throws IllegalArgumentException if {@code userId} is negative
     */
    public DcAuthorization withAuthorizedUserId(long userId) {
        return new DcAuthorization(authKey, serverSalt, timeOffsetMillis, createdAt, userId);
    }

    /**
     * Returns a copy holding its own copy of the key ({@link AuthKey#copy()}), for a new owner that may
     * destroy it: what a session store hands out on load and keeps on save.
     *
     * @return a new authorization with the same values and an equal, separate key
     * @throws IllegalStateException if this authorization's key was destroyed
     */
    public DcAuthorization withKeyCopy() {
        return new DcAuthorization(authKey.copy(), serverSalt, timeOffsetMillis, createdAt, authorizedUserId);
    }

    /** Shows the key id, salt, offset, creation time and user; never key bytes. */
    @Override
    public String toString() {
        return String.format("DcAuthorization[authKeyId=%016x, serverSalt=%016x, timeOffsetMillis=%d, createdAt=%s,"
                + " authorizedUserId=%d]", authKey.id(), serverSalt, timeOffsetMillis, createdAt, authorizedUserId);
    }
}
