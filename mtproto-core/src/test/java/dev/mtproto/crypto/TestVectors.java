package dev.mtproto.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Loads the shared known-answer vectors from the test classpath ({@code /vectors/*.json}). */
final class TestVectors {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private TestVectors() {
    }

    static JsonNode load(String name) {
        try (InputStream in = TestVectors.class.getResourceAsStream("/vectors/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test vector file " + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hex(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new IllegalStateException("missing hex field");
        }
        return HEX.parseHex(node.asString());
    }

    static byte[] hex(String s) {
        return HEX.parseHex(s);
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes).toUpperCase(java.util.Locale.ROOT);
    }

    static BigInteger bigBe(JsonNode node) {
        return new BigInteger(1, hex(node));
    }
}
