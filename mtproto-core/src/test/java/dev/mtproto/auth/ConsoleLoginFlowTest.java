package dev.mtproto.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.auth.qr.QrCode;
import dev.mtproto.auth.qr.TerminalBackground;
import dev.mtproto.auth.qr.UnicodeQr;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleLoginFlowTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private ConsoleLoginFlow flow(String input) {
        return new ConsoleLoginFlow(new BufferedReader(new StringReader(input)), new PrintStream(bytes, true, StandardCharsets.UTF_8),
                null, TerminalBackground.LIGHT);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void asksForEachAnswerAndSaysWhyTheLastWasRefused() {
        ConsoleLoginFlow flow = flow("+15550001\n 12345 \nhunter2\n");
        assertThat(flow.phoneNumber()).isEqualTo("+15550001");
        assertThat(flow.code(new CodeRequest("+15550001", "sms", 5, Optional.empty(), Optional.of(Duration.ofSeconds(60)), 2,
                Optional.of(LoginError.PHONE_CODE_INVALID)))).isEqualTo("12345");
        assertThat(flow.password(new PasswordRequest(Optional.of("pet's name"), 1, Optional.empty()))).containsExactly("hunter2".toCharArray());
        assertThat(printed()).contains("That code is not right.").contains("sms, 5 digits").contains("hint: pet's name");
    }

    @Test
    void signsUpOnlyWhenTold() {
        assertThat(flow("n\n").signUp(new SignUpRequest("+1555", Optional.of("Be nice."), 1, Optional.empty()))).isNull();
        SignUpDetails names = flow("y\nAda\n\n").signUp(new SignUpRequest("+1555", Optional.empty(), 1, Optional.empty()));
        assertThat(names).isEqualTo(new SignUpDetails("Ada", ""));
    }

    @Test
    void showsTheQrCodeAndItsLink() {
        QrLogin login = new QrLogin(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, Instant.ofEpochSecond(2_000_000_000));
        flow("").showQrCode(login);
        assertThat(printed()).contains(UnicodeQr.render(QrCode.encode(login.link()), TerminalBackground.LIGHT)).contains(login.link());
    }

    @Test
    void theEndOfInputCancels() {
        assertThat(flow("").phoneNumber()).isNull();
    }
}
