package dev.mtproto.spring.metrics;

import dev.mtproto.client.ConnectionId;
import dev.mtproto.client.ConnectionState;
import dev.mtproto.client.DcRole;
import dev.mtproto.client.event.ClientEventListener;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The meters one account's client feeds through its events: bytes sent and received, reconnects, whether
 * each DC's main connection is up, and flood waits. Counts are kept here from the first event, and the meters
 * reading them are registered with every registry this is {@linkplain #bindTo bound} to (a DC seen later gets
 * its meters then). Flood waits are timed only once bound; clients connect after binding in a Spring
 * application, so none is missed there.
 */
public final class ClientMeters implements ClientEventListener {
    private final Tags accountTags;
    private final Map<Integer, LongAdder> sent = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> received = new ConcurrentHashMap<>();
    private final Map<ReconnectKey, LongAdder> reconnects = new ConcurrentHashMap<>();
    private final Map<Integer, ConnectionState> mainStates = new ConcurrentHashMap<>();
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

    /** @param accountName the account, the value of the {@code mtproto.account} tag */
    public ClientMeters(String accountName) {
        this.accountTags = Tags.of(MtprotoMeterTags.ACCOUNT, accountName);
    }

    /**
     * Registers the meters of everything seen so far with a registry, and of what is seen later.
     *
     * @param registry the registry
     */
    public void bindTo(MeterRegistry registry) {
        if (!registries.contains(registry)) {
            registries.add(registry);
        }
        sent.forEach((dc, count) -> registerTraffic(registry, "mtproto.client.sent", dc, count));
        received.forEach((dc, count) -> registerTraffic(registry, "mtproto.client.received", dc, count));
        reconnects.forEach((key, count) -> registerReconnects(registry, key, count));
        mainStates.keySet().forEach(dc -> registerConnected(registry, dc));
    }

    @Override
    public void bytesSent(ConnectionId connection, long bytes) {
        traffic(sent, "mtproto.client.sent", connection.dcId()).add(bytes);
    }

    @Override
    public void bytesReceived(ConnectionId connection, long bytes) {
        traffic(received, "mtproto.client.received", connection.dcId()).add(bytes);
    }

    @Override
    public void reconnectScheduled(ConnectionId connection, int attempt, Duration delay, @Nullable Throwable cause) {
        ReconnectKey key = new ReconnectKey(connection.dcId(), ReconnectReason.of(cause));
        reconnects.computeIfAbsent(key, k -> {
            LongAdder count = new LongAdder();
            registries.forEach(r -> registerReconnects(r, k, count));
            return count;
        }).increment();
    }

    @Override
    public void stateChanged(ConnectionId connection, ConnectionState state) {
        if (connection.role() != DcRole.MAIN) {
            return;
        }
        if (mainStates.put(connection.dcId(), state) == null) {
            registries.forEach(r -> registerConnected(r, connection.dcId()));
        }
    }

    @Override
    public void floodWait(String method, ConnectionId connection, Duration wait, boolean waiting) {
        for (MeterRegistry registry : registries) {
            Timer.builder("mtproto.client.flood.wait").description("Waits the DCs imposed on calls (FLOOD_WAIT_X and the like)")
                    .tags(accountTags).tag(MtprotoMeterTags.METHOD, method).tag(MtprotoMeterTags.DC, Integer.toString(connection.dcId()))
                    .register(registry).record(wait);
        }
    }

    /**
     * @param dcId a DC
     * @return whether its main connection is up, as the {@code mtproto.client.connected} gauge says
     */
    public boolean connected(int dcId) {
        return mainStates.get(dcId) == ConnectionState.CONNECTED;
    }

    private LongAdder traffic(Map<Integer, LongAdder> counts, String name, int dcId) {
        LongAdder count = counts.get(dcId);
        if (count != null) {
            return count;
        }
        return counts.computeIfAbsent(dcId, dc -> {
            LongAdder created = new LongAdder();
            registries.forEach(r -> registerTraffic(r, name, dc, created));
            return created;
        });
    }

    private void registerTraffic(MeterRegistry registry, String name, int dcId, LongAdder count) {
        FunctionCounter.builder(name, count, LongAdder::doubleValue).baseUnit("bytes")
                .description(name.endsWith("sent") ? "Bytes written to the DC's sockets" : "Bytes read from the DC's sockets")
                .tags(accountTags).tag(MtprotoMeterTags.DC, Integer.toString(dcId)).register(registry);
    }

    private void registerReconnects(MeterRegistry registry, ReconnectKey key, LongAdder count) {
        FunctionCounter.builder("mtproto.client.reconnects", count, LongAdder::doubleValue).description("Reconnects scheduled after a connection or attempt ended")
                .tags(accountTags).tag(MtprotoMeterTags.DC, Integer.toString(key.dcId())).tag("reason", key.reason().tagValue())
                .register(registry);
    }

    private void registerConnected(MeterRegistry registry, int dcId) {
        Gauge.builder("mtproto.client.connected", this, m -> m.connected(dcId) ? 1 : 0).description("Whether the DC's main connection is up (1) or not (0)")
                .tags(accountTags).tag(MtprotoMeterTags.DC, Integer.toString(dcId)).strongReference(true).register(registry);
    }

    private record ReconnectKey(int dcId, ReconnectReason reason) {
    }
}
