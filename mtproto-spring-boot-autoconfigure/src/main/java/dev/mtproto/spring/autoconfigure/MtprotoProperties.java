package dev.mtproto.spring.autoconfigure;

import dev.mtproto.client.IpFamily;
import dev.mtproto.transport.TransportKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The "mtproto.*" properties: one Telegram account at the top level, or several under
 * "mtproto.clients.<name>.*"; the connection settings are shared by all of them.
 *
 * @param enabled Whether to create Telegram clients at all
 * @param autoStartup Whether the accounts connect and sign in, and updates flow, when the application starts (off:
 *     start the "MtprotoClientLifecycle" and "UpdateDispatcherLifecycle" beans yourself)
 * @param apiId Application id from https://my.telegram.org (shared by every account unless one sets its own)
 * @param apiHash Application hash from https://my.telegram.org; a secret, never logged
 * @param botToken Bot token from @BotFather ("<bot id>:<secret>"); a secret, never logged. Set it or
 *     "phone" (or neither, for an account whose session is already signed in)
 * @param phone Phone number of a person's account, in international form ("+15550100")
 * @param qrLogin Whether a person's account without a signed-in session signs in by QR code (scanned in a
 *     Telegram app where the account is signed in) instead of a bot token or a phone number
 * @param session Where the account's keys and update state are kept
 * @param dc Which Telegram DCs to use
 * @param transport How bytes travel to the DCs
 * @param proxy Proxy every connection goes through (none by default)
 * @param initConnection What the client tells Telegram about itself (shown in the account's session list)
 * @param timeouts Time limits
 * @param updates How updates are received and handed to handlers
 * @param pfs Perfect forward secrecy with temporary keys
 * @param files How file uploads and downloads work ("client.media()")
 * @param clients Several accounts by name; when set, "bot-token", "phone" and "qr-login" at the top
 *     level must not be
 */
@ConfigurationProperties("mtproto")
public record MtprotoProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("true") boolean autoStartup,
        @Nullable Integer apiId,
        @Nullable String apiHash,
        @Nullable String botToken,
        @Nullable String phone,
        @DefaultValue("false") boolean qrLogin,
        @DefaultValue Session session,
        @DefaultValue Dc dc,
        @DefaultValue Transport transport,
        @DefaultValue Proxy proxy,
        @DefaultValue InitConnection initConnection,
        @DefaultValue Timeouts timeouts,
        @DefaultValue Updates updates,
        @DefaultValue Pfs pfs,
        @DefaultValue Files files,
        @Nullable Map<String, Account> clients) {

    /** Hides the secrets. */
    @Override
    public String toString() {
        return "MtprotoProperties[enabled=" + enabled + ", autoStartup=" + autoStartup + ", apiId=" + apiId + ", apiHash=" + (apiHash == null ? "unset" : "(hidden)")
                + ", botToken=" + (botToken == null ? "unset" : "(hidden)") + ", phone=" + (phone == null ? "unset" : "(hidden)")
                + ", qrLogin=" + qrLogin + ", session=" + session + ", dc=" + dc + ", transport=" + transport + ", proxy=" + proxy + ", timeouts=" + timeouts + ", updates="
                + updates + ", pfs=" + pfs + ", files=" + files + ", clients=" + (clients == null ? "{}" : clients.keySet()) + "]";
    }

    /**
     * One named account under "mtproto.clients.<name>".
     *
     * @param apiId Application id, if this account uses another application than "mtproto.api-id"
     * @param apiHash Application hash, if this account uses another application than "mtproto.api-hash"
     * @param botToken Bot token from @BotFather; a secret, never logged
     * @param phone Phone number of a person's account, in international form
     * @param qrLogin Whether this person's account signs in by QR code instead
     * @param session Where this account's keys and update state are kept
     */
    public record Account(@Nullable Integer apiId, @Nullable String apiHash, @Nullable String botToken, @Nullable String phone,
            @DefaultValue("false") boolean qrLogin, @DefaultValue Session session) {

        /** Hides the secrets. */
        @Override
        public String toString() {
            return "Account[apiId=" + apiId + ", botToken=" + (botToken == null ? "unset" : "(hidden)") + ", phone="
                    + (phone == null ? "unset" : "(hidden)") + ", qrLogin=" + qrLogin + ", session=" + session + "]";
        }
    }

    /**
     * Where an account's authorization keys, home DC, update state and peers are kept.
     *
     * @param store Kind of store
     * @param path File of a "file" store; default "<account name>.session" in the working directory
     * @param string Session string of a "string" store (from "SessionString.export"); a secret
     * @param name Row name of a "jdbc" store; default the account's name
     * @param lease How long a "jdbc" store's lease lasts before another instance may take the session over
     * @param allowInsecurePermissions Whether a "file" store may be readable by other users of the machine
     */
    public record Session(@DefaultValue("file") StoreKind store, @Nullable Path path, @Nullable String string,
            @Nullable String name, @DefaultValue("30s") Duration lease, @DefaultValue("false") boolean allowInsecurePermissions) {

        /** Hides the session string. */
        @Override
        public String toString() {
            return "Session[store=" + store + ", path=" + path + ", string=" + (string == null ? "unset" : "(hidden)") + ", name=" + name
                    + ", lease=" + lease + "]";
        }
    }

    /** Kinds of session store. */
    public enum StoreKind {
        /** A file on disk, owner-readable only, written atomically. */
        FILE,
        /** Memory only: every start signs in again (fine for bots, costly for people). */
        MEMORY,
        /** A session string given in "mtproto.session.string", kept in memory after that. */
        STRING,
        /** A table in the application's "DataSource", with a lease so one instance uses it at a time. */
        JDBC
    }

    /**
     * Which DCs to use.
     *
     * @param testMode Whether to use Telegram's test DCs instead of production
     * @param home DC to try first for an account without a session
     * @param addresses DC addresses by id ("2: 127.0.0.1:10443"), replacing Telegram's built-in list
     * @param rsaPublicKey PEM of the DCs' RSA key, for DCs other than Telegram's (such as a test DC)
     * @param ipv6 Whether IPv6 addresses may be used too, after the IPv4 ones (the same as ip-family=prefer-ipv4)
     * @param refreshOptions Whether to update the DC list from "help.getConfig"
     * @param ipFamily Which DC addresses are used: ipv4-only, prefer-ipv4, prefer-ipv6, or both (an IPv6 and an IPv4
     *     address in every attempt, raced when mtproto.transport.selection is race); unset: from "ipv6"
     */
    public record Dc(@DefaultValue("false") boolean testMode, @DefaultValue("2") int home, @Nullable Map<Integer, String> addresses,
            @Nullable String rsaPublicKey, @DefaultValue("false") boolean ipv6, @DefaultValue("true") boolean refreshOptions,
            @Nullable IpFamily ipFamily) {
    }

    /**
     * How bytes travel.
     *
     * @param kind MTProto transport framing
     * @param obfuscated Whether to obfuscate the stream (needed behind some firewalls and for MTProxy)
     * @param routes Ways to reach a DC, in the order to try them: "direct" and "proxy" (the one of mtproto.proxy);
     *     unset: through the proxy if one is set, else direct. The route that worked last for a DC goes first next time
     * @param selection Whether the routes are tried one after the other (sequential) or raced (race)
     * @param stagger How long a raced route has before the next starts (0 to 60s; 250ms after RFC 8305)
     */
    public record Transport(@DefaultValue("padded-intermediate") TransportKind kind, @DefaultValue("true") boolean obfuscated,
            @Nullable List<RouteKind> routes, @DefaultValue("sequential") RouteSelectionMode selection,
            @DefaultValue("250ms") Duration stagger) {
    }

    /** Ways to reach a DC. */
    public enum RouteKind {
        /** A TCP connection straight to the DC. */
        DIRECT,
        /** Through the proxy of "mtproto.proxy". */
        PROXY
    }

    /** How several routes are used. */
    public enum RouteSelectionMode {
        /** One after the other: the next when one fails or its share of the connect timeout runs out. */
        SEQUENTIAL,
        /** Staggered, in parallel: the first to connect wins and the others are closed. */
        RACE
    }

    /**
     * A proxy for every connection the clients open.
     *
     * @param type Kind of proxy; unset: connect directly
     * @param host Proxy's host name or IP address
     * @param port Proxy's port
     * @param username User name, for a proxy that asks for one
     * @param password Password, for a proxy that asks for one; a secret, never logged
     * @param link MTProxy link ("tg://proxy?server=...&port=...&secret=..." or "https://t.me/proxy?..."), with a
     *     plain, dd or ee (FakeTLS) secret; every connection then goes through that MTProxy; instead of type and host
     */
    public record Proxy(@Nullable ProxyType type, @Nullable String host, @Nullable Integer port, @Nullable String username,
            @Nullable String password, @Nullable String link) {

        /** Hides the password and the link's secret. */
        @Override
        public String toString() {
            return "Proxy[type=" + type + ", host=" + host + ", port=" + port + ", username=" + username + ", password="
                    + (password == null ? "unset" : "(hidden)") + ", link=" + (link == null ? "unset" : "(hidden)") + "]";
        }
    }

    /** Kinds of proxy. */
    public enum ProxyType {
        /** SOCKS5 (RFC 1928), with username/password authentication (RFC 1929) when a username is set. */
        SOCKS5,
        /** An HTTP proxy that tunnels with CONNECT, with Basic authentication when a username is set. */
        HTTP
    }

    /**
     * What "initConnection" tells Telegram; empty values take the library's defaults.
     *
     * @param deviceModel Device model
     * @param systemVersion Operating system version
     * @param appVersion Application version
     * @param systemLangCode System language code
     * @param langCode Language code of the client's interface
     */
    public record InitConnection(@Nullable String deviceModel, @Nullable String systemVersion, @Nullable String appVersion,
            @Nullable String systemLangCode, @Nullable String langCode) {
    }

    /**
     * Time limits.
     *
     * @param connect How long opening a connection may take
     * @param request How long a call may wait for its answer
     * @param ping Interval between pings that keep a connection alive
     * @param idleConnection After how long without calls a connection other than the home DC's is closed
     * @param floodWait Longest flood wait the client waits out by itself; longer ones fail the call
     * @param start How long connecting and signing in every account may take when the application starts
     */
    public record Timeouts(@DefaultValue("60s") Duration start, @DefaultValue("10s") Duration connect, @DefaultValue("60s") Duration request,
            @DefaultValue("60s") Duration ping, @DefaultValue("2m") Duration idleConnection, @DefaultValue("60s") Duration floodWait) {
    }

    /**
     * How updates are received and handed to handlers.
     *
     * @param enabled Whether to receive updates at all (off: the client only makes calls)
     * @param catchUp Whether to deliver what was missed since the last run (off: start from now)
     * @param workers How many chats are handled at once; one chat's updates always run in order
     * @param queueCapacity How many updates may wait for the handlers before Telegram is asked to resend later
     * @param publishEvents Whether every update is also published as an "MtprotoUpdateEvent"
     */
    public record Updates(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean catchUp,
            @Nullable Integer workers, @DefaultValue("10000") int queueCapacity, @DefaultValue("true") boolean publishEvents) {
    }

    /**
     * Perfect forward secrecy.
     *
     * @param enabled Whether calls use temporary keys bound to the permanent one
     * @param keyLifetime How long a temporary key lives before it is replaced
     */
    public record Pfs(@DefaultValue("false") boolean enabled, @DefaultValue("24h") Duration keyLifetime) {
    }

    /**
     * File transfers (every account's "client.media()").
     *
     * @param partsInFlight How many parts one transfer has sent and not yet had answered, 1 to 64; with the part
     *     size (up to 512 KiB up, 1 MiB down) this bounds a transfer's memory
     * @param lanesPerDc How many upload (and download) connections to one DC the transfers share, 1 to 16
     * @param cdn Whether downloads may be served by Telegram's CDN DCs
     * @param partAttempts How many times one part is sent before the transfer fails
     * @param partTimeout How long one part may wait for its answer
     * @param maxFloodWait The longest FLOOD_WAIT a part waits out before the transfer fails with it
     */
    public record Files(@DefaultValue("8") int partsInFlight, @DefaultValue("2") int lanesPerDc, @DefaultValue("true") boolean cdn,
            @DefaultValue("5") int partAttempts, @DefaultValue("60s") Duration partTimeout, @DefaultValue("60s") Duration maxFloodWait) {
    }
}
