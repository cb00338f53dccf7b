package dev.mtproto.spring.metrics;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link ClientMeters} of each account, made when its client is configured (so they see its events from
 * the first) and found again by {@link MtprotoMetrics} when the meters are bound.
 */
public final class ClientMetersRegistry {
    private final Map<String, ClientMeters> byAccount = new ConcurrentHashMap<>();

    /**
     * @param accountName an account
     * @return its meters, made on the first call
     */
    public ClientMeters forAccount(String accountName) {
        return byAccount.computeIfAbsent(accountName, ClientMeters::new);
    }

    /**
     * @param accountName an account
     * @return its meters, if its client was configured with them
     */
    public Optional<ClientMeters> find(String accountName) {
        return Optional.ofNullable(byAccount.get(accountName));
    }
}
