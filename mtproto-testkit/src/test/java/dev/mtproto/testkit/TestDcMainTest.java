package dev.mtproto.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.client.ClientConfig;
import dev.mtproto.client.ClientConfigBuilder;
import dev.mtproto.client.DcAddress;
import dev.mtproto.client.DcOptions;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.crypto.RsaPublicKey;
import dev.mtproto.tl.api.CodeSettings;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.auth.Authorization;
import dev.mtproto.tl.api.auth.AuthorizationSignUpRequired;
import dev.mtproto.tl.api.auth.ImportBotAuthorization;
import dev.mtproto.tl.api.auth.SendCode;
import dev.mtproto.tl.api.auth.SentCode;
import dev.mtproto.tl.api.auth.SignIn;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.mtproto.testkit.world.Chatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone test DC: every option and error, and a client configured only from what it prints. */
class TestDcMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<TestCluster> started = new ArrayList<>();
    private final List<Chatter> chatters = new ArrayList<>();
    private final List<AutoCloseable> proxies = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        chatters.forEach(Chatter::close);
        StandaloneProxies.closeAll(proxies);
        started.forEach(TestCluster::close);
    }

    private TestDcMain.Launch launch(String... args) {
        TestDcMain.Launch launch = TestDcMain.launch(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        if (launch.cluster() != null) {
            started.add(launch.cluster());
            chatters.addAll(launch.chatters());
            proxies.addAll(launch.proxies());
        }
        return launch;
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** @return the one-line error of a failed launch, checked to carry no stack trace */
    private String error(TestDcMain.Launch launch, int status) {
        assertThat(launch.cluster()).isNull();
        assertThat(launch.exitStatus()).isEqualTo(status);
        assertThat(err()).startsWith("error: ").doesNotContain("Exception", "\tat ");
        assertThat(err().strip().lines()).hasSize(1);
        return err();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void printsAddressesAndAKeyThatAClientCanUse() {
        TestCluster cluster = launch("--dcs", "2").cluster();
        assertThat(out()).contains("DC 2 listening on").contains("as lenient as Telegram's DCs");
        RsaPublicKey key = printedKey();
        assertThat(key.fingerprint()).isEqualTo(cluster.rsaPublicKey().fingerprint());
        assertThat(out()).contains(String.format("fingerprint %016x", key.fingerprint()));

        ClientConfig config = printedConfig(1).build();
        try (MtprotoClient client = MtprotoClient.create(config)) {
            assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(new NearestDc("XX", 1, 1));
        }
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        TestDcMain.Launch launch = launch("--help");
        assertThat(launch.cluster()).isNull();
        assertThat(launch.exitStatus()).isZero();
        assertThat(out()).startsWith("usage: ").contains("--dcs", "--first-port", "--ports", "--rsa-key", "--strict", "--verbose",
                "--user", "--bot", "--schema-dir", "99966XYYYY");
        assertThat(err()).isEmpty();
    }

    @Test
    void wrongUsageIsOneLineAndExitStatus2() {
        assertThat(error(launch("--dcs", "12"), 2)).contains("--dcs must be 1..9, got 12");
        err.reset();
        assertThat(error(launch("--first-port"), 2)).contains("--first-port needs a value");
        err.reset();
        assertThat(error(launch("--dcs", "x"), 2)).contains("--dcs needs a number, got 'x'");
        err.reset();
        assertThat(error(launch("--first-port", "70000"), 2)).contains("--first-port must be a port 1..65535");
        err.reset();
        assertThat(error(launch("--ports", "4430,,4432"), 2)).contains("--ports needs a number, got ''");
        err.reset();
        assertThat(error(launch("--ports", "4430,4430"), 2)).contains("port 4430 is given twice");
        err.reset();
        assertThat(error(launch("--dcs", "2", "--ports", "4430,4431,4432"), 2)).contains("2 DCs but 3 ports");
        err.reset();
        assertThat(error(launch("--first-port", "65535", "--dcs", "2"), 2)).contains("leaves no room for 2 DCs");
        err.reset();
        assertThat(error(launch("--frobnicate"), 2)).contains("unknown option --frobnicate");
    }

    private RsaPublicKey printedKey() {
        return RsaPublicKey.fromPem(out().substring(out().indexOf("-----BEGIN RSA PUBLIC KEY-----"),
                out().indexOf("-----END RSA PUBLIC KEY-----") + 28));
    }

    @Test
    void startsTheProxiesAskedForAndPrintsHowToReachThem() {
        String secret = "ee" + "cef85196f162e3e26d65f3e6cf82e7b4" + "6578616d706c652e636f6d";
        launch("--mtproxy", secret, "--socks5-proxy", "--http-proxy");
        assertThat(out()).contains("SOCKS5 proxy on 127.0.0.1:", "HTTP CONNECT proxy on 127.0.0.1:");
        Matcher link = Pattern.compile("MTProxy \\(FAKE_TLS secret\\) on 127\\.0\\.0\\.1:\\d+: (tg://proxy\\S+)").matcher(out());
        assertThat(link.find()).as(out()).isTrue();
        assertThat(link.group(1)).endsWith("&secret=" + secret);
        Matcher socks = Pattern.compile("SOCKS5 proxy on 127\\.0\\.0\\.1:(\\d+)").matcher(out());
        assertThat(socks.find()).isTrue();
        for (dev.mtproto.client.proxy.ProxyConfig proxy : List.of(dev.mtproto.client.proxy.ProxyConfig.mtproxy(link.group(1)),
                dev.mtproto.client.proxy.ProxyConfig.socks5("127.0.0.1", Integer.parseInt(socks.group(1))))) {
            try (MtprotoClient client = MtprotoClient.create(printedConfig(1).dialer(proxy.dialer()).build())) {
                assertThat(client.invoke(GetNearestDc.INSTANCE).join().thisDc()).as(proxy.toString()).isEqualTo(1);
            }
        }
    }

    @Test
    void aBadMtproxySecretIsAUsageError() {
        assertThat(error(launch("--mtproxy", "zz"), 2)).contains("--mtproxy: the secret is not hex");
        err.reset();
        assertThat(error(launch("--mtproxy", "ee00112233445566778899aabbccddeeff"), 2)).contains("--mtproxy: MTProxy secret: expected");
        err.reset();
        assertThat(error(launch("--mtproxy-port", "4443"), 2)).contains("--mtproxy-port needs --mtproxy");
    }

    /** A client that knows only what the launch printed: the address of DC {@code dc} and the key. */
    private ClientConfigBuilder printedConfig(int dc) {
        Matcher address = Pattern.compile("DC " + dc + " listening on 127\\.0\\.0\\.1:(\\d+)").matcher(out());
        assertThat(address.find()).as(out()).isTrue();
        return ClientConfig.builder(1, "0123456789abcdef0123456789abcdef").homeDc(dc).addRsaKey(printedKey())
                .dcOptions(DcOptions.of(new DcAddress(dc, "127.0.0.1", Integer.parseInt(address.group(1)))));
    }

    @Test
    void usersAndBotsMadeAtStartSignInWithWhatItPrints() {
        launch("--dcs", "2", "--user", "+15550001:Alice:Smith,dc=2,username=alice_s,password=pw", "--bot", "echo_bot,dc=1");
        assertThat(out()).containsPattern("User \\+15550001 \"Alice Smith\" \\(id \\d+\\) on DC 2")
                .doesNotContain("pw\n", "password");
        Matcher bot = Pattern.compile("Bot @echo_bot \\(id (\\d+)\\) on DC 1, token (\\d+:[A-Za-z0-9_-]+)").matcher(out());
        assertThat(bot.find()).as(out()).isTrue();
        try (MtprotoClient client = MtprotoClient.create(printedConfig(1).build())) {
            var signedIn = (Authorization) client.invoke(new ImportBotAuthorization(0, 1, "0123456789abcdef0123456789abcdef", bot.group(2))).join();
            assertThat(((User) signedIn.user()).id()).isEqualTo(Long.parseLong(bot.group(1)));
        }
        try (MtprotoClient client = MtprotoClient.create(printedConfig(2).build())) {
            client.invoke(new SendCode("+15550001", 1, "0123456789abcdef0123456789abcdef", CodeSettings.builder().build())).join();
            assertThat(out()).containsPattern("Login code for \\+15550001: \\d{5}");
        }
    }

    @Test
    void chatsAndChattersMadeAtStartWriteToTheirRecipients() {
        TestCluster cluster = launch("--user", "+15550001:Alice,username=alice_m", "--bot", "echo_bot",
                "--supergroup", "Lounge:@alice_m,@echo_bot,username=lounge_m", "--group", "Team:+15550001,@echo_bot",
                "--channel", "News:@alice_m", "--chatter", "@alice_m:@echo_bot:20ms", "--chatter", "+15550001:#Team:20ms",
                "--chatter", "@alice_m:@lounge_m:20ms").cluster();
        assertThat(out()).containsPattern("Supergroup \"Lounge\" \\(id \\d+, @lounge_m\\), 2 members")
                .containsPattern("Group \"Team\" \\(id \\d+\\), 2 members").containsPattern("Channel \"News\" \\(id \\d+\\), 1 members")
                .contains("Chatter: @alice_m writes to @echo_bot every PT0.02S");
        var bot = cluster.world().accounts().byUsername("echo_bot").orElseThrow();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            var peers = cluster.world().history(bot).stream().map(h -> h.peer().getClass().getSimpleName()).distinct().toList();
            return peers.containsAll(List.of("PeerUser", "PeerChat", "PeerChannel"));
        });
        assertThat(cluster.world().history(bot)).filteredOn(h -> h.peer() instanceof dev.mtproto.tl.api.PeerUser)
                .extracting(h -> h.text()).startsWith("chatter 1", "chatter 2");
    }

    @Test
    void aChatOrChatterThatCannotBeMadeIsOneLineAndExitStatus2() {
        assertThat(error(launch("--group", "Team"), 2)).contains("give TITLE:MEMBER");
        err.reset();
        assertThat(error(launch("--group", "Team:@nobody_here"), 2)).contains("no account @nobody_here");
        err.reset();
        assertThat(error(launch("--bot", "echo_bot", "--chatter", "@echo_bot:@echo_bot:soon"), 2)).contains("the interval must be like");
        err.reset();
        assertThat(error(launch("--bot", "echo_bot", "--chatter", "@echo_bot:#Nowhere:1s"), 2)).contains("no chat titled Nowhere");
    }

    /** https://core.telegram.org/api/auth#test-accounts, with no option at all. */
    @Test
    void testNumbersSignUpOnTestModeKeysWithoutOptions() {
        launch();
        assertThat(out()).contains("Test numbers 99966XYYYY (X = 1..1)");
        try (MtprotoClient client = MtprotoClient.create(printedConfig(1).testMode(true).build())) {
            var sent = (SentCode) client.invoke(new SendCode("9996614321", 1, "0123456789abcdef0123456789abcdef",
                    CodeSettings.builder().build())).join();
            Object signIn = client.invoke(SignIn.builder().phoneNumber("9996614321").phoneCodeHash(sent.phoneCodeHash())
                    .phoneCode("11111").build()).join();
            assertThat(signIn).isInstanceOf(AuthorizationSignUpRequired.class);
        }
    }

    @Test
    void anAccountThatCannotBeMadeIsOneLineAndExitStatus2() {
        assertThat(error(launch("--user", "+15550001"), 2)).contains("give PHONE:FIRST_NAME");
        err.reset();
        assertThat(error(launch("--bot", "echo_bot,colour=red"), 2)).contains("unknown part 'colour=red'");
        err.reset();
        assertThat(error(launch("--user", "+15550001:Al,dc=x"), 2)).contains("dc must be a number");
        err.reset();
        assertThat(error(launch("--user", "+15550001:Al,dc=5"), 2)).contains("--user +15550001: the cluster has no DC 5");
        err.reset();
        assertThat(error(launch("--bot", "plainname"), 2)).contains("must end with 'bot'");
        err.reset();
        assertThat(error(launch("--user", "+15550001:A", "--user", "+1 555 0001:B"), 2)).contains("already has an account");
    }

    @Test
    void aPortInUseIsNamedWithoutAStackTrace() throws IOException {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = busy.getLocalPort();
            assertThat(error(launch("--first-port", String.valueOf(port)), 1))
                    .contains("cannot start DC 1 on 127.0.0.1:" + port);
        }
    }

    @Test
    void portsAndFirstPortPlaceEachDc() throws IOException {
        int a = freePort();
        int b = freePort();
        TestCluster byList = launch("--ports", b + "," + a).cluster();
        assertThat(byList.dcs()).extracting(TestDc::port).containsExactly(b, a);
        byList.close();
        assertThat(launch("--first-port", String.valueOf(a), "--dcs", "1").cluster().dc(1).port()).isEqualTo(a);
        assertThat(out()).contains("DC 2 listening on 127.0.0.1:" + a, "DC 1 listening on 127.0.0.1:" + a);
    }

    @Test
    void mediaAndCdnAddMediaOnlyAddressesAndACdnDc() {
        TestCluster cluster = launch("--media", "--cdn").cluster();
        assertThat(cluster.dc(1).mediaPort()).isPresent();
        assertThat(cluster.cdnDc()).isPresent();
        assertThat(out()).contains("DC 1 media-only address 127.0.0.1:" + cluster.dc(1).mediaPort().getAsInt())
                .contains("CDN DC 203 listening on 127.0.0.1:" + cluster.cdnDc().orElseThrow().port())
                .contains(cluster.cdnRsaPublicKeyPem().orElseThrow());
    }

    @Test
    void strictTurnsOnStrictChecks() {
        assertThat(launch("--strict").cluster().strictChecks()).isTrue();
        assertThat(out()).contains("Checks: strict");
        assertThat(launch().cluster().strictChecks()).isFalse();
    }

    @Test
    void aSchemaDirectoryAddsLayersToServe() throws Exception {
        Path schemas = Files.createDirectory(dir.resolve("schemas"));
        try (var in = TestDcMain.class.getResourceAsStream("/dev/mtproto/testkit/layers/api-layer144.tl")) {
            Files.write(schemas.resolve("api-layer150.tl"), in.readAllBytes());
        }
        TestCluster cluster = launch("--schema-dir", schemas.toString()).cluster();
        assertThat(cluster.apiLayers().layers()).contains(144, 150, 190, 228);
        assertThat(cluster.apiLayers().servedLayer(170)).isEqualTo(150);
        assertThat(launch().cluster().apiLayers().servedLayer(170)).isEqualTo(144);
        assertThat(error(launch("--schema-dir", dir.resolve("none").toString()), 2)).contains("--schema-dir " + dir.resolve("none") + ": no such directory");
    }

    /** The same key every run, so another client's configuration stays the same; PKCS#1 and PKCS#8 both. */
    @Test
    void aFixedRsaKeyIsReadFromPkcs1OrPkcs8Pem() throws Exception {
        RSAPrivateCrtKey key = rsaKey(2048);
        Path pkcs8 = Files.writeString(dir.resolve("key8.pem"), pem("PRIVATE KEY", key.getEncoded()));
        Path pkcs1 = Files.writeString(dir.resolve("key1.pem"), pem("RSA PRIVATE KEY", pkcs1(key)));
        TestCluster first = launch("--rsa-key", pkcs8.toString()).cluster();
        TestCluster second = launch("--rsa-key", pkcs1.toString()).cluster();
        assertThat(first.rsaPublicKey().modulus()).isEqualTo(key.getModulus());
        assertThat(second.rsaPublicKeyPem()).isEqualTo(first.rsaPublicKeyPem());
    }

    @Test
    void aBadKeyFileIsAClearError() throws Exception {
        Path missing = dir.resolve("missing.pem");
        assertThat(error(launch("--rsa-key", missing.toString()), 2)).contains("--rsa-key " + missing + ": no such file");
        err.reset();
        Path text = Files.writeString(dir.resolve("text.pem"), "hello\n");
        assertThat(error(launch("--rsa-key", text.toString()), 2)).contains("--rsa-key " + text + ": ");
        err.reset();
        Path small = Files.writeString(dir.resolve("small.pem"), pem("PRIVATE KEY", rsaKey(1024).getEncoded()));
        assertThat(error(launch("--rsa-key", small.toString()), 2)).contains("1024 bits; MTProto needs a 2048-bit key");
        err.reset();
        Path publicKey = Files.writeString(dir.resolve("public.pem"), launch().cluster().rsaPublicKeyPem());
        assertThat(error(launch("--rsa-key", publicKey.toString()), 2)).contains("RSA PUBLIC KEY");
    }

    private static RSAPrivateCrtKey rsaKey(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** PKCS#1 RSAPrivateKey: SEQUENCE { version 0, n, e, d, p, q, d mod (p-1), d mod (q-1), q^-1 mod p }. */
    private static byte[] pkcs1(RSAPrivateCrtKey k) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (BigInteger v : List.of(BigInteger.ZERO, k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), k.getPrimeP(),
                k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient())) {
            byte[] bytes = v.toByteArray();
            body.writeBytes(derHeader(0x02, bytes.length));
            body.writeBytes(bytes);
        }
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        der.writeBytes(derHeader(0x30, body.size()));
        der.writeBytes(body.toByteArray());
        return der.toByteArray();
    }

    private static byte[] derHeader(int tag, int length) {
        if (length < 0x80) {
            return new byte[] {(byte) tag, (byte) length};
        }
        return new byte[] {(byte) tag, (byte) 0x82, (byte) (length >> 8), (byte) length};
    }
}
