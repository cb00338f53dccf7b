package dev.mtproto.benchmarks.sidebyside;

import dev.mtproto.crypto.RsaPublicKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the standalone test DC printed when it started: the address of its first DC and the RSA public key
 * to trust. Only the two things every version prints are read (the {@code DC <id> listening on
 * <host>:<port>} line and the PKCS#1 PEM block), so lines and options added later do not matter.
 *
 * @param dcId the DC's id
 * @param host the address it listens on
 * @param port its TCP port
 * @param rsaKey the key its key exchange uses
 */
public record DcAnnouncement(int dcId, String host, int port, RsaPublicKey rsaKey) {
    private static final Pattern LISTENING = Pattern.compile("DC (\\d+) listening on ([^\\s:]+):(\\d+)");
    private static final String PEM_BEGIN = "-----BEGIN RSA PUBLIC KEY-----";
    private static final String PEM_END = "-----END RSA PUBLIC KEY-----";

    /**
     * Reads the announcement from the file the DC's standard output went to.
     *
     * @param file the DC's output
     * @return the first DC's address and the key
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the file holds no address line or no public key
     * @throws dev.mtproto.crypto.KeyFormatException if the PEM block is not a valid RSA public key
     */
    public static DcAnnouncement read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher listening = LISTENING.matcher(text);
        if (!listening.find()) {
            throw new IllegalArgumentException(file + ": no \"DC <id> listening on <host>:<port>\" line; did the test DC start?");
        }
        int begin = text.indexOf(PEM_BEGIN);
        int end = begin < 0 ? -1 : text.indexOf(PEM_END, begin);
        if (end < 0) {
            throw new IllegalArgumentException(file + ": no RSA public key between " + PEM_BEGIN + " and " + PEM_END);
        }
        RsaPublicKey key = RsaPublicKey.fromPem(text.substring(begin, end + PEM_END.length()));
        return new DcAnnouncement(Integer.parseInt(listening.group(1)), listening.group(2), Integer.parseInt(listening.group(3)), key);
    }
}
