package dev.mtproto.crypto;

import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code -----BEGIN label----- ... -----END label-----} block: its label and DER bytes. */
record PemBlock(String label, byte[] der) {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END ([A-Z0-9 ]+)-----", Pattern.DOTALL);

    /**
     * Reads the first PEM block of {@code text}.
     *
     * @throws KeyFormatException if there is no well-formed block or its Base64 body is invalid
     */
    static PemBlock parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = BLOCK.matcher(text);
        if (!m.find()) {
            throw new KeyFormatException("no PEM block (-----BEGIN ...----- / -----END ...-----) found");
        }
        if (!m.group(1).equals(m.group(3))) {
            throw new KeyFormatException("PEM block begins with '" + m.group(1) + "' but ends with '" + m.group(3) + "'");
        }
        String body = m.group(2).replaceAll("\\s+", "");
        try {
            return new PemBlock(m.group(1), Base64.getDecoder().decode(body));
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("PEM block '" + m.group(1) + "' has an invalid Base64 body", e);
        }
    }
}
