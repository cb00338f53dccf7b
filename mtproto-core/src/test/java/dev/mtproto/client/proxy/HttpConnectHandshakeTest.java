package dev.mtproto.client.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP CONNECT client handshake (https://www.rfc-editor.org/rfc/rfc9110#name-connect), Basic auth per RFC 7617. */
class HttpConnectHandshakeTest {
    private static final String OK = "HTTP/1.1 200 Connection established\r\nProxy-Agent: test\r\nVia: 1.1 gw\r\n\r\n";

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static HttpConnectHandshake http(String host, Optional<ProxyCredentials> credentials) {
        return new HttpConnectHandshake(host, 443, credentials);
    }

    @Test
    void theRequestWithoutCredentials() {
        assertThat(new String(http("149.154.167.51", Optional.empty()).start(), StandardCharsets.US_ASCII))
                .isEqualTo("CONNECT 149.154.167.51:443 HTTP/1.1\r\nHost: 149.154.167.51:443\r\n\r\n");
    }

    /** RFC 7617, section 2: the user-id and password joined by a colon, in base64. */
    @Test
    void theRequestWithBasicAuthAndAnIpv6Target() {
        Optional<ProxyCredentials> c = Optional.of(new ProxyCredentials("Aladdin", "open sesame"));
        assertThat(new String(http("2001:db8::1", c).start(), StandardCharsets.US_ASCII))
                .isEqualTo("CONNECT [2001:db8::1]:443 HTTP/1.1\r\nHost: [2001:db8::1]:443\r\n"
                        + "Proxy-Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==\r\n\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {OK, "HTTP/1.0 200 OK\r\n\r\n", "HTTP/1.1 204\r\n\r\n", "HTTP/1.1 200 OK\r\nX-Odd: \r\n\r\r\n\r\n"})
    void aSuccessfulResponseEndsAtTheBlankLineAtEveryCut(String response) throws Exception {
        HandshakeScript.Result r = HandshakeScript.everyCut(() -> http("10.0.0.1", Optional.empty()), ascii(response + "\u00ef"));
        assertThat(r.done()).isTrue();
        assertThat(r.unread()).as("the target's first byte stays on the connection").containsExactly(0xef);
    }

    @ParameterizedTest
    @CsvSource({"407 Proxy Authentication Required, AUTH_REFUSED", "401 Unauthorized, AUTH_REFUSED", "403 Forbidden, TARGET_REFUSED",
            "502 Bad Gateway, TARGET_REFUSED", "503 Service Unavailable, TARGET_REFUSED", "504 Gateway Timeout, TARGET_REFUSED",
            "400 Bad Request, PROTOCOL_ERROR", "405 Method Not Allowed, PROTOCOL_ERROR", "301 Moved, PROTOCOL_ERROR",
            "100 Continue, PROTOCOL_ERROR"})
    void statusCodes(String status, ProxyStep step) {
        byte[] response = ascii("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\n\r\n");
        assertThatThrownBy(() -> HandshakeScript.run(http("10.0.0.1", Optional.empty()), response, 0, 4))
                .isInstanceOfSatisfying(HandshakeFailure.class, f -> assertThat(f.step()).isEqualTo(step))
                .hasMessageContaining(status);
    }

    @Test
    void aRefusedPasswordIsNamedButNotShown() {
        Optional<ProxyCredentials> c = Optional.of(new ProxyCredentials("bob", "hunter2"));
        assertThatThrownBy(() -> HandshakeScript.run(http("10.0.0.1", c), ascii("HTTP/1.1 407 No\r\n\r\n"), 0, 4))
                .hasMessageContaining("refused the user name and password").hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SSH-2.0-OpenSSH_9.2\r\n\r\n", "\r\n\r\n", "HTTP/2 200\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n",
            "\u0005\u0000\r\n\r\n"})
    void notHttpIsAProtocolError(String response) {
        assertThatThrownBy(() -> HandshakeScript.run(http("10.0.0.1", Optional.empty()), ascii(response), 0, 4))
                .isInstanceOfSatisfying(HandshakeFailure.class, f -> assertThat(f.step()).isEqualTo(ProxyStep.PROTOCOL_ERROR));
    }

    @Test
    void endlessHeadersStopAtTheLimit() {
        byte[] response = ascii("HTTP/1.1 200 OK\r\n" + "X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".repeat(300));
        assertThat(response.length).isGreaterThan(HttpConnectHandshake.MAX_RESPONSE_HEAD);
        assertThatThrownBy(() -> HandshakeScript.run(http("10.0.0.1", Optional.empty()), response, 0, 4))
                .isInstanceOfSatisfying(HandshakeFailure.class, f -> assertThat(f.step()).isEqualTo(ProxyStep.PROTOCOL_ERROR))
                .hasMessageContaining("longer than " + HttpConnectHandshake.MAX_RESPONSE_HEAD);
    }

    @Test
    void anEndlessStatusLineStopsEarly() {
        byte[] response = ascii("HTTP/1.1 200 " + "x".repeat(5000));
        assertThatThrownBy(() -> HandshakeScript.run(http("10.0.0.1", Optional.empty()), response, 0, 4))
                .isInstanceOfSatisfying(HandshakeFailure.class, f -> assertThat(f.step()).isEqualTo(ProxyStep.PROTOCOL_ERROR))
                .hasMessageContaining("status line is longer");
    }

    @Test
    void neverWantsMoreThanTheRestOfTheBlankLine() throws Exception {
        HttpConnectHandshake h = http("10.0.0.1", Optional.empty());
        h.start();
        assertThat(h.wanted()).isEqualTo(4);
        h.receive(ascii("HTTP"), 0, 4);
        h.receive(ascii("/1.1"), 0, 4);
        h.receive(ascii(" 200"), 0, 4);
        h.receive(ascii("\r"), 0, 1);
        assertThat(h.wanted()).isEqualTo(3);
        h.receive(ascii("\n\r"), 0, 2);
        assertThat(h.wanted()).isEqualTo(1);
        assertThatThrownBy(() -> h.receive(ascii("\n\n"), 0, 2)).isInstanceOf(IllegalArgumentException.class);
        h.receive(ascii("\n"), 0, 1);
        assertThat(h.done()).isTrue();
        assertThat(h.wanted()).isZero();
    }
}
