package dev.mtproto.client.proxy;

import static dev.mtproto.client.proxy.HandshakeScript.bytes;
import static dev.mtproto.client.proxy.HandshakeScript.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The SOCKS5 client handshake, byte for byte against RFC 1928 (https://www.rfc-editor.org/rfc/rfc1928) and RFC 1929. */
class Socks5HandshakeTest {
    private static final Optional<ProxyCredentials> ALICE = Optional.of(new ProxyCredentials("alice", "s3cret"));
    private static final byte[] NO_AUTH = bytes(5, 0);
    private static final byte[] OK_IPV4 = bytes(5, 0, 0, 1, 10, 0, 0, 1, 0x30, 0x39);

    private static Socks5Handshake socks(String host, Optional<ProxyCredentials> credentials) {
        return new Socks5Handshake(host, 443, credentials);
    }

    @Test
    void noAuthenticationToAnIpv4Target() throws Exception {
        HandshakeScript.Result r = HandshakeScript.everyCut(() -> socks("149.154.167.51", Optional.empty()),
                concat(NO_AUTH, OK_IPV4, bytes(0xef)));
        assertThat(r.sent()).containsExactly(concat(bytes(5, 1, 0), bytes(5, 1, 0, 1, 149, 154, 167, 51, 0x01, 0xbb)));
        assertThat(r.done()).isTrue();
        assertThat(r.unread()).as("the byte after the reply is the target's, left on the connection").containsExactly(0xef);
    }

    @Test
    void usernamePasswordThenADomainTargetAndADomainBoundAddress() throws Exception {
        byte[] bound = concat(bytes(5, 0, 0, 3, 9), "proxy.lan".getBytes(StandardCharsets.US_ASCII), bytes(0x04, 0x38));
        HandshakeScript.Result r = HandshakeScript.everyCut(() -> socks("venus.example", ALICE),
                concat(bytes(5, 2), bytes(1, 0), bound));
        assertThat(r.sent()).containsExactly(concat(
                bytes(5, 2, 0, 2),
                bytes(1, 5), "alice".getBytes(StandardCharsets.UTF_8), bytes(6), "s3cret".getBytes(StandardCharsets.UTF_8),
                bytes(5, 1, 0, 3, 13), "venus.example".getBytes(StandardCharsets.US_ASCII), bytes(0x01, 0xbb)));
        assertThat(r.done()).isTrue();
        assertThat(r.unread()).isEmpty();
    }

    @Test
    void credentialsOfferedButTheProxyWantsNone() throws Exception {
        HandshakeScript.Result r = HandshakeScript.everyCut(() -> socks("10.1.2.3", ALICE), concat(NO_AUTH, OK_IPV4));
        assertThat(r.sent()).containsExactly(concat(bytes(5, 2, 0, 2), bytes(5, 1, 0, 1, 10, 1, 2, 3, 0x01, 0xbb)));
        assertThat(r.done()).isTrue();
    }

    @Test
    void ipv6TargetAndIpv6BoundAddress() throws Exception {
        byte[] bound = concat(bytes(5, 0, 0, 4), new byte[16], bytes(0, 80));
        HandshakeScript.Result r = HandshakeScript.everyCut(() -> socks("2001:db8::a", Optional.empty()), concat(NO_AUTH, bound));
        byte[] address = bytes(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0a);
        assertThat(r.sent()).containsExactly(concat(bytes(5, 1, 0), bytes(5, 1, 0, 4), address, bytes(0x01, 0xbb)));
        assertThat(r.done()).isTrue();
    }

    @Test
    void aDottedNameThatIsNotAnAddressGoesAsAName() throws Exception {
        HandshakeScript.Result r = HandshakeScript.run(socks("999.1.1.1", Optional.empty()), concat(NO_AUTH, OK_IPV4), 0, 64);
        assertThat(r.sent()).containsExactly(concat(bytes(5, 1, 0), bytes(5, 1, 0, 3, 9), "999.1.1.1".getBytes(StandardCharsets.US_ASCII),
                bytes(0x01, 0xbb)));
    }

    /** RFC 1928, section 6: every failure code, and the step it fails. */
    @ParameterizedTest
    @CsvSource({"1, TARGET_REFUSED, general SOCKS server failure", "2, TARGET_REFUSED, not allowed by ruleset",
            "3, TARGET_REFUSED, network unreachable", "4, TARGET_REFUSED, host unreachable",
            "5, TARGET_REFUSED, connection refused", "6, TARGET_REFUSED, TTL expired",
            "7, PROTOCOL_ERROR, command not supported", "8, PROTOCOL_ERROR, address type not supported",
            "9, PROTOCOL_ERROR, unassigned reply code 9", "255, PROTOCOL_ERROR, unassigned reply code 255"})
    void everyReplyCode(int code, ProxyStep step, String text) {
        byte[] reply = bytes(5, code, 0, 1, 0, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> HandshakeScript.run(socks("10.0.0.1", Optional.empty()), concat(NO_AUTH, reply), 0, 64))
                .isInstanceOfSatisfying(HandshakeFailure.class, f -> assertThat(f.step()).isEqualTo(step))
                .hasMessageContaining(text);
    }

    @Test
    void wrongPasswordIsAuthRefused() {
        assertThatThrownBy(() -> HandshakeScript.run(socks("10.0.0.1", ALICE), bytes(5, 2, 1, 1), 0, 64))
                .isInstanceOfSatisfying(HandshakeFailure.class, f -> assertThat(f.step()).isEqualTo(ProxyStep.AUTH_REFUSED))
                .hasMessageContaining("refused the user name and password")
                .hasMessageNotContaining("s3cret");
    }

    @ParameterizedTest
    @CsvSource({"255, true, accepts none of our authentication methods", "255, false, wants a user name and password and none is configured",
            "2, false, wants a user name and password and none is configured"})
    void noAcceptableMethodIsAuthRefused(int method, boolean withCredentials, String text) {
        Optional<ProxyCredentials> c = withCredentials ? ALICE : Optional.empty();
        assertThatThrownBy(() -> HandshakeScript.run(socks("10.0.0.1", c), bytes(5, method), 0, 64))
                .isInstanceOfSatisfying(HandshakeFailure.class, f -> assertThat(f.step()).isEqualTo(ProxyStep.AUTH_REFUSED))
                .hasMessageContaining(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0401", "0501", "0503", "0500 06000001", "0500 0500 0009", "0502 0300"})
    void notSocks5IsAProtocolError(String hex) {
        byte[] fromProxy = java.util.HexFormat.of().parseHex(hex.replace(" ", ""));
        Optional<ProxyCredentials> c = hex.startsWith("0502") ? ALICE : Optional.empty();
        assertThatThrownBy(() -> HandshakeScript.run(socks("10.0.0.1", c), fromProxy, 0, 64))
                .isInstanceOfSatisfying(HandshakeFailure.class, f -> assertThat(f.step()).isEqualTo(ProxyStep.PROTOCOL_ERROR));
    }

    @Test
    void theLongestBoundNameIsReadAndNoMore() throws Exception {
        byte[] name = new byte[255];
        java.util.Arrays.fill(name, (byte) 'a');
        byte[] reply = concat(bytes(5, 0, 0, 3, 255), name, bytes(0, 1), bytes(7, 7));
        HandshakeScript.Result r = HandshakeScript.run(socks("10.0.0.1", Optional.empty()), concat(NO_AUTH, reply), 0, 1000);
        assertThat(r.done()).isTrue();
        assertThat(r.unread()).containsExactly(7, 7);
    }

    @Test
    void nothingMoreThanWantedIsTaken() throws Exception {
        Socks5Handshake h = socks("10.0.0.1", Optional.empty());
        h.start();
        assertThat(h.wanted()).isEqualTo(2);
        assertThatThrownBy(() -> h.receive(new byte[3], 0, 3)).isInstanceOf(IllegalArgumentException.class);
        h.receive(NO_AUTH, 0, 2);
        assertThat(h.wanted()).isEqualTo(4);
        h.receive(OK_IPV4, 0, 4);
        assertThat(h.wanted()).isEqualTo(6);
        h.receive(OK_IPV4, 4, 6);
        assertThat(h.done()).isTrue();
        assertThat(h.wanted()).isZero();
    }

    @Test
    void aHostNameSocks5CannotCarryIsRefusedUpFront() {
        assertThatThrownBy(() -> socks("a".repeat(256), Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("255");
    }
}
