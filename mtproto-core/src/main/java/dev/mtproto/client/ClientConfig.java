package dev.mtproto.client;

import dev.mtproto.client.event.ClientEventListener;
import dev.mtproto.client.interceptor.RpcInterceptor;
import dev.mtproto.client.net.Dialer;
import dev.mtproto.client.net.RouteSelection;
import dev.mtproto.client.net.TransportRoute;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.crypto.RsaKeyRing;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.store.SessionStore;
import dev.mtproto.transport.TransportKind;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Everything an {@link MtprotoClient} needs, immutable; made with {@link #builder(int, String)}, whose setters
 * document each option and its default.
 *
 * <p>Only the API id and hash are required (from https://my.telegram.org). The defaults connect to
 * Telegram's production DC 2 directly, with the obfuscated intermediate transport, keep the session in
 * memory, and share the JVM's default {@link ClientResources}.
 */
public final class ClientConfig {
    private final int apiId;
    private final String apiHash;
    private final DcSettings dcs;
    private final NetworkSettings network;
    private final CallSettings calls;
    private final InitConnectionParams initConnection;
    private final SessionStore sessionStore;
    private final int updateQueueCapacity;
    private final boolean refreshDcOptions;
    private final Duration tempKeyLifetime;
    private final List<ClientEventListener> eventListeners;
    private final ClientResources resources;
    private final RandomSource random;
    private final LongSupplier clockMillis;

    ClientConfig(ClientConfigBuilder b) {
        this.apiId = b.apiId;
        this.apiHash = b.apiHash;
        this.dcs = b.dcs.build();
        this.network = b.network.build();
        this.calls = b.calls.build();
        this.initConnection = b.initConnection;
        this.sessionStore = b.sessionStore != null ? b.sessionStore : new MemorySessionStore();
        this.updateQueueCapacity = b.updateQueueCapacity;
        this.refreshDcOptions = b.refreshDcOptions;
        this.tempKeyLifetime = b.tempKeyLifetime;
        this.eventListeners = List.copyOf(b.eventListeners);
        this.resources = b.resources != null ? b.resources : ClientResources.shared();
        this.random = b.random;
        this.clockMillis = b.clockMillis;
    }

    /**
     * @param apiId the application's api_id
     * @param apiHash the application's api_hash: 32 hexadecimal digits
     * @return a builder with defaults for everything else
     * @throws IllegalArgumentException if the id is not positive or the hash is not 32 hex digits
     */
    public static ClientConfigBuilder builder(int apiId, String apiHash) {
        return new ClientConfigBuilder(apiId, apiHash);
    }

    /** @return the api_id */
    public int apiId() {
        return apiId;
    }

    /** @return the api_hash; never log it */
    public String apiHash() {
        return apiHash;
    }

    /** @return whether the client talks to test DCs (DC ids in the key exchange are offset by 10000) */
    public boolean testMode() {
        return dcs.testMode();
    }

    /** @return the DC addresses the client starts with */
    public DcOptions dcOptions() {
        return dcs.dcOptions();
    }

    /** @return the DC the client starts on when the session store does not name one */
    public int homeDc() {
        return dcs.homeDc();
    }

    /** @return the transport framing of the route made from {@link ClientConfigBuilder#dialer}; each route has its own */
    public TransportKind transport() {
        return network.transport();
    }

    /** @return whether the transport is wrapped in obfuscated2 */
    public boolean obfuscated() {
        return network.obfuscated();
    }

    /** @return whether IPv6 DC addresses may be used ({@link #ipFamily()} is not {@code IPV4_ONLY}) */
    public boolean ipv6() {
        return network.ipFamily().allowsIpv6();
    }

    /** @return which DC addresses are used, and which go first */
    public IpFamily ipFamily() {
        return network.ipFamily();
    }

    /** @return the first route's dialer (the only one unless {@link ClientConfigBuilder#routes} gave several) */
    public Dialer dialer() {
        return network.routes().get(0).dialer();
    }

    /** @return the ways to reach a DC, in the order configured (one, from the dialer, by default) */
    public List<TransportRoute> routes() {
        return network.routes();
    }

    /** @return whether routes are tried one after the other or raced */
    public RouteSelection routeSelection() {
        return network.routeSelection();
    }

    /** @return the RSA keys trusted for the key exchange */
    public RsaKeyRing rsaKeys() {
        return dcs.rsaKeys();
    }

    /** @return what {@code initConnection} says */
    public InitConnectionParams initConnection() {
        return initConnection;
    }

    /** @return where authorization keys and salts are kept */
    public SessionStore sessionStore() {
        return sessionStore;
    }

    /** @return how long opening a connection (dial, key exchange) may take, and how long {@code connect()} waits */
    public Duration connectTimeout() {
        return network.connectTimeout();
    }

    /** @return the default deadline of a call */
    public Duration requestTimeout() {
        return calls.requestTimeout();
    }

    /** @return how long a connection other than the home DC's main one may stay unused before it is closed */
    public Duration idleConnectionTimeout() {
        return network.idleConnectionTimeout();
    }

    /** @return how often to ping a connection */
    public Duration pingInterval() {
        return network.pingInterval();
    }

    /** @return the reconnect backoff */
    public ReconnectPolicy reconnectPolicy() {
        return network.reconnectPolicy();
    }

    /** @return whether packets carrying calls ask for a quick ack; never on the full transport, which has none */
    public boolean quickAcks() {
        return network.quickAcks();
    }

    /** @return how many pushed updates may wait for the update listeners before reading pauses */
    public int updateQueueCapacity() {
        return updateQueueCapacity;
    }

    /** @return the lifetime of temporary keys when perfect forward secrecy is on, else empty */
    public java.util.Optional<Duration> tempKeyLifetime() {
        return java.util.Optional.ofNullable(tempKeyLifetime);
    }

    /** @return whether the client follows {@code *_MIGRATE_X} answers by itself */
    public boolean followMigrations() {
        return calls.followMigrations();
    }

    /** @return whether the DC addresses are replaced by what {@code help.getConfig} lists, once connected */
    public boolean refreshDcOptions() {
        return refreshDcOptions;
    }

    /** @return the longest flood wait the client sits out by itself before retrying */
    public Duration floodWaitThreshold() {
        return calls.floodWaitThreshold();
    }

    /** @return the interceptors every call passes, outermost first (the client's own come after them) */
    public List<RpcInterceptor> interceptors() {
        return calls.interceptors();
    }

    /** @return the event listeners the client starts with */
    public List<ClientEventListener> eventListeners() {
        return eventListeners;
    }

    /** @return the threads the client runs on */
    public ClientResources resources() {
        return resources;
    }

    /** @return the source of randomness set for tests, or {@code null}: each connection then has its own secure source */
    public RandomSource random() {
        return random;
    }

    /** @return the local clock, in milliseconds since the epoch */
    public LongSupplier clockMillis() {
        return clockMillis;
    }

    /**
     * @param dcId a DC id
     * @return the id to announce in the key exchange and the obfuscated header: +10000 in test mode
     */
    int wireDcId(int dcId) {
        return dcs.testMode() ? dcId + 10_000 : dcId;
    }

    @Override
    public String toString() {
        List<TransportRoute> routes = network.routes();
        return "ClientConfig{apiId=" + apiId + ", apiHash=***, testMode=" + dcs.testMode() + ", homeDc=" + dcs.homeDc()
                + ", routes=" + routes + (routes.size() > 1 ? " (" + network.routeSelection() + ")" : "")
                + ", ipFamily=" + network.ipFamily() + ", dcOptions=" + dcs.dcOptions() + "}";
    }
}
