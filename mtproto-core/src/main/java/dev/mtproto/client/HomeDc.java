package dev.mtproto.client;

import dev.mtproto.store.SessionStore;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DC a client's calls go to by default: the one the session store names, else the configured one, and
 * after a move the one Telegram said the account lives on. Each change is written to the session store (off
 * the caller's thread, through the client's store writer), so the next start comes back to it. Thread-safe.
 */
final class HomeDc {
    private static final Logger LOG = LoggerFactory.getLogger(HomeDc.class);

    private final SessionStore store;
    private final Executor storeWrites;
    private volatile int dcId;

    /**
     * @param store the session store; its home DC, if it names one, is where the client starts
     * @param configured the DC to start on when the store names none
     * @param storeWrites where the writes to the store run
     * @throws dev.mtproto.store.SessionStoreException if the store cannot be read
     */
    HomeDc(SessionStore store, int configured, Executor storeWrites) {
        this.store = store;
        this.storeWrites = storeWrites;
        this.dcId = store.loadHomeDc().orElse(configured);
    }

    /** @return the home DC's id now */
    int id() {
        return dcId;
    }

    /** @return the home DC's main connection now */
    ConnectionId main() {
        return ConnectionId.main(dcId);
    }

    /** @return whether {@code id} is the home DC's main connection now */
    boolean isMain(ConnectionId id) {
        return id.equals(ConnectionId.main(dcId));
    }

    /**
     * Makes another DC home and remembers it in the store.
     *
     * @param newDcId the new home DC
     * @param options the DC addresses in use
     * @throws IllegalArgumentException if they have no address for it
     */
    void change(int newDcId, DcOptions options) {
        if (!options.knows(newDcId)) {
            throw new IllegalArgumentException("no address for DC " + newDcId + " (known: " + options.dcIds() + ")");
        }
        dcId = newDcId;
        remember(newDcId);
    }

    /**
     * Remembers the home DC in the store if {@code connected} is its main connection (which then works).
     *
     * @param connected a connection that just started carrying its session
     * @return whether it is the home DC's main connection
     */
    boolean rememberIfMain(ConnectionId connected) {
        int dc = dcId;
        if (!connected.equals(ConnectionId.main(dc))) {
            return false;
        }
        remember(dc);
        return true;
    }

    private void remember(int dc) {
        storeWrites.execute(() -> {
            try {
                if (store.loadHomeDc().orElse(-1) != dc) {
                    store.saveHomeDc(dc);
                }
            } catch (RuntimeException e) {
                LOG.warn("could not save the home DC in the session store: {}", e.getMessage());
            }
        });
    }
}
