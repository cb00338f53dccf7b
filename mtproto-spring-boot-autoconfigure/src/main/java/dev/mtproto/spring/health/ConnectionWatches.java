package dev.mtproto.spring.health;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link ConnectionWatch} of each account, made when its client is configured. */
public final class ConnectionWatches {
    private final Clock clock;
    private final Map<String, ConnectionWatch> byAccount = new ConcurrentHashMap<>();

    /** @param clock for the times the watches record */
    public ConnectionWatches(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param accountName an account
     * @return its watch, made on the first call
     */
    public ConnectionWatch forAccount(String accountName) {
        return byAccount.computeIfAbsent(accountName, name -> new ConnectionWatch(clock));
    }
}
