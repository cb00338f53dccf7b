package dev.mtproto.spring.autoconfigure;

import dev.mtproto.client.ClientConfigBuilder;
import dev.mtproto.files.TransferSettings;
import dev.mtproto.spring.client.TelegramAccount;
import dev.mtproto.spring.client.TelegramClients;
import dev.mtproto.store.SessionStore;
import dev.mtproto.telegram.TelegramClient;
import dev.mtproto.updates.CatchUp;
import dev.mtproto.updates.UpdateEngineConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Makes the application's accounts from the properties: checks them, opens each session store, applies the
 * customizers, and builds each {@link TelegramClient} (not connected: the client lifecycle connects).
 */
final class TelegramClientsFactory {
    private final MtprotoProperties properties;
    private final @Nullable DataSource dataSource;
    private final List<MtprotoClientConfigCustomizer> configCustomizers;
    private final List<UpdateEngineConfigCustomizer> engineCustomizers;
    private final @Nullable Executor handlerExecutor;
    private final Clock clock;

    /**
     * @param properties the properties
     * @param dataSource the application's data source, if any (for JDBC stores)
     * @param configCustomizers applied in order to each client configuration
     * @param engineCustomizers applied in order to each update engine configuration
     * @param handlerExecutor where handlers run (virtual threads when Boot's {@code spring.threads.virtual.enabled}),
     *     or null for the client's callback threads
     * @param clock the application's clock (the times accounts record, which health reports)
     */
    TelegramClientsFactory(MtprotoProperties properties, @Nullable DataSource dataSource, List<MtprotoClientConfigCustomizer> configCustomizers,
            List<UpdateEngineConfigCustomizer> engineCustomizers, @Nullable Executor handlerExecutor, Clock clock) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.configCustomizers = configCustomizers;
        this.engineCustomizers = engineCustomizers;
        this.handlerExecutor = handlerExecutor;
        this.clock = clock;
    }

    /**
     * @return the accounts
     * @throws InvalidMtprotoPropertyException for a property mistake (nothing stays open then)
     */
    TelegramClients create() {
        List<AccountProperties> settings = AccountProperties.of(properties);
        List<TelegramAccount> accounts = new ArrayList<>();
        List<SessionStore> opened = new ArrayList<>();
        try {
            for (AccountProperties a : settings) {
                SessionStore store = SessionStores.open(a, dataSource);
                opened.add(store);
                ClientConfigBuilder config = ClientConfigs.builder(properties, a, store);
                configCustomizers.forEach(c -> c.customize(a.name(), config));
                TelegramClient client = TelegramClient.create(build(config), engine(a.name()), transfers(properties.files()));
                accounts.add(new TelegramAccount(a.name(), client, a.signIn(), clock));
            }
            return new TelegramClients(accounts);
        } catch (RuntimeException e) {
            accounts.forEach(a -> a.client().raw().close());
            opened.forEach(SessionStores::closeQuietly);
            throw e;
        }
    }

    private static dev.mtproto.client.ClientConfig build(ClientConfigBuilder config) {
        try {
            return config.build();
        } catch (IllegalArgumentException e) {
            boolean home = e.getMessage() != null && e.getMessage().contains("home DC");
            throw new InvalidMtprotoPropertyException(home ? "mtproto.dc.home" : "mtproto", e.getMessage(),
                    home ? "make mtproto.dc.home one of the DCs in mtproto.dc.addresses (or remove the addresses to use Telegram's)"
                            : "see docs/spring-boot.md for every property", e);
        }
    }

    /**
     * @return the transfer settings the properties give
     * @throws InvalidMtprotoPropertyException naming the property out of range
     */
    static TransferSettings transfers(MtprotoProperties.Files f) {
        try {
            return TransferSettings.builder().partsInFlight(f.partsInFlight()).lanesPerDc(f.lanesPerDc()).cdnSupported(f.cdn())
                    .partAttempts(f.partAttempts()).partTimeout(f.partTimeout()).maxFloodWait(f.maxFloodWait()).build();
        } catch (IllegalArgumentException e) {
            // the message starts with the setting's name: partsInFlight, lanesPerDc, partAttempts, partTimeout, maxFloodWait
            String setting = e.getMessage() == null ? "" : e.getMessage().split(" ", 2)[0];
            String property = "mtproto.files." + setting.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
            throw new InvalidMtprotoPropertyException(property, e.getMessage(), "see docs/spring-boot.md for the ranges", e);
        }
    }

    private UpdateEngineConfig engine(String name) {
        MtprotoProperties.Updates u = properties.updates();
        UpdateEngineConfig.Builder b = UpdateEngineConfig.builder()
                .queueCapacity(u.queueCapacity())
                .catchUp(u.catchUp() ? CatchUp.FROM_STORED_STATE : CatchUp.SKIP_TO_NOW);
        if (u.workers() != null) {
            b.workers(u.workers());
        }
        if (handlerExecutor != null) {
            b.executor(handlerExecutor);
        }
        engineCustomizers.forEach(c -> c.customize(name, b));
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new InvalidMtprotoPropertyException("mtproto.updates", e.getMessage(), "see docs/spring-boot.md for the ranges", e);
        }
    }
}
