package dev.mtproto.client;

import dev.mtproto.client.net.DcEndpoint;
import dev.mtproto.tl.api.DcOption;
import dev.mtproto.transport.MtproxySecret;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One address of a data center, with what Telegram says about it ({@code dcOption} of {@code help.getConfig}).
 * A DC usually has several: IPv4 and IPv6, general and media-only.
 *
 * @param id the DC id (1..5 on Telegram)
 * @param host host name or IP literal
 * @param port TCP port
 * @param flags what the address is for
 * @param secret the secret to obfuscate with, for addresses that demand one ({@code tcpo_only} ones)
 */
public record DcAddress(int id, String host, int port, Set<Flag> flags, Optional<MtproxySecret> secret) {

    /** The {@code dcOption} flags. */
    public enum Flag {
        /** An IPv6 address. */
        IPV6,
        /** For file transfers only (downloads prefer it; API calls never use it). */
        MEDIA_ONLY,
        /** Only reachable with the obfuscated transport. */
        TCPO_ONLY,
        /** A CDN DC. */
        CDN,
        /** A static address, for clients that cache addresses. */
        STATIC,
        /** Connect to this exact port only, not to others of the same IP. */
        THIS_PORT_ONLY
    }

    /**
     * @throws IllegalArgumentException if the id is not positive, the host is blank or the port outside 1..65535
     */
    public DcAddress {
        DcEndpoint.check(id, host, port);
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        Objects.requireNonNull(secret, "secret");
    }

    /**
     * A general-purpose address without flags.
     *
     * @param id the DC id
     * @param host host name or IP literal
     * @param port TCP port
     */
    public DcAddress(int id, String host, int port) {
        this(id, host, port, Set.of(), Optional.empty());
    }

    /**
     * @param option a {@code dcOption} from {@code help.getConfig}
     * @return the same address
     * @throws IllegalArgumentException if the option's id, address or port is invalid, or its secret is not
     *     a valid MTProxy secret
     */
    public static DcAddress of(DcOption option) {
        EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
        if (option.ipv6()) {
            flags.add(Flag.IPV6);
        }
        if (option.mediaOnly()) {
            flags.add(Flag.MEDIA_ONLY);
        }
        if (option.tcpoOnly()) {
            flags.add(Flag.TCPO_ONLY);
        }
        if (option.cdn()) {
            flags.add(Flag.CDN);
        }
        if (option.static_()) {
            flags.add(Flag.STATIC);
        }
        if (option.thisPortOnly()) {
            flags.add(Flag.THIS_PORT_ONLY);
        }
        Optional<MtproxySecret> secret = option.secret() == null || option.secret().length == 0
                ? Optional.empty() : Optional.of(MtproxySecret.of(option.secret()));
        return new DcAddress(option.id(), option.ipAddress(), option.port(), flags, secret);
    }

    /**
     * @param flag a flag
     * @return whether this address has it
     */
    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    @Override
    public String toString() {
        return "DC " + id + " " + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port
                + (flags.isEmpty() ? "" : " " + flags) + (secret.isPresent() ? " (with secret)" : "");
    }
}
