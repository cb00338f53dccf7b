package dev.mtproto.client;

import dev.mtproto.crypto.RandomSource;
import dev.mtproto.crypto.RsaKeyRing;
import dev.mtproto.crypto.RsaPublicKey;
import dev.mtproto.crypto.TelegramRsaKeys;
import dev.mtproto.store.MemorySessionStore;
import dev.mtproto.store.SessionStore;
import dev.mtproto.transport.TransportKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * Everything an {@link MtprotoClient} needs, immutable; made with {@link #builder(int, String)}.
 *
 * <p>Only the API id and hash are required (from https://my.telegram.org). The defaults connect to
 * Telegram's production DC 2 with the obfuscated intermediate transport, keep the session in memory, and
 * use virtual threads when the JVM has them.
 */
public final class ClientConfig {
    private final int apiId;
    private final String apiHash;
    private final boolean testMode;
    private final DcOptions dcOptions;
    private final int homeDc;
    private final TransportKind transport;
    private final boolean obfuscated;
    private final RsaKeyRing rsaKeys;
    private final InitConnectionParams initConnection;
    private final SessionStore sessionStore;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Duration pingInterval;
    private final ReconnectPolicy reconnectPolicy;
    private final boolean virtualThreads;
    private final boolean quickAcks;
    private final Executor callbackExecutor;
    private final RandomSource random;
    private final LongSupplier clockMillis;

    private ClientConfig(Builder b) {
        this.apiId = b.apiId;
        this.apiHash = b.apiHash;
        this.testMode = b.testMode;
        this.dcOptions = b.dcOptions != null ? b.dcOptions : (b.testMode ? DcOptions.test() : DcOptions.production());
        this.homeDc = b.homeDc;
        this.transport = b.transport;
        this.obfuscated = b.obfuscated;
        RsaKeyRing ring = b.testMode ? TelegramRsaKeys.test() : TelegramRsaKeys.production();
        for (RsaPublicKey key : b.extraRsaKeys) {
            ring = ring.with(key);
        }
        this.rsaKeys = ring;
        this.initConnection = b.initConnection;
        this.sessionStore = b.sessionStore != null ? b.sessionStore : new MemorySessionStore();
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.pingInterval = b.pingInterval;
        this.reconnectPolicy = b.reconnectPolicy;
        this.virtualThreads = b.virtualThreads;
        this.quickAcks = b.quickAcks;
        this.callbackExecutor = b.callbackExecutor;
        this.random = b.random;
        this.clockMillis = b.clockMillis;
        this.dcOptions.address(homeDc); // fails early if the home DC has no address
    }

    /**
     * @param apiId the application's api_id
     * @param apiHash the application's api_hash
     * @return a builder with defaults for everything else
     * @throws IllegalArgumentException if the id is not positive or the hash is blank
     */
    public static Builder builder(int apiId, String apiHash) {
        return new Builder(apiId, apiHash);
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
        return testMode;
    }

    /** @return the DC addresses */
    public DcOptions dcOptions() {
        return dcOptions;
    }

    /** @return the DC the client starts on when the session store does not name one */
    public int homeDc() {
        return homeDc;
    }

    /** @return the transport framing */
    public TransportKind transport() {
        return transport;
    }

    /** @return whether the transport is wrapped in obfuscated2 */
    public boolean obfuscated() {
        return obfuscated;
    }

    /** @return the RSA keys trusted for the key exchange */
    public RsaKeyRing rsaKeys() {
        return rsaKeys;
    }

    /** @return what {@code initConnection} says */
    public InitConnectionParams initConnection() {
        return initConnection;
    }

    /** @return where authorization keys and salts are kept */
    public SessionStore sessionStore() {
        return sessionStore;
    }

    /** @return how long opening a connection and creating a key may take */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return the default deadline of a call */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** @return how often to ping an idle connection */
    public Duration pingInterval() {
        return pingInterval;
    }

    /** @return the reconnect backoff */
    public ReconnectPolicy reconnectPolicy() {
        return reconnectPolicy;
    }

    /** @return whether connection loops and callbacks use virtual threads when available */
    public boolean virtualThreads() {
        return virtualThreads;
    }

    /**
     * @return whether packets carrying calls ask the DC for a quick ack (a 4-byte receipt sent before the
     *     answer); never on the full transport, which has no quick acks
     */
    public boolean quickAcks() {
        return quickAcks && transport != TransportKind.FULL;
    }

    /** @return where results and updates are delivered, or {@code null} for the client's own threads */
    public Executor callbackExecutor() {
        return callbackExecutor;
    }

    /** @return the source of randomness set for tests, or {@code null}: each connection then uses its own secure source */
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
        return testMode ? dcId + 10_000 : dcId;
    }

    @Override
    public String toString() {
        return "ClientConfig{apiId=" + apiId + ", apiHash=***, testMode=" + testMode + ", homeDc=" + homeDc
                + ", transport=" + transport + (obfuscated ? "+obfuscated" : "") + ", dcOptions=" + dcOptions + "}";
    }

    /** Builds a {@link ClientConfig}; every setter validates its argument. */
    public static final class Builder {
        private final int apiId;
        private final String apiHash;
        private boolean testMode;
        private DcOptions dcOptions;
        private int homeDc = 2;
        private TransportKind transport = TransportKind.INTERMEDIATE;
        private boolean obfuscated = true;
        private final List<RsaPublicKey> extraRsaKeys = new ArrayList<>();
        private InitConnectionParams initConnection = InitConnectionParams.defaults();
        private SessionStore sessionStore;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration pingInterval = Duration.ofSeconds(60);
        private ReconnectPolicy reconnectPolicy = ReconnectPolicy.defaults();
        private boolean virtualThreads = true;
        private boolean quickAcks;
        private Executor callbackExecutor;
        private RandomSource random;
        private LongSupplier clockMillis = System::currentTimeMillis;

        private Builder(int apiId, String apiHash) {
            if (apiId <= 0) {
                throw new IllegalArgumentException("apiId must be positive, got " + apiId);
            }
            Objects.requireNonNull(apiHash, "apiHash");
            if (apiHash.isBlank()) {
                throw new IllegalArgumentException("apiHash is blank");
            }
            this.apiId = apiId;
            this.apiHash = apiHash;
        }

        /** @param value talk to test DCs (default production); also picks the test RSA key and addresses */
        public Builder testMode(boolean value) {
            this.testMode = value;
            return this;
        }

        /** @param value the DC addresses (default Telegram's, for the mode) */
        public Builder dcOptions(DcOptions value) {
            this.dcOptions = Objects.requireNonNull(value, "dcOptions");
            return this;
        }

        /** @param value the DC to start on (default 2) */
        public Builder homeDc(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("homeDc must be positive, got " + value);
            }
            this.homeDc = value;
            return this;
        }

        /**
         * @param kind the framing (default intermediate)
         * @param obfuscate whether to wrap it in obfuscated2 (default true)
         */
        public Builder transport(TransportKind kind, boolean obfuscate) {
            this.transport = Objects.requireNonNull(kind, "transport");
            if (obfuscate && !kind.supportsObfuscation()) {
                throw new IllegalArgumentException(kind + " cannot be obfuscated");
            }
            this.obfuscated = obfuscate;
            return this;
        }

        /** @param key an extra trusted RSA key (a test server's, for example) */
        public Builder addRsaKey(RsaPublicKey key) {
            extraRsaKeys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /** @param value what {@code initConnection} says (default: this JVM and locale) */
        public Builder initConnection(InitConnectionParams value) {
            this.initConnection = Objects.requireNonNull(value, "initConnection");
            return this;
        }

        /** @param value where keys and salts are kept (default in memory: every start creates a new key) */
        public Builder sessionStore(SessionStore value) {
            this.sessionStore = Objects.requireNonNull(value, "sessionStore");
            return this;
        }

        /** @param value connect and key-exchange timeout (default 10 s) */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /** @param value default call deadline (default 60 s) */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = positive(value, "requestTimeout");
            return this;
        }

        /** @param value ping interval of idle connections (default 60 s) */
        public Builder pingInterval(Duration value) {
            this.pingInterval = positive(value, "pingInterval");
            return this;
        }

        /** @param value the reconnect backoff */
        public Builder reconnectPolicy(ReconnectPolicy value) {
            this.reconnectPolicy = Objects.requireNonNull(value, "reconnectPolicy");
            return this;
        }

        /** @param value use virtual threads when the JVM has them (default true) */
        public Builder virtualThreads(boolean value) {
            this.virtualThreads = value;
            return this;
        }

        /**
         * @param value ask the DC to confirm receipt of each packet that carries calls with a quick ack
         *     (default false). Confirmed calls report {@code acknowledged}, and
         *     {@link MtprotoClient#quickAcksReceived()} counts the receipts. Ignored on the full transport.
         */
        public Builder quickAcks(boolean value) {
            this.quickAcks = value;
            return this;
        }

        /** @param value where results are completed (default: the client's own threads) */
        public Builder callbackExecutor(Executor value) {
            this.callbackExecutor = Objects.requireNonNull(value, "callbackExecutor");
            return this;
        }

        /**
         * @param value the source of randomness for every connection (tests only; it must be thread-safe, since
         *     connections to several DCs use it at once). By default each connection has its own secure source.
         */
        public Builder random(RandomSource value) {
            this.random = Objects.requireNonNull(value, "random");
            return this;
        }

        /** @param value the local clock (tests only; default {@link System#currentTimeMillis()}) */
        public Builder clockMillis(LongSupplier value) {
            this.clockMillis = Objects.requireNonNull(value, "clockMillis");
            return this;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }

        /**
         * @return the configuration
         * @throws IllegalArgumentException if the home DC has no address
         */
        public ClientConfig build() {
            return new ClientConfig(this);
        }
    }
}
