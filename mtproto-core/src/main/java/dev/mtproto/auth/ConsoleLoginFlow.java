package dev.mtproto.auth;

import dev.mtproto.auth.qr.QrCode;
import dev.mtproto.auth.qr.TerminalBackground;
import dev.mtproto.auth.qr.UnicodeQr;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A {@link LoginFlow} for a terminal: asks on standard output, reads answers from standard input, the
 * password without echo when the JVM has a console; shows QR codes as Unicode blocks with their link. Each
 * question says what went wrong with the previous answer.
 */
public final class ConsoleLoginFlow implements LoginFlow {
    private final BufferedReader in;
    private final PrintStream out;
    private final Console console;
    private final TerminalBackground background;

    /** A flow on {@code System.in} and {@code System.out}, drawing QR codes for a dark terminal. */
    public ConsoleLoginFlow() {
        this(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out, System.console(),
                TerminalBackground.DARK);
    }

    /**
     * @param in where answers are read
     * @param out where questions go
     * @param console the console for reading the password without echo, or {@code null} to read it from {@code in}
     * @param background the terminal's background, so that QR codes come out dark on light for the scanner
     */
    public ConsoleLoginFlow(BufferedReader in, PrintStream out, Console console, TerminalBackground background) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.console = console;
        this.background = Objects.requireNonNull(background, "background");
    }

    @Override
    public String phoneNumber() {
        return ask("Phone number (international format, e.g. +15551234567): ");
    }

    @Override
    public String code(CodeRequest request) {
        request.previousError().ifPresent(e -> out.println(explain(e)));
        StringBuilder q = new StringBuilder("Login code sent to ").append(request.phoneNumber()).append(" (").append(request.delivery());
        if (request.length() > 0) {
            q.append(", ").append(request.length()).append(" digits");
        }
        q.append("): ");
        return ask(q.toString());
    }

    @Override
    public char[] password(PasswordRequest request) {
        request.previousError().ifPresent(e -> out.println(explain(e)));
        String prompt = "Two-step verification password" + request.hint().map(h -> " (hint: " + h + ")").orElse("") + ": ";
        if (console != null) {
            return console.readPassword("%s", prompt);
        }
        String line = ask(prompt);
        return line == null ? null : line.toCharArray();
    }

    @Override
    public SignUpDetails signUp(SignUpRequest request) {
        request.previousError().ifPresent(e -> out.println(explain(e)));
        out.println(request.phoneNumber() + " has no Telegram account yet.");
        request.termsOfService().ifPresent(t -> out.println("Terms of service:\n" + t));
        String yes = ask("Create an account and accept the terms? [y/N] ");
        if (yes == null || !yes.strip().equalsIgnoreCase("y")) {
            return null;
        }
        String first = ask("First name: ");
        String last = ask("Last name (may be empty): ");
        return first == null ? null : new SignUpDetails(first.strip(), last == null ? "" : last.strip());
    }

    @Override
    public void showQrCode(QrLogin login) {
        out.println("Scan this in a signed-in Telegram app (Settings > Devices > Link Desktop Device):");
        out.print(UnicodeQr.render(QrCode.encode(login.link()), background));
        out.println(login.link());
        out.println("(valid until " + login.expires() + ")");
    }

    private String ask(String question) {
        out.print(question);
        out.flush();
        try {
            String line = in.readLine();
            return line == null ? null : line.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the answer failed", e);
        }
    }

    private static String explain(LoginError error) {
        return switch (error) {
            case PHONE_CODE_INVALID -> "That code is not right.";
            case PHONE_CODE_EMPTY -> "No code was entered.";
            case PHONE_CODE_EXPIRED, AUTH_RESTART -> "That code expired; a new one was sent.";
            case PASSWORD_HASH_INVALID -> "That password is not right.";
            case SRP_ID_INVALID -> "The password settings changed meanwhile; please enter it again.";
            case FIRSTNAME_INVALID -> "The first name must be 1 to 64 characters.";
            case LASTNAME_INVALID -> "The last name is too long.";
            default -> "Telegram refused that: " + error;
        };
    }
}
