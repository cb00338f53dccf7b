package dev.mtproto.client;

import dev.mtproto.session.DropReason;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * What every connection of one client shares: its configuration, threads, listeners, counters, keys and
 * the DC addresses of the moment.
 *
 * @param config the configuration
 * @param resources the threads
 * @param callbacks where user code runs (never an I/O loop)
 * @param events the event listeners
 * @param updates where pushed updates go
 * @param drops dropped-message counters
 * @param quickAcks quick acks received
 * @param keys the authorization keys, per DC
 * @param cdn the CDN DCs' RSA keys and (in-memory) authorization keys
 * @param storeWrites session-store writes, one at a time, off the timer and the loops
 * @param options the DC addresses now
 * @param connected told (on a callback thread) each time a connection starts carrying its session
 * @param routes which route last worked per DC and role
 */
record ClientRuntime(ClientConfig config, ClientResources resources, Executor callbacks, ClientEvents events,
                     UpdateSink updates, DropCounters drops, LongAdder quickAcks, AuthKeys keys, CdnKeys cdn,
                     StoreWriter storeWrites, Supplier<DcOptions> options, java.util.function.Consumer<ConnectionId> connected,
                     RouteMemory routes) {

    /**
     * Makes the shared parts of a new client: its callback threads, event listeners, update queue, counters
     * and key holders, from the configuration.
     *
     * @param config the configuration
     * @param storeWrites where the client's session-store writes run
     * @param options the DC addresses now
     * @param connected told each time a connection starts carrying its session
     * @return the runtime
     */
    static ClientRuntime create(ClientConfig config, StoreWriter storeWrites, Supplier<DcOptions> options,
                                java.util.function.Consumer<ConnectionId> connected) {
        ClientResources resources = config.resources();
        CallbackExecutor callbacks = new CallbackExecutor(resources.callbacks());
        DropCounters drops = new DropCounters();
        UpdateSink updates = new UpdateSink(callbacks, config.updateQueueCapacity(), id -> drops.count(DropReason.UNKNOWN_CONSTRUCTOR));
        return new ClientRuntime(config, resources, callbacks, new ClientEvents(callbacks, config.eventListeners()), updates,
                drops, new LongAdder(), new AuthKeys(config.sessionStore()), new CdnKeys(), storeWrites, options, connected,
                new RouteMemory());
    }

    /**
     * @param role a connection's role
     * @return the keys it uses: a CDN DC's own (in memory), or the account's (in the session store)
     */
    AuthKeys keys(DcRole role) {
        return role == DcRole.CDN ? cdn.authKeys() : keys;
    }

    /**
     * @param role a connection's role
     * @return where its session is saved: nowhere lasting for a CDN DC, else the session store
     */
    dev.mtproto.store.SessionStore store(DcRole role) {
        return role == DcRole.CDN ? cdn.authKeys().store() : config.sessionStore();
    }
}
