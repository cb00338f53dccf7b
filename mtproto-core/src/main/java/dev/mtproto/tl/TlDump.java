package dev.mtproto.tl;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Command-line decoder: prints the TL object in a file, indented, with secrets masked.
 *
 * <pre>
 * java -cp mtproto-core.jar dev.mtproto.tl.TlDump [--hex] FILE...
 * </pre>
 *
 * Each file holds one boxed object of the API or MTProto schema (for example the body of an
 * {@code rpc_result}); {@code --hex} reads hexadecimal text instead of raw bytes. Exit status 0 when every
 * file decoded, 1 when one did not (the reason is printed), 2 on wrong usage.
 */
public final class TlDump {
    private TlDump() {
    }

    /**
     * @param args {@code [--hex] FILE...}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        boolean hex = args.length > 0 && args[0].equals("--hex");
        int first = hex ? 1 : 0;
        if (args.length == first) {
            err.println("usage: TlDump [--hex] FILE...  (decodes one boxed TL object per file)");
            return 2;
        }
        int status = 0;
        for (int i = first; i < args.length; i++) {
            Path file = Path.of(args[i]);
            try {
                byte[] bytes = Files.readAllBytes(file);
                if (hex) {
                    bytes = HexFormat.of().parseHex(new String(bytes, StandardCharsets.US_ASCII).replaceAll("\\s+", ""));
                }
                long start = System.nanoTime();
                TlReader r = new TlReader(bytes);
                TlObject value = r.readObject();
                r.expectEnd();
                long micros = (System.nanoTime() - start) / 1000;
                out.printf("%s: %s, %d bytes, decoded in %d us%n", file, value.tlName(), bytes.length, micros);
                out.println(indent(value.toString()));
            } catch (IOException | IllegalArgumentException | TlDecodeException e) {
                err.println(file + ": " + e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    /** Breaks {@code name{a=1, b=[x{...}]}} into indented lines; text inside quotes is left alone. */
    static String indent(String flat) {
        StringBuilder sb = new StringBuilder(flat.length() * 2);
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            if (quoted) {
                sb.append(c);
                if (c == '\\' && i + 1 < flat.length()) {
                    sb.append(flat.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    sb.append(c);
                }
                case '{', '[' -> {
                    boolean empty = i + 1 < flat.length() && (flat.charAt(i + 1) == '}' || flat.charAt(i + 1) == ']');
                    sb.append(c);
                    if (!empty) {
                        depth++;
                        sb.append('\n').append("  ".repeat(depth));
                    }
                }
                case '}', ']' -> {
                    boolean empty = i > 0 && (flat.charAt(i - 1) == '{' || flat.charAt(i - 1) == '[');
                    if (!empty) {
                        depth--;
                        sb.append('\n').append("  ".repeat(Math.max(0, depth)));
                    }
                    sb.append(c);
                }
                case ',' -> {
                    sb.append(",\n").append("  ".repeat(depth));
                    if (i + 1 < flat.length() && flat.charAt(i + 1) == ' ') {
                        i++;
                    }
                }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
