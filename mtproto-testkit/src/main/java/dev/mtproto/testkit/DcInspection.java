package dev.mtproto.testkit;

import dev.mtproto.session.server.Leniency;
import dev.mtproto.tl.TlObject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one {@link TestDc} did and holds, for tests to assert on: the functions it executed, what it let pass,
 * the keys clients created, its sessions, the connections it accepted, the frames it dropped and the calls a
 * delay fault holds. Reached as {@link TestDc#inspection()}:
 *
 * <pre>{@code
 * DcInspection seen = telegram.dc(1).inspection();
 * int before = seen.executions(GetNearestDc.class);
 * client.invoke(GetNearestDc.INSTANCE).join();
 * assertThat(seen.executions(GetNearestDc.class)).isEqualTo(before + 1);
 * }</pre>
 *
 * <p>Execution and leniency counts go back to zero when the cluster is reset ({@link TestCluster#reset()});
 * the others count since the DC started. Reading changes nothing. Thread-safe.
 */
public final class DcInspection {
    private final DcKeys keys;
    private final DcSessions sessions;
    private final DcAddresses addresses;
    private final DcCalls calls;
    private final Map<Leniency, AtomicLong> leniencies = new EnumMap<>(Leniency.class);
    private final AtomicLong droppedFrames = new AtomicLong();
    private final AtomicInteger acceptedConnections = new AtomicInteger();

    DcInspection(DcKeys keys, DcSessions sessions, DcAddresses addresses, DcCalls calls) {
        this.keys = keys;
        this.sessions = sessions;
        this.addresses = addresses;
        this.calls = calls;
        for (Leniency kind : Leniency.values()) {
            leniencies.put(kind, new AtomicLong());
        }
    }

    /**
     * @param type a function class
     * @return how many times the DC executed it (resent requests answered from the cache do not count)
     */
    public int executions(Class<? extends TlObject> type) {
        return calls.executions(type);
    }

    /**
     * @param kind a rule Telegram does not enforce
     * @return how many client messages broke it and were let pass since the DC started or was reset
     *     (always 0 with strict checks: they are refused instead)
     * @throws NullPointerException if the kind is null
     */
    public long leniencies(Leniency kind) {
        return leniencies.get(Objects.requireNonNull(kind, "kind")).get();
    }

    /** @return every leniency and how many messages it let pass, in declaration order */
    public Map<Leniency, Long> leniencies() {
        Map<Leniency, Long> counts = new EnumMap<>(Leniency.class);
        leniencies.forEach((kind, n) -> counts.put(kind, n.get()));
        return counts;
    }

    /**
     * @param authKeyId a key id
     * @return the key clients created here with that id; empty if none, or if it was temporary and has
     *     expired (the DC then forgets it, as Telegram keeps temporary keys in memory only: the client gets
     *     transport error -404, https://core.telegram.org/api/pfs)
     */
    public Optional<DcKey> authKey(long authKeyId) {
        DcKeys.KeyRecord record = keys.get(authKeyId);
        return record == null ? Optional.empty() : Optional.of(new DcKey(record.key, record.lifetime, record.testMode));
    }

    /**
     * @return every key clients created here that the DC still holds, permanent and temporary (for tests that
     *     look for key material where it must not be, such as logs)
     */
    public List<DcKey> authKeys() {
        return keys.ids().stream().map(this::authKey).flatMap(Optional::stream).toList();
    }

    /** @return how many authorization keys clients created here */
    public int authKeyCount() {
        return keys.count();
    }

    /** @return how many calls a {@link Faults.CallFault#delay delay fault} holds: they run (and count) later */
    public int delayedCalls() {
        return calls.delayedCount();
    }

    /** @return how many sessions the DC keeps (forgotten ones, idle for too long, not counted) */
    public int sessionCount() {
        return sessions.count();
    }

    /** @return how many TCP connections the DC accepted since it started, on all its addresses */
    public int acceptedConnections() {
        return acceptedConnections.get();
    }

    /** @return how many TCP connections the media-only address accepted (also counted in {@link #acceptedConnections()}) */
    public int acceptedMediaConnections() {
        return addresses.acceptedMediaConnections();
    }

    /** @return how many client frames failed decryption or checks and were dropped */
    public long droppedFrames() {
        return droppedFrames.get();
    }

    void leniencyPassed(Leniency kind) {
        leniencies.get(kind).incrementAndGet();
    }

    void connectionAccepted() {
        acceptedConnections.incrementAndGet();
    }

    void frameDropped() {
        droppedFrames.incrementAndGet();
    }

    /** Zeroes the leniency counts (see {@link TestCluster#reset()}). */
    void resetLeniencies() {
        leniencies.values().forEach(n -> n.set(0));
    }
}
