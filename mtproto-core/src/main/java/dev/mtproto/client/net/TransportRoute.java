package dev.mtproto.client.net;

import dev.mtproto.transport.TransportKind;
import java.util.Objects;

/**
 * One way to reach a DC: a {@link Dialer} (direct, or through a SOCKS5, HTTP CONNECT or MTProxy proxy) and
 * the MTProto transport spoken over it. A client tries its routes in the order configured
 * ({@code ClientConfigBuilder.routes}), one after the other or raced ({@link RouteSelection}).
 *
 * <p>An MTProxy route ignores the framing given here where its secret demands another (a {@code dd} or
 * {@code ee} secret means padded intermediate, always obfuscated), as a single MTProxy dialer always did.
 *
 * @param name what logs, events and errors call the route; unique among a client's routes. It must not
 *     contain a password or secret: the factories take it from {@link Dialer#describe()}, which never does
 * @param dialer how connections of this route are opened
 * @param kind the transport framing
 * @param obfuscated whether the framing is wrapped in obfuscated2
 */
public record TransportRoute(String name, Dialer dialer, TransportKind kind, boolean obfuscated) {
    /**
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is blank or over 200 characters, or the framing cannot be
     *     obfuscated ({@code FULL})
     */
    public TransportRoute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dialer, "dialer");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a route name must be 1 to 200 characters and not blank, got \"" + name + "\"");
        }
        if (obfuscated && !kind.supportsObfuscation()) {
            throw new IllegalArgumentException("route " + name + ": " + kind + " cannot be obfuscated; choose another framing"
                    + " or obfuscated=false");
        }
    }

    /**
     * @param dialer how connections are opened
     * @param kind the framing
     * @param obfuscate whether to wrap it in obfuscated2
     * @return a route named by {@link Dialer#describe()} plus the transport, e.g. {@code "direct intermediate+obfuscated"}
     * @throws IllegalArgumentException if the framing cannot be obfuscated
     */
    public static TransportRoute of(Dialer dialer, TransportKind kind, boolean obfuscate) {
        Objects.requireNonNull(dialer, "dialer");
        Objects.requireNonNull(kind, "kind");
        return new TransportRoute(dialer.describe() + " " + transportName(kind, obfuscate), dialer, kind, obfuscate);
    }

    /**
     * @param kind the framing
     * @param obfuscate whether to wrap it in obfuscated2
     * @return a route straight to the DC
     * @throws IllegalArgumentException if the framing cannot be obfuscated
     */
    public static TransportRoute direct(TransportKind kind, boolean obfuscate) {
        return of(Dialer.direct(), kind, obfuscate);
    }

    /**
     * @param newName another name
     * @return this route under that name
     * @throws IllegalArgumentException if the name is blank or too long
     */
    public TransportRoute named(String newName) {
        return new TransportRoute(newName, dialer, kind, obfuscated);
    }

    private static String transportName(TransportKind kind, boolean obfuscate) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + (obfuscate ? "+obfuscated" : "");
    }

    /** @return the name (never a secret) */
    @Override
    public String toString() {
        return name;
    }
}
