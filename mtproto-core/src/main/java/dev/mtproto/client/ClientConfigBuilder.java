package dev.mtproto.client;

import dev.mtproto.client.event.ClientEventListener;
import dev.mtproto.client.interceptor.RpcInterceptor;
import dev.mtproto.client.net.Dialer;
import dev.mtproto.client.net.RouteSelection;
import dev.mtproto.client.net.TransportRoute;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.crypto.RsaPublicKey;
import dev.mtproto.store.SessionStore;
import dev.mtproto.transport.TransportKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Builds a {@link ClientConfig} (from {@link ClientConfig#builder(int, String)}). Every setter checks its
 * argument and throws {@link IllegalArgumentException} or {@link NullPointerException} at once, naming the
 * option, so a bad configuration fails where it is written rather than when the client first connects.
 * Not thread-safe; reusable.
 */
public final class ClientConfigBuilder {
    private static final Pattern API_HASH = Pattern.compile("[0-9a-fA-F]{32}");

    final int apiId;
    final String apiHash;
    final DcSettings.Draft dcs = new DcSettings.Draft();
    final NetworkSettings.Draft network = new NetworkSettings.Draft();
    final CallSettings.Draft calls = new CallSettings.Draft();
    InitConnectionParams initConnection = InitConnectionParams.defaults();
    SessionStore sessionStore;
    int updateQueueCapacity = 10_000;
    boolean refreshDcOptions = true;
    Duration tempKeyLifetime;
    final List<ClientEventListener> eventListeners = new ArrayList<>();
    ClientResources resources;
    RandomSource random;
    LongSupplier clockMillis = System::currentTimeMillis;

    ClientConfigBuilder(int apiId, String apiHash) {
        if (apiId <= 0) {
            throw new IllegalArgumentException("apiId must be positive, got " + apiId + " (see https://my.telegram.org)");
        }
        Objects.requireNonNull(apiHash, "apiHash");
        if (!API_HASH.matcher(apiHash).matches()) {
            throw new IllegalArgumentException("apiHash must be the 32 hexadecimal digits https://my.telegram.org shows"
                    + " (got " + apiHash.length() + " characters" + (apiHash.length() == 32 ? ", not all hexadecimal" : "") + ")");
        }
        this.apiId = apiId;
        this.apiHash = apiHash;
    }

    /**
     * @param value talk to test DCs (default production); also picks the test RSA keys and addresses
     * @return this builder
     */
    public ClientConfigBuilder testMode(boolean value) {
        dcs.testMode(value);
        return this;
    }

    /**
     * @param value the DC addresses to start with (default: Telegram's, for the mode)
     * @return this builder
     */
    public ClientConfigBuilder dcOptions(DcOptions value) {
        dcs.dcOptions(value);
        return this;
    }

    /**
     * @param value the DC to start on when the session store names none (default 2)
     * @return this builder
     */
    public ClientConfigBuilder homeDc(int value) {
        dcs.homeDc(value);
        return this;
    }

    /**
     * @param kind the framing (default intermediate) of the route {@link #dialer(Dialer)} makes; routes given
     *     with {@link #routes(List)} name their own
     * @param obfuscate whether to wrap it in obfuscated2 (default true)
     * @return this builder
     */
    public ClientConfigBuilder transport(TransportKind kind, boolean obfuscate) {
        network.transport(kind, obfuscate);
        return this;
    }

    /**
     * @param value whether IPv6 DC addresses may be used, after the IPv4 ones (default false): the same as
     *     {@link #ipFamily(IpFamily)} with {@link IpFamily#PREFER_IPV4}, or {@link IpFamily#IPV4_ONLY} for false
     * @return this builder
     */
    public ClientConfigBuilder ipv6(boolean value) {
        network.ipFamily(value ? IpFamily.PREFER_IPV4 : IpFamily.IPV4_ONLY);
        return this;
    }

    /**
     * @param value which DC addresses are used: IPv4 only (the default), IPv6 too (after or before IPv4), or
     *     both in every attempt
     * @return this builder
     */
    public ClientConfigBuilder ipFamily(IpFamily value) {
        network.ipFamily(value);
        return this;
    }

    /**
     * One way to reach every DC: the same as {@link #routes(List)} with the single route
     * {@code TransportRoute.of(value, kind, obfuscate)} of the {@link #transport} configured. Replaces routes
     * given before.
     *
     * @param value how every connection reaches its DC (default {@link Dialer#direct()}); proxies plug in here
     * @return this builder
     */
    public ClientConfigBuilder dialer(Dialer value) {
        network.dialer(value);
        return this;
    }

    /**
     * The ways to reach a DC, in the order to try them (see {@link #routeSelection}); the route that last
     * worked for a DC goes first next time. Replaces a {@link #dialer(Dialer)} given before.
     *
     * @param value the routes, at least one, with distinct names
     * @return this builder
     * @throws IllegalArgumentException if the list is empty or two routes share a name (the message names it)
     */
    public ClientConfigBuilder routes(List<TransportRoute> value) {
        network.routes(value);
        return this;
    }

    /**
     * @param value whether routes are tried one after the other (the default,
     *     {@link RouteSelection#sequential()}) or raced with a stagger ({@link RouteSelection#race()})
     * @return this builder
     */
    public ClientConfigBuilder routeSelection(RouteSelection value) {
        network.routeSelection(value);
        return this;
    }

    /**
     * @param key an extra trusted RSA key (a test server's, for example)
     * @return this builder
     */
    public ClientConfigBuilder addRsaKey(RsaPublicKey key) {
        dcs.addRsaKey(key);
        return this;
    }

    /**
     * @param value what {@code initConnection} says (default: this JVM and locale)
     * @return this builder
     */
    public ClientConfigBuilder initConnection(InitConnectionParams value) {
        this.initConnection = Objects.requireNonNull(value, "initConnection");
        return this;
    }

    /**
     * @param value where keys and salts are kept (default in memory: every start creates a new key)
     * @return this builder
     */
    public ClientConfigBuilder sessionStore(SessionStore value) {
        this.sessionStore = Objects.requireNonNull(value, "sessionStore");
        return this;
    }

    /**
     * @param value how long opening a connection may take, and how long {@link MtprotoClient#connect()} waits
     *     (default 10 s)
     * @return this builder
     */
    public ClientConfigBuilder connectTimeout(Duration value) {
        network.connectTimeout(value);
        return this;
    }

    /**
     * @param value the default call deadline (default 60 s)
     * @return this builder
     */
    public ClientConfigBuilder requestTimeout(Duration value) {
        calls.requestTimeout(value);
        return this;
    }

    /**
     * @param value how long a connection other than the home DC's main one may stay unused before it is
     *     closed (default 2 minutes); the next call to it opens it again, with the same key
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public ClientConfigBuilder idleConnectionTimeout(Duration value) {
        network.idleConnectionTimeout(value);
        return this;
    }

    /**
     * @param value how often each connection pings (default 60 s); the DC closes a connection that stays
     *     silent 15 s longer
     * @return this builder
     */
    public ClientConfigBuilder pingInterval(Duration value) {
        network.pingInterval(value);
        return this;
    }

    /**
     * @param value the reconnect backoff (default 0.5 s doubling to 30 s, 20 % jitter)
     * @return this builder
     */
    public ClientConfigBuilder reconnectPolicy(ReconnectPolicy value) {
        network.reconnectPolicy(value);
        return this;
    }

    /**
     * @param value ask the DC to confirm receipt of each packet that carries calls with a quick ack (default
     *     false); confirmed calls count as acknowledged. Ignored on the full transport.
     * @return this builder
     */
    public ClientConfigBuilder quickAcks(boolean value) {
        network.quickAcks(value);
        return this;
    }

    /**
     * @param value how many pushed updates may wait for the {@link UpdateListener}s before the client stops
     *     reading from the connections that push them (default 10,000)
     * @return this builder
     */
    public ClientConfigBuilder updateQueueCapacity(int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("updateQueueCapacity must be positive, got " + value);
        }
        this.updateQueueCapacity = value;
        return this;
    }

    /**
     * @param value whether, once connected, the DC addresses are replaced by those {@code help.getConfig}
     *     lists (with their flags: IPv6, media-only, CDN...) and refreshed when that config expires (default
     *     true); the configured addresses then only bootstrap
     * @return this builder
     */
    public ClientConfigBuilder refreshDcOptions(boolean value) {
        this.refreshDcOptions = value;
        return this;
    }

    /**
     * Turns on perfect forward secrecy (https://core.telegram.org/api/pfs): each DC's permanent key (kept in
     * the session store as before) is used only to bind temporary keys, which encrypt everything and are
     * never stored; a new one is made before each expires (when no call is in flight) and whenever the DC no
     * longer knows one.
     *
     * @param tempKeyLifetime how long each temporary key lives (Telegram's apps use a day); from ten seconds
     *     (for tests) to a year
     * @return this builder
     */
    public ClientConfigBuilder perfectForwardSecrecy(Duration tempKeyLifetime) {
        Objects.requireNonNull(tempKeyLifetime, "tempKeyLifetime");
        if (tempKeyLifetime.compareTo(Duration.ofSeconds(10)) < 0 || tempKeyLifetime.compareTo(Duration.ofDays(365)) > 0) {
            throw new IllegalArgumentException("a temporary key lives from ten seconds to a year, got " + tempKeyLifetime);
        }
        this.tempKeyLifetime = tempKeyLifetime;
        return this;
    }

    /**
     * @param value whether the client follows {@code *_MIGRATE_X} answers by itself (default true): moving the
     *     home DC for PHONE/USER/NETWORK, sending the one call elsewhere for FILE/STATS. Off, they reach the
     *     caller as {@link dev.mtproto.rpc.MigrateException} (for tests of a server, or an application that
     *     routes calls itself).
     * @return this builder
     */
    public ClientConfigBuilder followMigrations(boolean value) {
        calls.followMigrations(value);
        return this;
    }

    /**
     * @param value the longest {@code FLOOD_WAIT_X} (and premium / slow-mode wait) the client sits out before
     *     retrying a call by itself (default 60 s); a longer one fails the call with
     *     {@link dev.mtproto.rpc.FloodWaitException}. Zero makes every flood wait fail its call.
     * @return this builder
     */
    public ClientConfigBuilder floodWaitThreshold(Duration value) {
        calls.floodWaitThreshold(value);
        return this;
    }

    /**
     * @param value an interceptor every call passes; interceptors run in the order added, the first outermost
     * @return this builder
     */
    public ClientConfigBuilder addInterceptor(RpcInterceptor value) {
        calls.addInterceptor(value);
        return this;
    }

    /**
     * @param value a listener of the client's events (more can be added to the client later)
     * @return this builder
     */
    public ClientConfigBuilder addEventListener(ClientEventListener value) {
        eventListeners.add(Objects.requireNonNull(value, "eventListener"));
        return this;
    }

    /**
     * @param value the threads to run on (default {@link ClientResources#shared()})
     * @return this builder
     */
    public ClientConfigBuilder resources(ClientResources value) {
        this.resources = Objects.requireNonNull(value, "resources");
        return this;
    }

    /**
     * @param value the source of randomness for every connection (tests only; it must be thread-safe). By
     *     default each connection has its own secure source.
     * @return this builder
     */
    public ClientConfigBuilder random(RandomSource value) {
        this.random = Objects.requireNonNull(value, "random");
        return this;
    }

    /**
     * @param value the local wall clock in milliseconds since the epoch (tests only; default
     *     {@link System#currentTimeMillis()}); msg_ids and the server time offset are computed from it
     * @return this builder
     */
    public ClientConfigBuilder clockMillis(LongSupplier value) {
        this.clockMillis = Objects.requireNonNull(value, "clockMillis");
        return this;
    }

    /**
     * @return the configuration
     * @throws IllegalArgumentException if the home DC has no address in the DC options
     */
    public ClientConfig build() {
        return new ClientConfig(this);
    }
}
