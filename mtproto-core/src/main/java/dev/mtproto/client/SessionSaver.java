package dev.mtproto.client;

import dev.mtproto.session.ClientSession;
import dev.mtproto.session.OutgoingCall;
import dev.mtproto.store.DcAuthorization;
import dev.mtproto.tl.mtproto.GetFutureSalts;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a DC's stored authorization in step with its session: when the salt or the clock offset changed,
 * the new values are written to the session store, one write at a time, off the timer and the I/O loops; a
 * failing store is logged once and retried on the next tick. Also decides when to ask for future salts.
 * {@link #changed} and {@link #wantsFutureSalts} are called under the connection's lock.
 */
final class SessionSaver {
    private static final Logger LOG = LoggerFactory.getLogger(SessionSaver.class);
    private static final long SALT_REFRESH_MARGIN_SECONDS = 600;
    private static final long OFFSET_CHANGE_WORTH_SAVING_MILLIS = 1000;

    private final int dcId;
    private final DcRole role;
    private final ClientRuntime runtime;
    private long savedSalt;
    private long savedOffset;
    private Instant keyCreatedAt;
    private volatile boolean saltsRequested;
    private volatile boolean failing;

    SessionSaver(ConnectionId id, ClientRuntime runtime) {
        this.dcId = id.dcId();
        this.role = id.role();
        this.runtime = runtime;
    }

    private volatile boolean temporaryKeys;

    /**
     * The session starts from this stored (or just created) authorization.
     *
     * @param auth the DC's permanent key and what is stored with it
     * @param onTemporaryKey whether the session runs on a temporary key (its salts are not the permanent
     *     key's, so nothing of the session is saved over the stored authorization)
     */
    void remember(DcAuthorization auth, boolean onTemporaryKey) {
        savedSalt = auth.serverSalt();
        savedOffset = auth.timeOffsetMillis();
        keyCreatedAt = auth.createdAt();
        temporaryKeys = onTemporaryKey;
    }

    /**
     * @return the authorization to save if the session's salt or offset moved since the last save, else null;
     *     it holds its own copy of the key, which {@link #save} destroys once written
     */
    DcAuthorization changed(ClientSession session) {
        if (temporaryKeys) {
            return null;
        }
        long salt = session.currentSalt();
        long offset = session.clock().offsetMillis();
        if (salt == savedSalt && Math.abs(offset - savedOffset) <= OFFSET_CHANGE_WORTH_SAVING_MILLIS) {
            return null;
        }
        savedSalt = salt;
        savedOffset = offset;
        return new DcAuthorization(session.authKey().copy(), salt, offset, keyCreatedAt != null ? keyCreatedAt : Instant.now(),
                runtime.keys(role).authorizedUser(dcId));
    }

    /** @return whether the session's known salts run out soon and none were asked for yet */
    boolean wantsFutureSalts(ClientSession session) {
        long serverSeconds = session.clock().serverMillis() / 1000;
        return !saltsRequested && session.salts().needsRefresh(serverSeconds, SALT_REFRESH_MARGIN_SECONDS);
    }

    /** @return a {@code get_future_salts} call, after which {@link #wantsFutureSalts} says no until it ends */
    OutgoingCall<?> futureSaltsCall(Duration timeout) {
        saltsRequested = true;
        GetFutureSalts method = new GetFutureSalts(32);
        OutgoingCall<?> call = new OutgoingCall<>(method, method.tlName(), OutgoingCall.deadlineAfter(timeout));
        call.future().whenComplete((r, e) -> saltsRequested = false);
        return call;
    }

    /** Writes {@code auth} (if not null) to the store, off the calling thread, then destroys its key (the store keeps a copy). */
    void save(DcAuthorization auth) {
        if (auth == null) {
            return;
        }
        runtime.storeWrites().execute(() -> {
            try {
                runtime.store(role).saveAuthorization(dcId, auth);
                failing = false;
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.warn("DC {}: could not save the session ({}: {}); will retry", dcId, e.getClass().getSimpleName(), e.getMessage());
                } else {
                    LOG.debug("DC {}: could not save the session again: {}", dcId, e.getMessage());
                }
                failing = true;
                savedSalt = 0; // not under the lock: at worst one extra save
            } finally {
                auth.authKey().destroy();
            }
        });
    }

    /** The DC does not know our key: forget it in the store, off the calling thread. */
    void forgetKey(long keyId) {
        LOG.warn("DC {}: the DC does not know our authorization key; creating a new one", dcId);
        runtime.keys(role).markDead(dcId, keyId);
        runtime.storeWrites().execute(() -> {
            try {
                runtime.keys(role).forget(dcId, keyId);
            } catch (RuntimeException e) {
                LOG.warn("DC {}: could not delete the old key from the session store: {}", dcId, e.getMessage());
            }
        });
    }
}
