package dev.mtproto.testkit;

import dev.mtproto.MtprotoException;
import dev.mtproto.crypto.RsaPrivateKey;
import dev.mtproto.testkit.world.AccountSeed;
import dev.mtproto.testkit.world.ChatSeed;
import dev.mtproto.testkit.world.Chatter;
import dev.mtproto.testkit.world.chats.ChatKind;
import dev.mtproto.transport.MtproxySecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The command line of the standalone test DC ({@link TestDcMain}), parsed and checked.
 *
 * @param help whether {@code --help} was given (nothing else is then done)
 * @param verbose whether to log at DEBUG
 * @param cluster the cluster to start
 * @param accounts the accounts to create once it runs
 * @param chats the groups, supergroups and channels to make after them
 * @param chatters the scripted users who keep writing
 * @param proxies the proxies to start in front of the DCs
 */
record StandaloneOptions(boolean help, boolean verbose, TestClusterBuilder cluster, List<AccountSeed> accounts,
        List<ChatSeed> chats, List<Chatter.Spec> chatters, StandaloneProxies proxies) {

    static final String USAGE = """
            usage: java -jar mtproto-testkit-<version>-standalone.jar [options]
              --dcs N             how many DCs, 1..9 (default 1, or one per port of --ports)
              --first-port P      DC 1 listens on port P, DC 2 on P+1, ... (default: ephemeral ports)
              --ports P1,P2,...   one port per DC, in DC order
              --rsa-key FILE      the RSA private key to use, 2048-bit, PEM: PKCS#1 (BEGIN RSA PRIVATE KEY)
                                  or PKCS#8 (BEGIN PRIVATE KEY); default: a fresh key every run
              --strict            refuse what Telegram's DCs let pass (odd seqnos of acks and containers,
                                  seqnos out of order), as the MTProto docs say
              --verbose           log at DEBUG: every message refused or let pass
              --media             every DC also listens on a media-only address (announced with media_only)
              --cdn               a CDN DC (id 203) with its own RSA key, listed by help.getCdnConfig
              --schema-dir DIR    more API layers to serve clients in: DIR's files api-layerN.tl (besides
                                  the bundled 144, 190 and 228; a layer without a file is answered in the
                                  nearest layer below it that has one)
              --user PHONE:FIRST[:LAST][,dc=N][,username=NAME][,password=PASSWORD]
                                  an account to create at start (repeatable), e.g. --user +15550001:Alice;
                                  password sets its 2FA password; default DC: the DCs in turn
              --bot USERNAME[,dc=N][,name=NAME][,token=ID:SECRET]
                                  a bot to create at start (repeatable), e.g. --bot echo_bot; its token is
                                  printed (token= fixes it across runs)
              --group TITLE:MEMBER[,MEMBER...]
                                  a basic group to make at start (repeatable); members are accounts of
                                  --user/--bot named @username or +phone, the first one its creator
              --supergroup TITLE:MEMBER[,MEMBER...][,username=NAME]
              --channel TITLE:MEMBER[,MEMBER...][,username=NAME]
                                  a supergroup (every member posts) or a broadcast channel (only the
                                  creator posts); username= makes it public
              --chatter FROM:TO:INTERVAL
                                  a scripted user who writes "chatter 1", "chatter 2", ... every INTERVAL
                                  (500ms, 2s, 1m), e.g. --chatter @alice:@echo_bot:2s; TO is @username (a
                                  user, bot or public chat), +phone or #Title (a chat by its title)
              --mtproxy SECRET    start an MTProxy front for the DCs on 127.0.0.1 with this secret in hex: 32
                                  digits (plain), dd + 32 (padded), or ee + 32 + the domain in hex (FakeTLS; it
                                  also serves plain and dd clients of the same key); its tg://proxy link is printed
              --mtproxy-port P    the front's port (default: ephemeral)
              --socks5-proxy      start a SOCKS5 proxy (no authentication) on 127.0.0.1
              --http-proxy        start an HTTP CONNECT proxy (no authentication) on 127.0.0.1
              --help              print this and exit
            It prints each DC's address and id, the RSA public key to trust and the accounts it made, then
            serves until stopped, printing each login code it sends. Test numbers 99966XYYYY (X a DC) need no
            --user: on keys made for test DCs (DC id + 10000) they sign up and in on DC X with the code XXXXX.
            """;

    /**
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException naming the option that is wrong, and why
     */
    static StandaloneOptions parse(String... args) {
        TestClusterBuilder cluster = TestCluster.builder();
        boolean help = false;
        boolean verbose = false;
        Integer dcs = null;
        List<AccountSeed> accounts = new ArrayList<>();
        List<ChatSeed> chats = new ArrayList<>();
        List<Chatter.Spec> chatters = new ArrayList<>();
        Optional<MtproxySecret> mtproxy = Optional.empty();
        int mtproxyPort = 0;
        boolean socks5 = false;
        boolean http = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--help", "-h" -> help = true;
                case "--verbose" -> verbose = true;
                case "--strict" -> cluster.strictChecks(true);
                case "--media" -> cluster.mediaAddresses(true);
                case "--cdn" -> cluster.cdnDc(true);
                case "--dcs" -> dcs = number(option, value(args, ++i, option));
                case "--first-port", "--port" -> cluster.firstPort(port(option, value(args, ++i, option)));
                case "--ports" -> ports(cluster, value(args, ++i, option));
                case "--rsa-key" -> cluster.rsaKey(rsaKey(value(args, ++i, option)));
                case "--schema-dir" -> cluster.schemaDir(schemaDir(value(args, ++i, option)));
                case "--user" -> accounts.add(AccountSeed.user(value(args, ++i, option)));
                case "--bot" -> accounts.add(AccountSeed.bot(value(args, ++i, option)));
                case "--group" -> chats.add(ChatSeed.parse(ChatKind.GROUP, option, value(args, ++i, option)));
                case "--supergroup" -> chats.add(ChatSeed.parse(ChatKind.SUPERGROUP, option, value(args, ++i, option)));
                case "--channel" -> chats.add(ChatSeed.parse(ChatKind.CHANNEL, option, value(args, ++i, option)));
                case "--chatter" -> chatters.add(Chatter.Spec.parse(value(args, ++i, option)));
                case "--mtproxy" -> mtproxy = Optional.of(secret(value(args, ++i, option)));
                case "--mtproxy-port" -> mtproxyPort = port(option, value(args, ++i, option));
                case "--socks5-proxy" -> socks5 = true;
                case "--http-proxy" -> http = true;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (dcs != null) {
            try {
                cluster.dcs(dcs);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--dcs must be 1.." + TestCluster.MAX_DCS + ", got " + dcs, e);
            }
        }
        if (mtproxyPort != 0 && mtproxy.isEmpty()) {
            throw new IllegalArgumentException("--mtproxy-port needs --mtproxy");
        }
        return new StandaloneOptions(help, verbose, cluster, List.copyOf(accounts), List.copyOf(chats), List.copyOf(chatters),
                new StandaloneProxies(mtproxy, mtproxyPort, socks5, http));
    }

    private static MtproxySecret secret(String hex) {
        try {
            return MtproxySecret.fromHex(hex.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--mtproxy: " + (e.getMessage().startsWith("MTProxy") ? e.getMessage()
                    : "the secret is not hex"), e);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
        }
    }

    private static int port(String option, String value) {
        int port = number(option, value);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(option + " must be a port 1..65535, got " + port);
        }
        return port;
    }

    private static void ports(TestClusterBuilder cluster, String list) {
        int[] ports = Arrays.stream(list.split(",", -1)).mapToInt(p -> port("--ports", p)).toArray();
        try {
            cluster.ports(ports);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--ports " + list + ": " + e.getMessage(), e);
        }
    }

    private static Path schemaDir(String dir) {
        Path path = Path.of(dir);
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("--schema-dir " + dir + ": no such directory");
        }
        return path;
    }

    private static RsaPrivateKey rsaKey(String file) {
        String pem;
        try {
            pem = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--rsa-key " + file + ": no such file", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("--rsa-key " + file + ": cannot be read as PEM text (" + e.getMessage() + ")", e);
        }
        RsaPrivateKey key;
        try {
            key = RsaPrivateKey.fromPem(pem);
        } catch (MtprotoException e) {
            throw new IllegalArgumentException("--rsa-key " + file + ": " + e.getMessage(), e);
        }
        if (key.publicKey().modulusLength() != 256) {
            throw new IllegalArgumentException("--rsa-key " + file + ": the key has " + key.publicKey().modulusLength() * 8
                    + " bits; MTProto needs a 2048-bit key");
        }
        return key;
    }
}
