package dev.mtproto.client;

import dev.mtproto.client.net.DcEndpoint;
import dev.mtproto.client.net.DialedConnection;
import dev.mtproto.keyexchange.ClientKeyExchange;
import dev.mtproto.keyexchange.ClientKeyExchangeResult;
import dev.mtproto.store.DcAuthorization;
import dev.mtproto.transport.ClientTransport;
import dev.mtproto.transport.MtproxySecret;
import dev.mtproto.transport.TransportKind;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One attempt to open a connection, from dialing to a usable session, run on the blocking pool: plan the
 * routes and addresses to try ({@link RouteCandidate#plan}), open a connection over them ({@link RouteDialing}),
 * set up the transport the winning route needs, then either reuse the DC's key or create one with a {@link KeyExchangeDriver}. It reports
 * to its {@link DcConnection}: {@code adopt} (the link exists), {@code established} (calls may flow) or
 * {@code attemptFailed}. The whole attempt must finish within the connect timeout, or the link is closed.
 */
final class ConnectAttempt implements Runnable {
    private final DcConnection owner;
    private final ClientRuntime runtime;
    private final ClientConfig config;
    private final int attemptNumber;

    ConnectAttempt(DcConnection owner, ClientRuntime runtime, int attemptNumber) {
        this.owner = owner;
        this.runtime = runtime;
        this.config = runtime.config();
        this.attemptNumber = attemptNumber;
    }

    @Override
    public void run() {
        ConnectionId id = owner.id();
        List<DcAddress> addresses = runtime.options().get().candidates(id.dcId(), id.role(), config.ipFamily());
        if (addresses.isEmpty()) {
            owner.supervision().attemptEnded(null, new UnknownDcException(id, runtime.options().get().dcIds()), false);
            return;
        }
        List<RouteCandidate> plan = RouteCandidate.plan(config.routes(), runtime.routes().remembered(id.dcId(), id.role()),
                addresses, config.ipFamily(), attemptNumber);
        String where = plan.get(0).where();
        runtime.events().post(l -> l.connectStarted(id, where));
        RouteDialing.Dialed won;
        try {
            won = new RouteDialing(id, runtime.events(), runtime.routes()).dial(plan, config.routeSelection(), config.connectTimeout());
        } catch (IOException | RuntimeException e) {
            owner.supervision().attemptEnded(null, e, false);
            return;
        }
        DialedConnection dialed = won.connection();
        SocketLink link;
        DcAuthorization stored;
        try {
            stored = owner.establishment().needsKey() ? runtime.keys(id.role()).stored(id.dcId()).orElse(null) : null;
            ClientTransport transport = transport(dialed, won.candidate());
            link = new SocketLink(id, runtime.resources().ioLoops().next(), dialed, transport, owner.traffic());
        } catch (RuntimeException e) {
            dialed.closeQuietly();
            owner.supervision().attemptEnded(null, e, false);
            return;
        }
        if (!owner.establishment().adopt(link)) {
            dialed.closeQuietly();
            return;
        }
        // from here on the link is the connection's: a failure closes it, and closing reports the attempt's end
        try {
            ScheduledFuture<?> timeout = runtime.resources().timer().schedule(() -> owner.establishment().connectTimedOut(link,
                    new SocketTimeoutException("no usable session with " + id + " (" + dialed.route() + ") within "
                            + config.connectTimeout().toMillis() + " ms")),
                    config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            owner.supervision().whenSettled(link, () -> timeout.cancel(false));
            link.open();
            if (!owner.establishment().needsKey()) {
                link.loop().execute(() -> owner.establishment().established(link, null, null)); // the session goes on, on this link
            } else if (stored != null) {
                withPermanentKey(link, stored);
            } else {
                obtainKey(link);
            }
        } catch (IOException | RuntimeException e) {
            link.close(e);
        }
    }

    /** The transport the route names; an MTProxy or a {@code tcpo_only} address dictates obfuscation and its secret. */
    private ClientTransport transport(DialedConnection dialed, RouteCandidate route) {
        DcAddress address = route.address();
        boolean media = address.has(DcAddress.Flag.MEDIA_ONLY);
        MtproxySecret secret = dialed.mtproxySecret().or(address::secret).orElse(null);
        TransportKind kind = route.route().kind();
        boolean obfuscated = route.route().obfuscated() || secret != null || address.has(DcAddress.Flag.TCPO_ONLY);
        if (secret != null && secret.mode() != MtproxySecret.Mode.SIMPLE) {
            kind = TransportKind.PADDED_INTERMEDIATE;
        }
        if (obfuscated && !kind.supportsObfuscation()) {
            kind = TransportKind.INTERMEDIATE;
        }
        ClientTransport.Builder b = ClientTransport.builder(kind).random(owner.random());
        if (obfuscated) {
            int wireDc = config.wireDcId(address.id());
            b.obfuscated(true).dcId(media ? -wireDc : wireDc);
            if (secret != null) {
                b.mtproxySecret(secret);
            }
        }
        return b.build();
    }

    /** @return the RSA keys the DC signs with: a CDN DC's from {@code help.getCdnConfig}, else the configured ones */
    private dev.mtproto.crypto.RsaKeyRing rsaKeys() {
        ConnectionId id = owner.id();
        return id.role() == DcRole.CDN ? runtime.cdn().ring(id.dcId()) : config.rsaKeys();
    }

    /** Creates the DC's key over this link, or waits for another connection of this client creating it. */
    private void obtainKey(SocketLink link) {
        int dcId = owner.id().dcId();
        AuthKeys.Claim claim = runtime.keys(owner.id().role()).claim(dcId);
        if (!claim.mine()) {
            claim.future().whenComplete((auth, error) -> {
                if (error != null) {
                    link.close(error);
                } else {
                    withPermanentKey(link, auth);
                }
            });
            return;
        }
        // a link that closes before the key exists gives the claim up, so the next attempt can make one
        owner.supervision().whenSettled(link, () -> claim.failed(new java.io.IOException("the connection closed during the key exchange")));
        long started = System.nanoTime();
        ClientKeyExchange kx = ClientKeyExchange.builder(config.wireDcId(dcId), rsaKeys()).random(owner.random()).build();
        KeyExchangeDriver driver = new KeyExchangeDriver(kx, link, new SerialExecutor(runtime.resources().blocking(), "mtproto-kx"),
                result -> keyCreated(link, claim, result, started), error -> {
                    claim.failed(error);
                    link.close(error);
                });
        owner.supervision().keyExchange(link, driver);
        driver.start();
    }

    private void keyCreated(SocketLink link, AuthKeys.Claim claim, ClientKeyExchangeResult r, long startedNanos) {
        int dcId = owner.id().dcId();
        long now = config.clockMillis().getAsLong();
        DcAuthorization auth = new DcAuthorization(r.authKey(), r.firstServerSalt(), r.serverTime() * 1000L - now, Instant.ofEpochMilli(now));
        try {
            claim.created(auth);
        } catch (RuntimeException e) {
            link.close(e); // a key we cannot keep would be lost at the next start: fail the attempt, say why
            return;
        }
        java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - startedNanos);
        runtime.events().post(l -> l.authKeyCreated(dcId, false, took));
        withPermanentKey(link, auth);
    }

    /** The DC's permanent key is known: start the session on it, or first make a temporary key to bind to it. */
    private void withPermanentKey(SocketLink link, DcAuthorization permanent) {
        java.util.Optional<java.time.Duration> lifetime = config.tempKeyLifetime();
        if (lifetime.isEmpty() || owner.id().role() == DcRole.CDN) { // a CDN key is in memory only: no binding
            link.loop().execute(() -> owner.establishment().established(link, permanent, null));
            return;
        }
        int dcId = owner.id().dcId();
        int seconds = (int) lifetime.get().toSeconds();
        long started = System.nanoTime();
        ClientKeyExchange kx = ClientKeyExchange.builder(config.wireDcId(dcId), config.rsaKeys()).random(owner.random())
                .temporaryKey(seconds).build();
        KeyExchangeDriver driver = new KeyExchangeDriver(kx, link, new SerialExecutor(runtime.resources().blocking(), "mtproto-kx"),
                r -> {
                    long now = config.clockMillis().getAsLong();
                    TempKey temp = new TempKey(r.authKey(), r.firstServerSalt(), r.serverTime() * 1000L - now,
                            Instant.ofEpochSecond(r.serverTime()).plusSeconds(seconds)); // expires_at is the DC's time
                    java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - started);
                    runtime.events().post(l -> l.authKeyCreated(dcId, true, took));
                    link.loop().execute(() -> owner.establishment().established(link, permanent, temp));
                },
                link::close);
        owner.supervision().keyExchange(link, driver);
        driver.start();
    }
}
