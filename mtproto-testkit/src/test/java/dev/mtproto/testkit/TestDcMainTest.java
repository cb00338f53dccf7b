package dev.mtproto.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.client.ClientConfig;
import dev.mtproto.client.DcAddress;
import dev.mtproto.client.DcOptions;
import dev.mtproto.client.MtprotoClient;
import dev.mtproto.crypto.RsaPublicKey;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.help.GetNearestDc;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The standalone test DC prints what any client needs, and a client configured only from that output works. */
class TestDcMainTest {

    @Test
    void printsAddressesAndAKeyThatAClientCanUse() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TestCluster cluster = TestDcMain.start(new String[] {"--dcs", "2"}, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            String out = bytes.toString(StandardCharsets.UTF_8);
            Matcher dc1 = Pattern.compile("DC 1 listening on 127\\.0\\.0\\.1:(\\d+)").matcher(out);
            assertThat(dc1.find()).as(out).isTrue();
            assertThat(out).contains("DC 2 listening on");
            String pem = out.substring(out.indexOf("-----BEGIN RSA PUBLIC KEY-----"), out.indexOf("-----END RSA PUBLIC KEY-----") + 28);
            RsaPublicKey key = RsaPublicKey.fromPem(pem);
            assertThat(key.fingerprint()).isEqualTo(cluster.rsaPublicKey().fingerprint());
            assertThat(out).contains(String.format("fingerprint %016x", key.fingerprint()));

            ClientConfig config = ClientConfig.builder(TestCluster.TEST_API_ID, TestCluster.TEST_API_HASH).homeDc(1).addRsaKey(key)
                    .dcOptions(DcOptions.of(new DcAddress(1, "127.0.0.1", Integer.parseInt(dc1.group(1))))).build();
            try (MtprotoClient client = MtprotoClient.create(config)) {
                assertThat(client.invoke(GetNearestDc.INSTANCE).join()).isEqualTo(new NearestDc("XX", 1, 1));
            }
        }
    }

    @Test
    void wrongUsageIsExplained() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TestDcMain.start(new String[] {"--dcs", "12"}, out)).hasMessageContaining("--dcs must be 1..9");
        assertThatThrownBy(() -> TestDcMain.start(new String[] {"--port"}, out)).hasMessageContaining("--port needs a number");
        assertThatThrownBy(() -> TestDcMain.start(new String[] {"--dcs", "x"}, out)).hasMessageContaining("got 'x'");
        assertThatThrownBy(() -> TestDcMain.start(new String[] {"--verbose"}, out)).hasMessageContaining("unknown option --verbose");
    }
}
